import "./zod-config";
import * as z from "zod";
import {
  answersInComplaint,
  complaintRuleAt,
  complaintRulesShownWith,
  complaintRulesUnder,
  contactMethods,
  type ContactMethod,
  type RulesShownWith,
} from "./answers";
import { COUNCIL_ID } from "./council-id";
import type { DraftRecord } from "./draft";
import { key, yearInRange } from "./schema-rules";

/**
 * The complaint: one zod schema used by the wizard (per step), the IndexedDB loader, the outbox and
 * the server (style.md rule 3), its answers' rules and limits taken from the answer table (answers.ts). Messages are i18n keys in the `validation` namespace, never sentences.
 * Only what a council needs to act is required (what happened); every other answer is optional
 * here and asked for by the wizard, because the app warns and never blocks (docs/domain.md, "Decisions").
 */

export const COMPLAINT_SCHEMA_VERSION = 1;

// The answers' options and rules live in the answer table (answers.ts); the complaint is built from it.
export {
  actsForChild,
  advocateOptions,
  childAgreementOptions,
  childSituations,
  contactMethods,
  inDangerOptions,
  proceedingsOptions,
  roles,
  topics,
  whenOptions,
  type AdvocateChoice,
  type ChildAgreement,
  type ChildSituation,
  type ContactMethod,
  type InDangerAnswer,
  type Proceeding,
  type Role,
  type Topic,
  type WhenOption,
} from "./answers";
export {
  EARLIEST_YEAR,
  LATEST_YEAR,
  hasUnstorableCharacter,
  hasVisibleCharacter,
  isoDate,
  key,
  requiredText,
  text,
  validationKeys,
  visibleLength,
} from "./schema-rules";

/**
 * An ISO date and time with its offset, as `Date.prototype.toISOString` writes it. At most
 * milliseconds (zod alone accepts any number of fraction digits, so any length), in EARLIEST_YEAR
 * to LATEST_YEAR.
 */
export const isoDateTime = z
  .string(key("datetime.format"))
  .max(29, { ...key("datetime.format"), abort: true })
  .check(z.iso.datetime({ offset: true, ...key("datetime.format") }))
  .refine(yearInRange, key("datetime.format"));

/** A lower-case UUID: one complaint has one id whatever case its sender wrote it in. */
export function uuid() {
  return z.uuid(key("id.format")).toLowerCase();
}

export const childSchema = z.strictObject(complaintRulesUnder("child"));

export const eligibilityAnswersSchema = z.strictObject(complaintRulesUnder("eligibility"));
export type EligibilityAnswers = z.infer<typeof eligibilityAnswersSchema>;

export const representationSchema = z.strictObject(complaintRulesUnder("representation"));
export type Representation = z.infer<typeof representationSchema>;

export const whatHappenedSchema = z.strictObject(
  complaintRulesUnder("whatHappened"),
  // Only for a missing or non-object `whatHappened`; unknown keys keep their own message.
  { error: (issue) => (issue.code === "invalid_type" ? "validation:whatHappened.text.required" : undefined) },
);
export type WhatHappened = z.infer<typeof whatHappenedSchema>;

type ContactShape<Method extends ContactMethod> = z.ZodObject<{ method: z.ZodLiteral<Method> } & RulesShownWith<Method>, z.core.$strict>;
type ContactShapes<Methods extends readonly ContactMethod[]> = { [I in keyof Methods]: ContactShape<Methods[I]> };

/** One shape per way of being contacted, each with the answers shown under that choice (the table's `shownWith`). */
const contactShapes = contactMethods.map((method) =>
  z.strictObject({ method: z.literal(method), ...complaintRulesShownWith("contactMethod", method) }),
) as unknown as ContactShapes<typeof contactMethods>;

export const contactSchema = z.discriminatedUnion("method", contactShapes, key("contact.method.required"));
export type Contact = z.infer<typeof contactSchema>;

/** A complaint as sent to `POST /api/v1/complaints`. */
export const complaintSchema = z
  .strictObject({
    id: uuid(),
    councilId: z.string(key("councilId.type")).regex(COUNCIL_ID, key("councilId.format")),
    schemaVersion: z.literal(COMPLAINT_SCHEMA_VERSION, key("schemaVersion.unsupported")),
    role: complaintRuleAt("role"),
    child: childSchema.optional(),
    eligibility: eligibilityAnswersSchema.optional(),
    representation: representationSchema.optional(),
    whatHappened: whatHappenedSchema,
    putRight: complaintRuleAt("putRight"),
    adjustments: complaintRuleAt("adjustments"),
    wantsAdvocate: complaintRuleAt("wantsAdvocate"),
    contact: contactSchema.optional(),
    /**
     * The person said someone may be in danger now (the safety question, issue 16), so staff can read
     * it first. Optional, never defaulted: absent means the question was not asked (a client from
     * before it existed), which is not the same as "no".
     */
    saysInDanger: complaintRuleAt("saysInDanger"),
    /**
     * The language the person used Speak Up in (issue 14): a BCP 47 code such as "ar" or "en-GB", so
     * the council knows to offer an interpreter. Optional: clients from before it existed send none.
     */
    language: z
      .string(key("language.format"))
      .max(35, key("language.format"))
      .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8}){0,4}$/, key("language.format"))
      .optional(),
    createdAt: isoDateTime,
    submittedAt: isoDateTime,
  })
  .refine((complaint) => Date.parse(complaint.submittedAt) >= Date.parse(complaint.createdAt), {
    ...key("submittedAt.beforeCreatedAt"),
    path: ["submittedAt"],
    // Only once both dates have passed their own checks.
    when: (payload) => payload.issues.length === 0,
  });
export type Complaint = z.infer<typeof complaintSchema>;
export type ComplaintInput = z.input<typeof complaintSchema>;

/**
 * Build the submission from a draft; the result is checked by `complaintSchema` before it is queued.
 * Each answer goes where the answer table puts it (answers.ts `answersInComplaint`). Here rather
 * than in draft.ts, so a question page that reads and saves a draft never runs this module and
 * builds the complaint's rules (issue 9, decision 027).
 */
export function complaintFromDraft(
  draft: Pick<DraftRecord, "id" | "councilId" | "answers" | "createdAt">,
  submittedAt: string,
): z.ZodSafeParseResult<Complaint> {
  return complaintSchema.safeParse({
    id: draft.id,
    councilId: draft.councilId,
    schemaVersion: COMPLAINT_SCHEMA_VERSION,
    ...answersInComplaint(draft.answers),
    createdAt: draft.createdAt,
    submittedAt,
  });
}

/** References are read over the phone: no 0/O, 1/I/L, and a fixed `SU-XXXX-XXXX` shape. */
export const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const referenceSchema = z
  .string(key("reference.format"))
  .regex(new RegExp(`^SU-[${REFERENCE_ALPHABET}]{4}-[${REFERENCE_ALPHABET}]{4}$`), key("reference.format"));

/**
 * Build a reference from 8 random bytes (the caller supplies them so this stays environment-free).
 * Uses rejection-free modulo on 31 symbols; the slight bias is harmless for a non-secret id.
 */
export function referenceFromBytes(bytes: ArrayLike<number>): string {
  if (bytes.length < 8) throw new Error("referenceFromBytes needs 8 bytes");
  let out = "";
  for (let i = 0; i < 8; i++) {
    out += REFERENCE_ALPHABET[(bytes[i] ?? 0) % REFERENCE_ALPHABET.length];
  }
  return `SU-${out.slice(0, 4)}-${out.slice(4)}`;
}
