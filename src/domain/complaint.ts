import "./zod-config";
import * as z from "zod";

/**
 * The complaint: one zod schema used by the wizard (per step), the IndexedDB loader, the outbox and
 * the server (style.md rule 3). Messages are i18n keys in the `validation` namespace, never sentences.
 * Only what a council needs to act is required (what happened); every other answer is optional
 * here and asked for by the wizard, because the app warns and never blocks (domain.md, "Decisions").
 */

export const COMPLAINT_SCHEMA_VERSION = 1;

/** Who is filling this in (domain.md §1, statutory categories 1–8). */
export const roles = [
  "young-person",
  "care-leaver",
  "parent",
  "parental-responsibility",
  "foster-carer",
  "special-guardian",
  "adoption",
  "advocate",
  "interested-person",
] as const;
export type Role = (typeof roles)[number];

/** The child's situation (domain.md §1, §7). */
export const childSituations = [
  "looked-after",
  "child-in-need",
  "care-leaver",
  "special-guardianship",
  "adoption",
  "none",
  "not-sure",
] as const;
export type ChildSituation = (typeof childSituations)[number];

/** What the complaint is about: the S000 list plus the topics that go elsewhere (domain.md §2). */
export const topics = [
  "decision",
  "service-quality",
  "delay",
  "service-not-provided",
  "service-change",
  "staff",
  "assessment",
  "policy",
  "care-planning",
  "child-protection",
  "court-report",
  "sen-or-school",
  "early-help",
  "youth-justice",
  "health",
  "police",
  "court-decision",
  "other",
] as const;
export type Topic = (typeof topics)[number];

/** When it happened, roughly (reg 9: one-year limit, which the council can waive). */
export const whenOptions = ["under-12-months", "over-12-months", "still-happening", "not-sure"] as const;
export type WhenOption = (typeof whenOptions)[number];

/** Other proceedings going on (reg 8: the council may pause or decline part). */
export const proceedingsOptions = ["court", "police", "disciplinary"] as const;
export type Proceeding = (typeof proceedingsOptions)[number];

export const childAgreementOptions = ["agrees", "does-not-agree", "not-asked-yet", "cannot-ask"] as const;
export type ChildAgreement = (typeof childAgreementOptions)[number];

export const advocateOptions = ["yes", "already-have", "no", "not-sure"] as const;
export type AdvocateChoice = (typeof advocateOptions)[number];

export const contactMethods = ["email", "phone", "post", "advocate", "none"] as const;
export type ContactMethod = (typeof contactMethods)[number];

const builtKeys = new Set<string>();

/**
 * Every i18n key the schemas below can report, filled by `key()` as they are built at module load,
 * so a test can check each one has English text (style.md rule 7).
 */
export const validationKeys: ReadonlySet<string> = builtKeys;

/** `{ error: "validation:<k>" }` for a zod check, recording the key in `validationKeys`. */
export function key(k: string) {
  const error = `validation:${k}`;
  builtKeys.add(error);
  return { error };
}

/** A trimmed text with a length limit; empty strings after trimming are treated as missing. */
export function text(max: number, field: string) {
  return z.string(key(`${field}.type`)).trim().max(max, key(`${field}.tooLong`));
}

export function requiredText(max: number, field: string) {
  return text(max, field).min(1, key(`${field}.required`));
}

/** An ISO calendar date `yyyy-mm-dd` that exists (rejects 2025-02-30). */
export function isoDate(field: string) {
  return z
    .string(key(`${field}.type`))
    .trim()
    // abort: a value that is not shaped like a date gets one problem, not the calendar check's too.
    .regex(/^\d{4}-\d{2}-\d{2}$/, { ...key(`${field}.format`), abort: true })
    .refine((value) => {
      const d = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
    }, key(`${field}.format`));
}

/** An ISO date and time with its offset, as `Date.prototype.toISOString` writes it. */
export const isoDateTime = z.iso.datetime({ offset: true, ...key("datetime.format") });

