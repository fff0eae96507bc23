import "./zod-config";
import * as z from "zod";
import { isoDate, key, keysBuiltBy, requiredText, text, visibleLength } from "./schema-rules";

/**
 * The answer table (issue 11, decision 022): every answer the wizard asks, keyed by its name in the
 * draft, with where it lives in the complaint, the rules it is checked by (on its page, in the
 * complaint the server checks) and their limits, its words, and how it reads back as text. The
 * draft schema, the complaint's answer parts, each wizard page's schema, Check your answers, the
 * plain-text copy and where a server field error belongs are all derived from it, so an answer's
 * limit is written once, here. Which page asks an answer, and when, is the wizard's flow
 * (app/features/wizard/steps.ts), not part of the answer.
 */

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
export const childSituations = ["looked-after", "child-in-need", "care-leaver", "special-guardianship", "adoption", "none", "not-sure"] as const;
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

/** What is known of the other answers when one is judged: the draft answers, or a page's form values. */
export type KnownAnswers = Readonly<Partial<Record<string, unknown>>>;

/** Someone other than the young person or care leaver: the child's agreement and views are needed (docs/domain.md §1). */
export function actsForChild(role: unknown): boolean {
  return role !== undefined && role !== "young-person" && role !== "care-leaver";
}

/** The child's agreement and what goes with it are sent only by someone acting for a child who answered it. */
const sendsRepresentation = (a: KnownAnswers) => a.childAgreement !== undefined && actsForChild(a.role);

/** A text as typed, trimmed, or undefined when blank: the complaint leaves blank answers out. */
function trimmedOrLeftOut(value: unknown): string | undefined {
  const trimmed = typeof value === "string" ? value.trim() : undefined;
  return trimmed ? trimmed : undefined;
}

type Path = readonly [string, ...string[]];

/** The kind of control an answer is asked with. */
export type AnswerControl = "radios" | "checkboxes" | "textarea" | "text" | "email" | "tel" | "date";

interface AnswerSpec {
  /** How it is asked: the kind of control (the wizard's FieldKind). */
  control: AnswerControl;
  /** A text box's width, so a short answer gets a short box. */
  width?: "short" | "medium";
  /** The browser's autocomplete token for it. */
  autoComplete?: string;
  /** Where the answer lives in the complaint, as the server's 400 names it (`whatHappened.text`). */
  path: Path;
  /**
   * i18n key prefix of its words: `.label` is the question and its heading on Check your answers,
   * `.hint` an optional hint, `.options.<value>.label` each choice.
   */
  textKey: string;
  /** The choices, for a radio or checkbox answer. */
  options?: readonly string[];
  /** A checkbox choice meaning "none of these": the draft stores it as an empty list. */
  noneOption?: string;
  /** A text answer's limit, in characters as the person sees them (visibleLength). */
  maxLength?: number;
  /** A number answer's highest value. */
  maxValue?: number;
  /** What a draft may hold: anything typed is kept, so no limits. */
  draft: z.ZodType;
  /** The complaint's rule for it: what the server checks (complaint.ts builds the complaint from these). */
  inComplaint: z.ZodType;
  /** The rule on the page that asks it, applied to the form's value (a string, or a list for checkboxes). */
  onPage: z.ZodType;
  /**
   * Asked under one choice of another answer on the same page (GOV.UK conditional reveal), and sent
   * only with that choice: checked on its page, by its complaint rule, only when that choice is made.
   */
  shownWith?: { answer: string; option: string };
  /** When the complaint holds it at all (default: always). */
  sentWhen?: (answers: KnownAnswers) => boolean;
  /** Its draft value as the complaint holds it; undefined leaves it out. Default: trimmed text, blank left out. */
  toComplaint?: (value: unknown, answers: KnownAnswers) => unknown;
}

export type AnswerDefinition = Readonly<AnswerSpec> & {
  /** Every validation key its rules can report (each has words in locales/, checked by answers.test.ts). */
  readonly errorKeys: readonly string[];
};

/** An answer's rules: what a draft may hold, what the complaint checks, and what its page checks. */
type AnswerRules = Pick<AnswerSpec, "draft" | "inComplaint" | "onPage">;
const RULES = ["draft", "inComplaint", "onPage"] as const;

