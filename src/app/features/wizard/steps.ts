import "../../../domain/zod-config";
import * as z from "zod";
import {
  advocateOptions,
  childAgreementOptions,
  childSchema,
  childSituations,
  complaintSchema,
  contactSchema,
  inDangerAnswerSchema,
  inDangerOptions,
  isoDate,
  proceedingsOptions,
  representationSchema,
  roles,
  topics,
  whatHappenedSchema,
  whenOptions,
  wizardRequiredText,
} from "../../../domain/complaint";
import { actsForChild, contactFromAnswers, type DraftAnswers } from "../../../domain/draft";

/**
 * The wizard's steps as data (style.md rule 5): one table maps each step to its fields, its schema
 * (built from the shared complaint schema, so the wizard and the server agree), when it applies, and
 * where it goes next. One route renders any step. A step that stops applying after a change has its
 * answers cleared (`pruneAnswers`), which is how a change invalidates later answers.
 */
export type AnswerKey = keyof DraftAnswers;

export type FieldKind = "radios" | "checkboxes" | "textarea" | "text" | "email" | "tel" | "date";

export interface FieldDefinition {
  /** The draft answer this field holds, and the input's name. */
  name: AnswerKey;
  kind: FieldKind;
  /** i18n key prefix: `.label`, `.hint`, `.options.<value>.label` / `.hint`. */
  textKey: string;
  options?: readonly string[];
  /** A checkbox that means "none of these": it unticks the others and is stored as an empty list. */
  exclusiveOption?: string;
  /** Fields shown under a radio option when it is chosen (GOV.UK conditional reveal). */
  reveals?: Partial<Record<string, AnswerKey[]>>;
  /** Optional fields say "(optional)" in the label. */
  optional?: boolean;
  autoComplete?: string;
  /** Shown only under a chosen radio option (see `reveals`), never on its own. */
  conditional?: boolean;
  /** Text inputs: the width class, so a short answer gets a short box. */
  width?: "short" | "medium";
  /** The options this person is offered, when they depend on earlier answers (issue 15: an advocate is not offered "Through my advocate"). */
  optionsFor?: (answers: DraftAnswers) => readonly string[];
  /** Radio options that show who to call now, at once, under the option (the safety question). */
  urgentHelpFor?: readonly string[];
}

export type Section = "about" | "child" | "complaint" | "contact";

export interface StepDefinition {
  id: string;
  /** Where its answers are grouped on check answers. */
  section: Section;
  /** i18n key of the page heading, used in check answers too. */
  titleKey: string;
  fields: FieldDefinition[];
  schema: z.ZodType<unknown>;
  /** When false the step is skipped and its answers are cleared. */
  applies?: (answers: DraftAnswers) => boolean;
  /** An information page with no question (e.g. "What happens next for you"). */
  info?: "route";
  /** i18next context for this person's wording: `self` (the young person) or `other`. */
  context?: (answers: DraftAnswers) => string | undefined;
  /**
   * After this step, ask once per device "Does anyone else use this phone?" and offer the PIN
   * lock (issue 9): early, so the words typed later are sealed, but after one answer, so the
   * first thing anyone sees is the journey, not a setting.
   */
  offersPinLock?: boolean;
}

export const CHECK_STEP = "check";
export const SECTIONS: readonly Section[] = ["about", "child", "complaint", "contact"];

const key = (k: string) => ({ error: `validation:${k}` });
const speaksForThemself = (a: DraftAnswers) => (a.role === undefined || !actsForChild(a.role) ? "self" : "other");
const forChild = (a: DraftAnswers) => actsForChild(a.role);
const askedChild = (a: DraftAnswers) => forChild(a) && (a.childAgreement === "agrees" || a.childAgreement === "does-not-agree");
const cannotAsk = (a: DraftAnswers) => forChild(a) && a.childAgreement === "cannot-ask";
const canHearChild = (a: DraftAnswers) => forChild(a) && a.childAgreement !== undefined && a.childAgreement !== "cannot-ask";
/** An advocate filling this in is the child's advocate (issue 15): not asked whether the child wants one. */
const isAdvocate = (a: DraftAnswers) => a.role === "advocate";
const CONTACT_METHODS = ["email", "phone", "post", "advocate", "none"] as const;

const optionalText = (schema: z.ZodType<string | undefined>) => z.union([z.literal(""), schema]).optional();

