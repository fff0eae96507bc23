import "./zod-config";
import * as z from "zod";
import {
  advocateOptions,
  childAgreementOptions,
  childSituations,
  COMPLAINT_SCHEMA_VERSION,
  complaintSchema,
  contactMethods,
  inDangerOptions,
  proceedingsOptions,
  roles,
  topics,
  whenOptions,
  type Complaint,
} from "./complaint";

/**
 * A draft holds whatever the person has typed so far, valid or not: nothing typed is ever dropped,
 * so strings here have no length limits and every answer is optional. The complaint schema checks
 * it all when the person continues or sends.
 */
export const DRAFT_SCHEMA_VERSION = 2;

const loose = z.string().optional();

export const draftAnswersSchema = z.object({
  role: z.enum(roles).optional(),
  inDanger: z.enum(inDangerOptions).optional(),
  childSituation: z.enum(childSituations).optional(),
  topics: z.array(z.enum(topics)).optional(),
  when: z.enum(whenOptions).optional(),
  proceedings: z.array(z.enum(proceedingsOptions)).optional(),
  childName: loose,
  childAge: loose,
  childAgreement: z.enum(childAgreementOptions).optional(),
  howChecked: loose,
  checkedOn: loose,
  childsWords: loose,
  whyCannotAsk: loose,
  whatHappened: loose,
  whatHappenedWhen: loose,
  whatHappenedWho: loose,
  putRight: loose,
  adjustments: loose,
  wantsAdvocate: z.enum(advocateOptions).optional(),
  contactMethod: z.enum(contactMethods).optional(),
  email: loose,
  phone: loose,
  address: loose,
  advocateName: loose,
  advocateContact: loose,
});
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
  return role !== undefined && role !== "young-person" && role !== "care-leaver";
}

/** The contact details for the chosen method, in the complaint schema's shape (not yet validated). */
export function contactFromAnswers(a: DraftAnswers) {
  switch (a.contactMethod) {
    case "email":
      return { method: "email" as const, email: (a.email ?? "").trim() };
    case "phone":
      return { method: "phone" as const, phone: a.phone ?? "" };
    case "post":
      return { method: "post" as const, address: a.address ?? "" };
    case "advocate":
      return { method: "advocate" as const, advocateName: a.advocateName ?? "", advocateContact: a.advocateContact ?? "" };
    case "none":
      return { method: "none" as const };
    case undefined:
      return undefined;
  }
}

function blankToUndefined(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Build the submission from a draft; the result is checked by `complaintSchema` before it is queued. */
export function complaintFromDraft(
  draft: Pick<DraftRecord, "id" | "councilId" | "answers" | "createdAt">,
  submittedAt: string,
): z.ZodSafeParseResult<Complaint> {
  const a = draft.answers;
  const age = blankToUndefined(a.childAge);
  const childName = blankToUndefined(a.childName);
  const child = childName || age ? { name: childName, age: age === undefined ? undefined : Number(age) } : undefined;
  const eligibility =
    a.childSituation || a.topics || a.when || a.proceedings
      ? {
          childSituation: a.childSituation,
          // No box ticked is "not answered", not an answer the schema should reject.
          topics: a.topics && a.topics.length > 0 ? a.topics : undefined,
          when: a.when,
          proceedings: a.proceedings,
        }
      : undefined;
  const representation = a.childAgreement && actsForChild(a.role)
    ? {
        childAgreement: a.childAgreement,
        howChecked: blankToUndefined(a.howChecked),
        checkedOn: blankToUndefined(a.checkedOn),
        childsWords: blankToUndefined(a.childsWords),
        whyCannotAsk: blankToUndefined(a.whyCannotAsk),
      }
    : undefined;
  const contact = contactFromAnswers(a);
  return complaintSchema.safeParse({
    id: draft.id,
    councilId: draft.councilId,
    schemaVersion: COMPLAINT_SCHEMA_VERSION,
    role: a.role,
    child,
    eligibility,
    representation,
    whatHappened: {
      text: a.whatHappened ?? "",
      when: blankToUndefined(a.whatHappenedWhen),
      who: blankToUndefined(a.whatHappenedWho),
    },
    putRight: blankToUndefined(a.putRight),
    adjustments: blankToUndefined(a.adjustments),
    // An advocate filling this in is the child's advocate, so the child has one (issue 15).
    wantsAdvocate: a.role === "advocate" ? "already-have" : a.wantsAdvocate,
    contact,
    saysInDanger: a.inDanger === undefined ? undefined : a.inDanger === "yes",
    createdAt: draft.createdAt,
    submittedAt,
  });
}