/** Everything else about an answer: how it is asked, where it lives, its words. */
type AnswerFields = Omit<AnswerSpec, keyof AnswerRules>;

/**
 * One answer: its fields, and its rules, each built the first time it is used rather than when
 * this module runs. A question page uses its own answers' page rules and the draft rules; building
 * every answer's rules as the module ran was the longest task a cheap phone had after the first
 * paint (issue 9, decision 027). Its error keys are the keys its rules report, built once to find them.
 */
function answer<const Fields extends AnswerFields, const Rules extends AnswerRules>(
  fields: Fields,
  rules: { readonly [Rule in keyof Rules]: () => Rules[Rule] },
): Fields & Readonly<Rules> & { readonly errorKeys: readonly string[] } {
  const definition = { ...fields };
  for (const rule of RULES) {
    let built: z.ZodType | undefined;
    Object.defineProperty(definition, rule, { enumerable: true, get: () => (built ??= rules[rule]()) });
  }
  let errorKeys: readonly string[] | undefined;
  Object.defineProperty(definition, "errorKeys", {
    enumerable: true,
    get: () => (errorKeys ??= keysBuiltBy(() => RULES.map((rule) => rules[rule]())).keys),
  });
  return definition as Fields & Readonly<Rules> & { readonly errorKeys: readonly string[] };
}

const loose = z.string().optional();

type TextRequired = "on its page" | "always" | undefined;

/**
 * A free-text answer of at most `maxLength` characters: optional, or required on its page only (the
 * complaint takes it without), or required always. Its validation keys are named by its path.
 */
function textAnswer<const P extends Path, const R extends TextRequired = undefined, const W extends AnswerSpec["shownWith"] = undefined>(spec: {
  path: P;
  textKey: string;
  control: "textarea" | "text";
  width?: AnswerSpec["width"];
  autoComplete?: string;
  maxLength: number;
  required?: R;
  shownWith?: W;
  sentWhen?: AnswerSpec["sentWhen"];
  toComplaint?: AnswerSpec["toComplaint"];
}) {
  const { required, ...rest } = spec;
  const field = spec.path.join(".");
  const inComplaint = () =>
    (required === "always" ? requiredText(spec.maxLength, field) : text(spec.maxLength, field).optional()) as R extends "always"
      ? z.ZodString
      : z.ZodOptional<z.ZodString>;
  return answer(
    { ...rest, sentWhen: spec.sentWhen ?? (spec.shownWith ? shownWith(spec.shownWith) : undefined) },
    {
      draft: () => loose,
      inComplaint,
      onPage: () => (spec.shownWith ? loose : required === "on its page" ? requiredText(spec.maxLength, field) : inComplaint()),
    },
  );
}

/** One radio answer: required on its page, optional in the complaint unless `requiredInComplaint`. */
function choiceAnswer<const Options extends readonly [string, ...string[]], const P extends Path, const Req extends boolean = false>(spec: {
  path: P;
  textKey: string;
  options: Options;
  requiredKey: string;
  requiredInComplaint?: Req;
  sentWhen?: AnswerSpec["sentWhen"];
  toComplaint?: AnswerSpec["toComplaint"];
}) {
  const { requiredKey, requiredInComplaint, ...rest } = spec;
  type Chosen = z.ZodEnum<z.core.util.ToEnum<Options[number]>>;
  const chosen = (): Chosen => z.enum(spec.options, key(requiredKey));
  return answer(
    { ...rest, control: "radios" as const, toComplaint: spec.toComplaint ?? ((value: unknown) => value) },
    {
      draft: () => z.enum(spec.options).optional(),
      inComplaint: () => (requiredInComplaint ? chosen() : chosen().optional()) as Req extends true ? Chosen : z.ZodOptional<Chosen>,
      onPage: chosen,
    },
  );
}

function shownWith({ answer: other, option }: { answer: string; option: string }) {
  return (answers: KnownAnswers) => answers[other] === option;
}

const email = { answer: "contactMethod", option: "email" } as const;
const phone = { answer: "contactMethod", option: "phone" } as const;
const post = { answer: "contactMethod", option: "post" } as const;
const throughAdvocate = { answer: "contactMethod", option: "advocate" } as const;