export const steps: StepDefinition[] = [
  {
    id: "who",
    section: "about",
    titleKey: "wizard:role.label",
    offersPinLock: true,
    fields: [{ name: "role", kind: "radios", textKey: "wizard:role", options: roles }],
    schema: z.object({ role: z.enum(roles, key("role.required")) }),
  },
  {
    // Early (issue 16), so someone in danger hears where to get help before writing anything, and
    // after "who" so it can ask the question the right way round. Either answer carries on.
    id: "safety",
    section: "about",
    titleKey: "wizard:inDanger.label",
    context: speaksForThemself,
    fields: [{ name: "inDanger", kind: "radios", textKey: "wizard:inDanger", options: inDangerOptions, urgentHelpFor: ["yes"] }],
    schema: z.object({ inDanger: inDangerAnswerSchema }),
  },
  {
    id: "situation",
    section: "about",
    titleKey: "wizard:childSituation.label",
    context: speaksForThemself,
    fields: [{ name: "childSituation", kind: "radios", textKey: "wizard:childSituation", options: childSituations }],
    schema: z.object({ childSituation: z.enum(childSituations, key("childSituation.required")) }),
  },
  {
    id: "about",
    section: "about",
    titleKey: "wizard:topics.label",
    fields: [{ name: "topics", kind: "checkboxes", textKey: "wizard:topics", options: topics }],
    schema: z.object({
      topics: z.array(z.enum(topics, key("topics.required")), key("topics.required")).min(1, key("topics.required")),
    }),
  },
  {
    id: "when",
    section: "about",
    titleKey: "wizard:when.label",
    fields: [{ name: "when", kind: "radios", textKey: "wizard:when", options: whenOptions }],
    schema: z.object({ when: z.enum(whenOptions, key("when.required")) }),
  },
  {
    id: "other-proceedings",
    section: "about",
    titleKey: "wizard:proceedings.label",
    // "A court case about you or your family" to a child, "about the child" to someone acting for one.
    context: speaksForThemself,
    fields: [
      {
        name: "proceedings",
        kind: "checkboxes",
        textKey: "wizard:proceedings",
        options: [...proceedingsOptions, "none"],
        exclusiveOption: "none",
      },
    ],
    schema: z.object({
      proceedings: z
        .array(z.enum([...proceedingsOptions, "none"]), key("proceedings.required"))
        .min(1, key("proceedings.required")),
    }),
  },
  {
    id: "what-happens-next",
    section: "about",
    titleKey: "wizard:route.title",
    info: "route",
    fields: [],
    schema: z.object({}),
  },
  {
    id: "child-agreement",
    section: "child",
    titleKey: "wizard:childAgreement.label",
    applies: forChild,
    fields: [{ name: "childAgreement", kind: "radios", textKey: "wizard:childAgreement", options: childAgreementOptions }],
    schema: z.object({ childAgreement: z.enum(childAgreementOptions, key("representation.childAgreement.required")) }),
  },
  {
    id: "how-checked",
    section: "child",
    titleKey: "wizard:howChecked.title",
    applies: askedChild,
    fields: [
      { name: "howChecked", kind: "textarea", textKey: "wizard:howChecked" },
      { name: "checkedOn", kind: "date", textKey: "wizard:checkedOn", optional: true },
    ],
    schema: z.object({
      howChecked: wizardRequiredText.howChecked,
      checkedOn: optionalText(isoDate("representation.checkedOn")),
    }),
  },
  {
    id: "why-cannot-ask",
    section: "child",
    titleKey: "wizard:whyCannotAsk.label",
    applies: cannotAsk,
    fields: [{ name: "whyCannotAsk", kind: "textarea", textKey: "wizard:whyCannotAsk" }],
    schema: z.object({ whyCannotAsk: wizardRequiredText.whyCannotAsk }),
  },
  {
    id: "childs-words",
    section: "child",
    titleKey: "wizard:childsWords.label",
    applies: canHearChild,
    // Not asked yet: what the adult knows of the child's wishes, and that the council may ask the child (issue 15).
    context: (a) => (a.childAgreement === "not-asked-yet" ? "notAsked" : undefined),
    fields: [{ name: "childsWords", kind: "textarea", textKey: "wizard:childsWords", optional: true }],
    schema: z.object({ childsWords: optionalText(representationSchema.shape.childsWords.unwrap()) }),
  },
  {
    id: "about-the-child",
    section: "child",
    titleKey: "wizard:child.title",
    applies: forChild,
    fields: [
      { name: "childName", kind: "text", textKey: "wizard:childName", optional: true, width: "medium" },
      { name: "childAge", kind: "text", textKey: "wizard:childAge", optional: true, width: "short" },
    ],
    schema: z.object({
      childName: childSchema.shape.name,
      childAge: z
        .string()
        .trim()
        .regex(/^(\d{1,2})?$/, key("child.age.type"))
        .refine((v) => v === "" || Number(v) <= 25, key("child.age.range"))
        .optional(),
    }),
  },
  {
    id: "what-happened",
    section: "complaint",
    titleKey: "wizard:whatHappened.title",
    context: speaksForThemself,
    fields: [
      { name: "whatHappened", kind: "textarea", textKey: "wizard:whatHappened" },
      { name: "whatHappenedWhen", kind: "text", textKey: "wizard:whatHappenedWhen", optional: true },
      { name: "whatHappenedWho", kind: "text", textKey: "wizard:whatHappenedWho", optional: true },
    ],
    schema: z.object({
      whatHappened: whatHappenedSchema.shape.text,
      whatHappenedWhen: whatHappenedSchema.shape.when,
      whatHappenedWho: whatHappenedSchema.shape.who,
    }),
  },
  {
    id: "put-right",
    section: "complaint",
    titleKey: "wizard:putRight.label",
    context: speaksForThemself,
    fields: [{ name: "putRight", kind: "textarea", textKey: "wizard:putRight", optional: true }],
    schema: z.object({ putRight: complaintSchema.shape.putRight }),
  },
  {
    id: "taking-part",
    section: "contact",
    titleKey: "wizard:adjustments.label",
    context: speaksForThemself,
    fields: [{ name: "adjustments", kind: "textarea", textKey: "wizard:adjustments", optional: true }],
    schema: z.object({ adjustments: complaintSchema.shape.adjustments }),
  },
  {
    id: "advocate",
    section: "contact",
    titleKey: "wizard:wantsAdvocate.label",
    context: speaksForThemself,
    applies: (a) => !isAdvocate(a),
    fields: [{ name: "wantsAdvocate", kind: "radios", textKey: "wizard:wantsAdvocate", options: advocateOptions }],
    schema: z.object({ wantsAdvocate: z.enum(advocateOptions, key("wantsAdvocate.required")) }),
  },
  {
    id: "contact",
    section: "contact",
    titleKey: "wizard:contactMethod.label",
    fields: [
      {
        name: "contactMethod",
        kind: "radios",
        textKey: "wizard:contactMethod",
        options: CONTACT_METHODS,
        optionsFor: (a) => (isAdvocate(a) ? CONTACT_METHODS.filter((m) => m !== "advocate") : CONTACT_METHODS),
        reveals: { email: ["email"], phone: ["phone"], post: ["address"], advocate: ["advocateName", "advocateContact"] },
      },
      { name: "email", kind: "email", textKey: "wizard:email", conditional: true, autoComplete: "email" },
      { name: "phone", kind: "tel", textKey: "wizard:phone", conditional: true, autoComplete: "tel", width: "medium" },
      { name: "address", kind: "textarea", textKey: "wizard:address", conditional: true, autoComplete: "street-address" },
      { name: "advocateName", kind: "text", textKey: "wizard:advocateName", conditional: true },
      { name: "advocateContact", kind: "text", textKey: "wizard:advocateContact", conditional: true },
    ],
    schema: z
      .object({
        contactMethod: z.enum(["email", "phone", "post", "advocate", "none"], key("contact.method.required")),
        email: z.string().optional(),
        phone: z.string().optional(),
        address: z.string().optional(),
        advocateName: z.string().optional(),
        advocateContact: z.string().optional(),
      })
      .superRefine((values, ctx) => {
        // The shared contact schema decides; its paths (`email`, `advocateName`…) are the field names.
        const result = contactSchema.safeParse(contactFromAnswers(values));
        if (result.success) return;
        for (const issue of result.error.issues) {
          const field = issue.path[0];
          if (typeof field === "string" && field !== "method") ctx.addIssue({ code: "custom", path: [field], message: issue.message });
        }
      }),
  },
];