export const childSchema = z.strictObject({
  name: text(60, "child.name").optional(),
  age: z.number(key("child.age.type")).int(key("child.age.type")).min(0, key("child.age.range")).max(25, key("child.age.range")).optional(),
});

export const eligibilityAnswersSchema = z.strictObject({
  childSituation: z.enum(childSituations, key("childSituation.required")).optional(),
  topics: z.array(z.enum(topics, key("topics.required")), key("topics.required")).min(1, key("topics.required")).max(topics.length).optional(),
  when: z.enum(whenOptions, key("when.required")).optional(),
  proceedings: z
    .array(z.enum(proceedingsOptions, key("proceedings.required")), key("proceedings.required"))
    .max(proceedingsOptions.length)
    .optional(),
});
export type EligibilityAnswers = z.infer<typeof eligibilityAnswersSchema>;

export const representationSchema = z.strictObject({
  childAgreement: z.enum(childAgreementOptions, key("representation.childAgreement.required")),
  howChecked: text(1000, "representation.howChecked").optional(),
  checkedOn: isoDate("representation.checkedOn").optional(),
  childsWords: text(5000, "representation.childsWords").optional(),
  whyCannotAsk: text(1000, "representation.whyCannotAsk").optional(),
});
export type Representation = z.infer<typeof representationSchema>;

/**
 * The wizard asks how the child was checked with (when they were asked) and why they can't be
 * asked (when they can't): optional in a submission, required on those pages.
 */
export const wizardRequiredText = {
  howChecked: requiredText(1000, "representation.howChecked"),
  whyCannotAsk: requiredText(1000, "representation.whyCannotAsk"),
};

export const whatHappenedSchema = z.strictObject(
  {
    text: requiredText(10000, "whatHappened.text"),
    when: text(200, "whatHappened.when").optional(),
    who: text(1000, "whatHappened.who").optional(),
  },
  // Only for a missing or non-object `whatHappened`; unknown keys keep their own message.
  { error: (issue) => (issue.code === "invalid_type" ? "validation:whatHappened.text.required" : undefined) },
);
export type WhatHappened = z.infer<typeof whatHappenedSchema>;

const ukPhone = z
  .string(key("contact.phone.type"))
  .trim()
  .regex(/^\+?[0-9 ()-]{7,20}$/, key("contact.phone.format"));

export const contactSchema = z.discriminatedUnion(
  "method",
  [
    z.strictObject({ method: z.literal("email"), email: z.email(key("contact.email.format")).max(254, key("contact.email.format")) }),
    z.strictObject({ method: z.literal("phone"), phone: ukPhone }),
    z.strictObject({ method: z.literal("post"), address: requiredText(400, "contact.address") }),
    z.strictObject({ method: z.literal("advocate"), advocateName: requiredText(120, "contact.advocateName"), advocateContact: requiredText(254, "contact.advocateContact") }),
    z.strictObject({ method: z.literal("none") }),
  ],
  key("contact.method.required"),
);
export type Contact = z.infer<typeof contactSchema>;

/** A complaint as sent to `POST /api/v1/complaints`. */
export const complaintSchema = z.strictObject({
  id: z.uuid(key("id.format")),
  councilId: z.string(key("councilId.type")).regex(/^[a-z0-9][a-z0-9-]{1,39}$/, key("councilId.format")),
  schemaVersion: z.literal(COMPLAINT_SCHEMA_VERSION, key("schemaVersion.unsupported")),
  role: z.enum(roles, key("role.required")).optional(),
  child: childSchema.optional(),
  eligibility: eligibilityAnswersSchema.optional(),
  representation: representationSchema.optional(),
  whatHappened: whatHappenedSchema,
  putRight: text(5000, "putRight").optional(),
  adjustments: text(2000, "adjustments").optional(),
  wantsAdvocate: z.enum(advocateOptions, key("wantsAdvocate.required")).optional(),
  contact: contactSchema.optional(),
  createdAt: isoDateTime,
  submittedAt: isoDateTime,
});
export type Complaint = z.infer<typeof complaintSchema>;
export type ComplaintInput = z.input<typeof complaintSchema>;

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