/** At least one topic ticked, each one of the list. */
const oneOrMoreTopics = () => z.array(z.enum(topics, key("topics.required")), key("topics.required")).min(1, key("topics.required"));

/** The ages a child may be (a care leaver can be supported up to 25). */
const MAX_CHILD_AGE = 25;

/**
 * Every answer, in the order the wizard asks them. To add one: add it here (and its words in
 * locales/), then ask it on a page in steps.ts; answers.test.ts and the wizard's tests check both.
 */
export const answerTable = {
  role: choiceAnswer({ path: ["role"], textKey: "wizard:role", options: roles, requiredKey: "role.required" }),
  inDanger: answer(
    {
      control: "radios" as const,
      path: ["saysInDanger"] as const,
      textKey: "wizard:inDanger",
      options: inDangerOptions,
      // Absent means not asked (an older client), which is not the same as "no".
      toComplaint: (value: unknown) => (value === undefined ? undefined : value === "yes"),
    },
    {
      draft: () => z.enum(inDangerOptions).optional(),
      inComplaint: () => z.boolean(key("saysInDanger.type")).optional(),
      onPage: () => z.enum(inDangerOptions, key("inDanger.required")),
    },
  ),
  childSituation: choiceAnswer({
    path: ["eligibility", "childSituation"],
    textKey: "wizard:childSituation",
    options: childSituations,
    requiredKey: "childSituation.required",
  }),
  topics: answer(
    {
      control: "checkboxes" as const,
      path: ["eligibility", "topics"] as const,
      textKey: "wizard:topics",
      options: topics,
      // No box ticked is "not answered", not an answer the schema should reject.
      toComplaint: (value: unknown) => (Array.isArray(value) && value.length > 0 ? value : undefined),
    },
    {
      draft: () => z.array(z.enum(topics)).optional(),
      inComplaint: () => oneOrMoreTopics().max(topics.length).optional(),
      onPage: oneOrMoreTopics,
    },
  ),
  when: choiceAnswer({ path: ["eligibility", "when"], textKey: "wizard:when", options: whenOptions, requiredKey: "when.required" }),
  proceedings: answer(
    {
      control: "checkboxes" as const,
      path: ["eligibility", "proceedings"] as const,
      textKey: "wizard:proceedings",
      options: proceedingsOptions,
      noneOption: "none",
      toComplaint: (value: unknown) => value,
    },
    {
      draft: () => z.array(z.enum(proceedingsOptions)).optional(),
      inComplaint: () =>
        z
          .array(z.enum(proceedingsOptions, key("proceedings.required")), key("proceedings.required"))
          .max(proceedingsOptions.length)
          .optional(),
      // On the page "None of these" is a box of its own, so one box at least.
      onPage: () =>
        z.array(z.enum([...proceedingsOptions, "none"], key("proceedings.required")), key("proceedings.required")).min(1, key("proceedings.required")),
    },
  ),
  childAgreement: choiceAnswer({
    path: ["representation", "childAgreement"],
    textKey: "wizard:childAgreement",
    options: childAgreementOptions,
    requiredKey: "representation.childAgreement.required",
    requiredInComplaint: true,
    sentWhen: sendsRepresentation,
  }),
  howChecked: textAnswer({
    path: ["representation", "howChecked"],
    textKey: "wizard:howChecked",
    control: "textarea",
    maxLength: 1000,
    required: "on its page",
    sentWhen: sendsRepresentation,
  }),
  checkedOn: answer(
    { control: "date" as const, path: ["representation", "checkedOn"] as const, textKey: "wizard:checkedOn", sentWhen: sendsRepresentation },
    {
      draft: () => loose,
      inComplaint: () => isoDate("representation.checkedOn").optional(),
      onPage: () => z.union([z.literal(""), isoDate("representation.checkedOn")]).optional(),
    },
  ),
  childsWords: textAnswer({
    path: ["representation", "childsWords"],
    textKey: "wizard:childsWords",
    control: "textarea",
    maxLength: 5000,
    sentWhen: sendsRepresentation,
  }),
  whyCannotAsk: textAnswer({
    path: ["representation", "whyCannotAsk"],
    textKey: "wizard:whyCannotAsk",
    control: "textarea",
    maxLength: 1000,
    required: "on its page",
    sentWhen: sendsRepresentation,
  }),
  childName: textAnswer({ path: ["child", "name"], textKey: "wizard:childName", control: "text", width: "medium", maxLength: 60 }),
  childAge: answer(
    {
      control: "text" as const,
      width: "short" as const,
      path: ["child", "age"] as const,
      textKey: "wizard:childAge",
      maxValue: MAX_CHILD_AGE,
      toComplaint: (value: unknown) => {
        const age = trimmedOrLeftOut(value);
        return age === undefined ? undefined : Number(age);
      },
    },
    {
      draft: () => loose,
      inComplaint: () =>
        z.number(key("child.age.type")).int(key("child.age.type")).min(0, key("child.age.range")).max(MAX_CHILD_AGE, key("child.age.range")).optional(),
      // Typed as digits; as many as the highest age has, so "fourteen" and "1e1" say what to type.
      onPage: () =>
        z
          .string()
          .trim()
          .regex(new RegExp(`^(\\d{1,${String(MAX_CHILD_AGE).length}})?$`), key("child.age.type"))
          .refine((v) => v === "" || Number(v) <= MAX_CHILD_AGE, key("child.age.range"))
          .optional(),
    },
  ),
  whatHappened: textAnswer({
    path: ["whatHappened", "text"],
    textKey: "wizard:whatHappened",
    control: "textarea",
    maxLength: 10000,
    required: "always",
    // Always sent, so an empty answer is reported against it.
    toComplaint: (value: unknown) => (typeof value === "string" ? value : ""),
  }),
  whatHappenedWhen: textAnswer({ path: ["whatHappened", "when"], textKey: "wizard:whatHappenedWhen", control: "text", maxLength: 200 }),
  whatHappenedWho: textAnswer({ path: ["whatHappened", "who"], textKey: "wizard:whatHappenedWho", control: "text", maxLength: 1000 }),
  putRight: textAnswer({ path: ["putRight"], textKey: "wizard:putRight", control: "textarea", maxLength: 5000 }),
  adjustments: textAnswer({ path: ["adjustments"], textKey: "wizard:adjustments", control: "textarea", maxLength: 2000 }),
  wantsAdvocate: choiceAnswer({
    path: ["wantsAdvocate"],
    textKey: "wizard:wantsAdvocate",
    options: advocateOptions,
    requiredKey: "wantsAdvocate.required",
    // An advocate filling this in is the child's advocate, so the child has one (issue 15).
    toComplaint: (value, answers) => (answers.role === "advocate" ? "already-have" : value),
  }),
  contactMethod: choiceAnswer({
    path: ["contact", "method"],
    textKey: "wizard:contactMethod",
    options: contactMethods,
    requiredKey: "contact.method.required",
    requiredInComplaint: true,
  }),
  email: answer(
    {
      control: "email" as const,
      autoComplete: "email",
      path: ["contact", "email"] as const,
      textKey: "wizard:email",
      maxLength: 254,
      shownWith: email,
      sentWhen: shownWith(email),
      toComplaint: (value: unknown) => (typeof value === "string" ? value : "").trim(),
    },
    { draft: () => loose, inComplaint: () => z.email(key("contact.email.format")).max(254, key("contact.email.format")), onPage: () => loose },
  ),
  phone: answer(
    {
      control: "tel" as const,
      autoComplete: "tel",
      width: "medium" as const,
      path: ["contact", "phone"] as const,
      textKey: "wizard:phone",
      shownWith: phone,
      sentWhen: shownWith(phone),
      toComplaint: (value: unknown) => value ?? "",
    },
    {
      draft: () => loose,
      inComplaint: () =>
        z
          .string(key("contact.phone.type"))
          .trim()
          .regex(/^\+?[0-9 ()-]{7,20}$/, key("contact.phone.format")),
      onPage: () => loose,
    },
  ),
  address: textAnswer({
    path: ["contact", "address"],
    textKey: "wizard:address",
    control: "textarea",
    autoComplete: "street-address",
    maxLength: 400,
    required: "always",
    shownWith: post,
    toComplaint: (value) => value ?? "",
  }),
  advocateName: textAnswer({
    path: ["contact", "advocateName"],
    textKey: "wizard:advocateName",
    control: "text",
    maxLength: 120,
    required: "always",
    shownWith: throughAdvocate,
    toComplaint: (value) => value ?? "",
  }),
  advocateContact: textAnswer({
    path: ["contact", "advocateContact"],
    textKey: "wizard:advocateContact",
    control: "text",
    maxLength: 254,
    required: "always",
    shownWith: throughAdvocate,
    toComplaint: (value) => value ?? "",
  }),
};

