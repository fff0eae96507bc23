import * as z from "zod";
import { whatHappenedSchema } from "../../../domain/complaint";
import type { DraftAnswers } from "../../../domain/draft";

/**
 * The wizard's steps as data (style.md rule 5): one table maps each step to its fields, its schema
 * (built from the shared complaint schema), the next step and the answers a change makes irrelevant.
 * One route renders any step.
 */
export type FieldKind = "textarea";

export interface FieldDefinition {
  /** The draft answer this field holds, and the input's name. */
  name: keyof DraftAnswers;
  kind: FieldKind;
  /** i18n key prefix, e.g. `wizard:whatHappened` → `.label`, `.hint`. */
  textKey: string;
}

export interface StepDefinition {
  id: string;
  /** i18n key of the page heading, used in check answers too. */
  titleKey: string;
  fields: FieldDefinition[];
  schema: z.ZodType<Partial<DraftAnswers>>;
  next: (answers: DraftAnswers) => string;
  /** Answers to clear when this step's answer changes, because they no longer apply. */
  invalidates?: (before: DraftAnswers, after: DraftAnswers) => Array<keyof DraftAnswers>;
}

export const CHECK_STEP = "check";

export const steps: StepDefinition[] = [
  {
    id: "what-happened",
    titleKey: "wizard:whatHappened.label",
    fields: [{ name: "whatHappened", kind: "textarea", textKey: "wizard:whatHappened" }],
    schema: z.object({ whatHappened: whatHappenedSchema.shape.text }),
    next: () => CHECK_STEP,
  },
];

export const firstStepId = steps[0]?.id ?? CHECK_STEP;

export function findStep(id: string | undefined): StepDefinition | undefined {
  return steps.find((step) => step.id === id);
}

export function stepPath(id: string): string {
  return `/complaint/${id}`;
}
