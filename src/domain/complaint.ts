import "./zod-config";
import * as z from "zod";

/**
 * The complaint: one zod schema used by the wizard (per step), the IndexedDB loader, the outbox and
 * the server (style.md rule 3). Messages are i18n keys in the `validation` namespace, never sentences.
 * Only what a council needs to act is required (what happened); every other answer is optional
 * here and asked for by the wizard, because the app warns and never blocks (docs/domain.md, "Decisions").
 */

export const COMPLAINT_SCHEMA_VERSION = 1;

/** Who is filling this in (docs/domain.md §1, statutory categories 1–8). */
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

/** The child's situation (docs/domain.md §1, §7). */
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

/** What the complaint is about: the S000 list (docs/sources.md) plus the topics that go elsewhere (docs/domain.md §2). */
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

/** The safety question's answers (issue 16; docs/domain.md §5 "Urgent danger"). */
export const inDangerOptions = ["yes", "no"] as const;
export type InDangerAnswer = (typeof inDangerOptions)[number];

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

/**
 * Code units segmented at a time. Intl.Segmenter copies the whole input into every segment it
 * gives (V8), so one call over a 256 KB text takes seconds and gigabytes; chunks keep it linear.
 */
const SEGMENT_CHUNK = 256;

/**
 * How long a text is as the person sees it: user-perceived characters (Unicode grapheme clusters,
 * UAX #29), so an emoji or an accented letter counts once, on the form and on the server alike.
 * Counting stops once past `atMost`. Browsers without Intl.Segmenter (Firefox before 125) count
 * code points, which is never less.
 */
export function visibleLength(value: string, atMost = Number.POSITIVE_INFINITY): number {
  if (typeof Intl.Segmenter !== "function") return [...value].length;
  const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
  let count = 0;
  let start = 0;
  let size = SEGMENT_CHUNK;
  while (count <= atMost) {
    let end = start + size;
    if (end >= value.length) return count + Array.from(segmenter.segment(value.slice(start))).length;
    // Never cut a surrogate pair: the half left at the end would be judged as a different character.
    if (/[\uD800-\uDBFF]/.test(value.charAt(end - 1))) end -= 1;
    // A boundary depends on the text before it and one character after, so every segment but the
    // last ends where it would in the whole text; the last may go on, and is counted with the next chunk.
    let segments = 0;
    let lastStart = 0;
    for (const { index } of segmenter.segment(value.slice(start, end))) {
      segments++;
      lastStart = index;
    }
    if (segments === 1) {
      size *= 2; // one character longer than the chunk (a letter with very many accents)
      continue;
    }
    count += segments - 1;
    start += lastStart;
    size = SEGMENT_CHUNK;
  }
  return count;
}

/**
 * Characters no text answer may hold: NUL (PostgreSQL's JSONB refuses it) and a lone surrogate
 * (half of an emoji, not a character at all, refused by JSONB and broken in UTF-8).
 */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|\p{Cs}/u;

/** Whether a text holds a character no answer may hold (see UNSTORABLE). */
export function hasUnstorableCharacter(value: string): boolean {
  return UNSTORABLE.test(value);
}

/**
 * A character a person can see: not white space, not a control or format character (zero-width
 * space, joiners, soft hyphen, byte-order mark) and not one of the blank "filler" letters.
 */
const VISIBLE = /[^\s\p{Cc}\p{Cf}\p{Z}\u115F\u1160\u2800\u3164\uFFA0]/u;

/** Whether a text has anything a person could read: zero-width spaces alone are empty. */
export function hasVisibleCharacter(value: string): boolean {
  return VISIBLE.test(value);
}

/**
 * A trimmed text with a length limit counted in what the person sees (visibleLength). Texts with
 * NUL or a lone surrogate are refused before anything else: the form says so, and the server
 * answers 400 instead of failing to store them.
 */
export function text(max: number, field: string) {
  return z
    .string(key(`${field}.type`))
    .trim()
    .refine((value) => !hasUnstorableCharacter(value), { ...key("text.unstorable"), abort: true })
    .refine((value) => visibleLength(value, max) <= max, key(`${field}.tooLong`));
}

/** A text that must have at least one visible character (hasVisibleCharacter). */
export function requiredText(max: number, field: string) {
  return text(max, field).refine(hasVisibleCharacter, key(`${field}.required`));
}

/**
 * The years a date may fall in. Complaints are about the care of people alive now; the lower bound
 * is 1970 rather than later because a phone whose clock was reset reports dates in 1970, and a
 * complaint from it must still arrive.
 */
export const EARLIEST_YEAR = 1970;
export const LATEST_YEAR = 2199;

function yearInRange(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
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
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value && yearInRange(value);
    }, key(`${field}.format`));
}

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

/** The safety question as the wizard asks it: a yes or a no, so the flag means what it says. */
export const inDangerAnswerSchema = z.enum(inDangerOptions, key("inDanger.required"));

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
  id: uuid(),
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
  /**
   * The person said someone may be in danger now (the safety question, issue 16), so staff can read
   * it first. Optional, never defaulted: absent means the question was not asked (a client from
   * before it existed), which is not the same as "no".
   */
  saysInDanger: z.boolean(key("saysInDanger.type")).optional(),
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
}).refine((complaint) => Date.parse(complaint.submittedAt) >= Date.parse(complaint.createdAt), {
  ...key("submittedAt.beforeCreatedAt"),
  path: ["submittedAt"],
  // Only once both dates have passed their own checks.
  when: (payload) => payload.issues.length === 0,
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