export const firstStepId = steps[0]?.id ?? CHECK_STEP;

export function findStep(id: string | undefined): StepDefinition | undefined {
  return steps.find((step) => step.id === id);
}

export { stepPath } from "./step-paths";

export function stepApplies(step: StepDefinition, answers: DraftAnswers): boolean {
  return step.applies?.(answers) ?? true;
}

/** The next step that applies after `id`, or the check answers page. */
export function nextStepId(id: string, answers: DraftAnswers): string {
  const index = steps.findIndex((s) => s.id === id);
  return steps.slice(index + 1).find((s) => stepApplies(s, answers))?.id ?? CHECK_STEP;
}

/** The step before `id` that applies, or undefined for the first. */
export function previousStepId(id: string, answers: DraftAnswers): string | undefined {
  const index = id === CHECK_STEP ? steps.length : steps.findIndex((s) => s.id === id);
  return steps
    .slice(0, Math.max(index, 0))
    .reverse()
    .find((s) => stepApplies(s, answers))?.id;
}

/** Fields shown under a radio option that is not chosen. */
function hiddenConditionalFields(answers: DraftAnswers): AnswerKey[] {
  return steps.flatMap((step) =>
    step.fields.flatMap((field) =>
      Object.entries(field.reveals ?? {}).flatMap(([option, revealed]) =>
        answers[field.name] === option ? [] : (revealed ?? []),
      ),
    ),
  );
}

/**
 * The answers a change has made irrelevant: every field of a step that no longer applies, and
 * conditional fields under options not chosen. The caller clears them (set to undefined).
 */
export function irrelevantAnswers(answers: DraftAnswers): AnswerKey[] {
  const fromSteps = steps.filter((s) => !stepApplies(s, answers)).flatMap((s) => s.fields.map((f) => f.name));
  const shown = new Set(
    steps.filter((s) => stepApplies(s, answers)).flatMap((s) => s.fields.map((f) => f.name)),
  );
  const conditional = hiddenConditionalFields(answers).filter((name) => {
    // A field revealed by another chosen option stays.
    return !steps.some((s) =>
      s.fields.some((f) => Object.entries(f.reveals ?? {}).some(([opt, names]) => answers[f.name] === opt && names?.includes(name))),
    );
  });
  return [...new Set([...fromSteps.filter((n) => !shown.has(n)), ...conditional])].filter((name) => answers[name] !== undefined);
}
