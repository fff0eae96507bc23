import "./zod-config";
import * as z from "zod";
import { actsForChild as actsForChildRole, draftAnswersShape } from "./answers";

/**
 * A draft holds whatever the person has typed so far, valid or not: nothing typed is ever dropped,
 * so strings here have no length limits and every answer is optional. The complaint schema checks
 * it all when the person continues or sends.
 */
export const DRAFT_SCHEMA_VERSION = 2;

/** Every answer in the answer table (answers.ts), each as its draft rule. */
export const draftAnswersSchema = z.object(draftAnswersShape);
export type DraftAnswers = z.infer<typeof draftAnswersSchema>;

export const draftRecordSchema = z.object({
  id: z.uuid(),
  schemaVersion: z.literal(DRAFT_SCHEMA_VERSION),
  councilId: z.string().min(1),
  label: z.string().max(60).optional(),
  answers: draftAnswersSchema,
  /** The step last visited, so "Carry on" returns to the right page. */
  step: z.string().optional(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type DraftRecord = z.infer<typeof draftRecordSchema>;

/** Someone other than the young person or care leaver: the child's agreement and views are needed (docs/domain.md §1). */
export function actsForChild(role: DraftAnswers["role"]): boolean {
  return actsForChildRole(role);
}