export type AnswerId = keyof typeof answerTable;
export const answerIds = Object.keys(answerTable) as AnswerId[];

/**
 * A zod object shape whose rules are read when zod first needs them (zod copies a shape's getters
 * as they are, and reads them when it first checks a value), so building a schema from it builds
 * none of its answers' rules.
 */
function shapeOf<Id extends AnswerId>(ids: readonly Id[], rule: (id: Id) => z.ZodType): Record<Id, z.ZodType> {
  const shape = {} as Record<Id, z.ZodType>;
  for (const id of ids) Object.defineProperty(shape, id, { enumerable: true, get: () => rule(id) });
  return shape;
}

/** The draft's answers: each answer's draft rule (derived from the table). */
export const draftAnswersShape = shapeOf(answerIds, (id) => answerTable[id].draft) as {
  [Id in AnswerId]: (typeof answerTable)[Id]["draft"];
};

type Table = typeof answerTable;

/** The complaint's rules for the answers under one part of it (`representation`…), by their names there. */
export type RulesUnder<Part extends string> = {
  [Id in AnswerId as Table[Id]["path"] extends readonly [Part, infer Name extends string] ? Name : never]: Table[Id]["inComplaint"];
};

/** The choice an answer is shown under, or never. */
type ShownWithOption<Definition> = Definition extends { shownWith?: infer Shown }
  ? NonNullable<Shown> extends { option: infer Option }
    ? Option
    : undefined
  : undefined;

/** The complaint's rules for the answers shown under one choice of another answer (a way of being contacted). */
export type RulesShownWith<Option extends string> = {
  [Id in AnswerId as [ShownWithOption<Table[Id]>] extends [Option] ? Table[Id]["path"][1] & string : never]: Table[Id]["inComplaint"];
};

/** The complaint's rule for the top-level answer `name` (`putRight`, `role`…). */
export type RuleAt<Name extends string> = {
  [Id in AnswerId]: Table[Id]["path"] extends readonly [Name] ? Table[Id]["inComplaint"] : never;
}[AnswerId];

export function complaintRulesUnder<Part extends string>(part: Part): RulesUnder<Part> {
  return Object.fromEntries(
    answerIds.flatMap((id) => {
      const { path, inComplaint } = answerTable[id] as AnswerDefinition;
      return path.length === 2 && path[0] === part ? [[path[1], inComplaint]] : [];
    }),
  ) as RulesUnder<Part>;
}

export function complaintRulesShownWith<Option extends string>(answerId: AnswerId, option: Option): RulesShownWith<Option> {
  return Object.fromEntries(
    answerIds.flatMap((id) => {
      const { path, inComplaint, shownWith: shown } = answerTable[id] as AnswerDefinition;
      return shown?.answer === answerId && shown.option === option ? [[path[path.length - 1], inComplaint]] : [];
    }),
  ) as RulesShownWith<Option>;
}

export function complaintRuleAt<Name extends string>(name: Name): RuleAt<Name> {
  const id = answerIds.find((i) => answerTable[i].path.length === 1 && answerTable[i].path[0] === name);
  if (!id) throw new Error(`no answer at ${name}`);
  return answerTable[id].inComplaint as RuleAt<Name>;
}

/**
 * The answers as the complaint holds them (draft → complaint), not yet checked: each answer that is
 * sent, at its path, blank text left out. complaintFromDraft (complaint.ts) adds the rest and checks it.
 */
export function answersInComplaint(answers: KnownAnswers): Record<string, unknown> {
  const complaint: Record<string, unknown> = {};
  for (const id of answerIds) {
    const definition = answerTable[id] as AnswerDefinition;
    if (definition.sentWhen && !definition.sentWhen(answers)) continue;
    const value = (definition.toComplaint ?? trimmedOrLeftOut)(answers[id], answers);
    if (value === undefined) continue;
    let node = complaint;
    const parents = definition.path.slice(0, -1);
    for (const part of parents) {
      const next = node[part];
      node = typeof next === "object" && next !== null ? (next as Record<string, unknown>) : (node[part] = {});
    }
    node[definition.path[definition.path.length - 1] as string] = value;
  }
  return complaint;
}

/**
 * Which answer a complaint path points at (complaint → answer), for the problems on Check your
 * answers and the server's 400 field errors: the answer at that path or holding it
 * (`eligibility.topics.0` → topics), else the first answer under it (`contact` → contactMethod).
 */
export function answerAtPath(path: readonly PropertyKey[] | string): AnswerId | undefined {
  const parts = typeof path === "string" ? path.split(".") : path.map(String);
  // No answer's path is inside another's (answers.test.ts), so at most one holds it.
  const holding = answerIds.find((id) => answerTable[id].path.every((part, i) => parts[i] === part));
  if (holding) return holding;
  if (parts.length === 0) return undefined;
  return answerIds.find((id) => parts.every((part, i) => answerTable[id].path[i] === part));
}

/**
 * The rule for a page that asks `ids` (each wizard step's schema). An answer shown under a choice
 * is checked, by its complaint rule, only when that choice is made, and its problem is put against it.
 */
export function pageSchema(ids: readonly AnswerId[]) {
  const definitions = ids.map((id) => [id, answerTable[id] as AnswerDefinition] as const);
  const object = z.object(shapeOf(ids, (id) => answerTable[id].onPage));
  const shown = definitions.filter(([, definition]) => definition.shownWith);
  if (shown.length === 0) return object;
  return object.superRefine((values, ctx) => {
    for (const [id, definition] of shown) {
      if (definition.sentWhen && !definition.sentWhen(values)) continue;
      const result = definition.inComplaint.safeParse((definition.toComplaint ?? trimmedOrLeftOut)(values[id], values));
      if (result.success) continue;
      for (const issue of result.error.issues) ctx.addIssue({ code: "custom", path: [id], message: issue.message });
    }
  });
}

/** How many characters an answer has as its rules count them (trimmed, visibleLength), for "You have typed {{count}}". */
export function typedLength(value: unknown): number {
  return typeof value === "string" ? visibleLength(value.trim()) : 0;
}

/** A translation function: i18next's `t`, or anything that turns a key into words. */
export type Translate = (key: string, options?: { context?: string }) => string;

/** The words for "none of these" ticked, on Check your answers and in the copy. */
export const NONE_CHOSEN_KEY = "check:none";

/**
 * One answer as the person would read it back (Check your answers and "Copy what you have
 * written"): the option's words for a choice, "None of these" for an empty list, text exactly as
 * typed; undefined when not answered.
 */
export function answerText(id: AnswerId, answers: KnownAnswers, translate: Translate, context?: string): string | undefined {
  const definition = answerTable[id] as AnswerDefinition;
  const value = answers[id];
  const option = (choice: string) => translate(`${definition.textKey}.options.${choice}.label`, { context });
  if (Array.isArray(value)) return value.length === 0 ? translate(NONE_CHOSEN_KEY) : value.map((v) => option(String(v))).join("\n");
  if (typeof value !== "string" || value.trim() === "") return undefined;
  return definition.options ? option(value) : value;
}

/** Every words key the table names: each answer's label, its options' labels and its validation keys. */
export function answerTextKeys(): string[] {
  return [
    NONE_CHOSEN_KEY,
    ...answerIds.flatMap((id) => {
      const definition = answerTable[id] as AnswerDefinition;
      const options = [...(definition.options ?? []), ...(definition.noneOption ? [definition.noneOption] : [])];
      return [`${definition.textKey}.label`, ...options.map((o) => `${definition.textKey}.options.${o}.label`), ...definition.errorKeys];
    }),
  ];
}
