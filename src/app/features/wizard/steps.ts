import type * as z from "zod";
import { answerIds, answerTable, contactMethods, pageSchema, type AnswerControl, type AnswerDefinition, type AnswerId } from "../../../domain/answers";
import { actsForChild, type DraftAnswers } from "../../../domain/draft";

/**
 * The wizard's flow as data (style.md rule 5), as HMPO form wizard keeps steps.js apart from
 * fields.js: which answers each page asks, when it applies, and so what a change invalidates. What an
 * answer is (its rules and limits, its words, where it goes in the complaint) is the answer table's
 * (src/domain/answers.ts, decision 022); each page's fields and schema are derived from it, so the
 * wizard and the server agree. One route renders any step. A step that stops applying after a change
 * has its answers cleared (`irrelevantAnswers`), which is how a change invalidates later answers.
 */
export type AnswerKey = AnswerId;

export type FieldKind = AnswerControl;

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
  /** The page's rule, derived from its answers' rules in the answer table (`pageSchema`). */
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

/** What this page adds to how an answer is asked: the choices this person is offered, the help shown under a choice. */
type PageExtras = Pick<FieldDefinition, "optionsFor" | "urgentHelpFor">;

/** A field asking answer `name`, as the answer table describes it. */
function ask(name: AnswerKey, extras: PageExtras = {}): FieldDefinition {
  const answer = answerTable[name] as AnswerDefinition;
  const reveals: Partial<Record<string, AnswerKey[]>> = {};
  for (const id of answerIds) {
    const shown = (answerTable[id] as AnswerDefinition).shownWith;
    if (shown?.answer === name) (reveals[shown.option] ??= []).push(id);
  }
  const isChoice = answer.options !== undefined;
  const field: FieldDefinition = {
    name,
    kind: answer.control,
    textKey: answer.textKey,
    ...(isChoice ? { options: [...(answer.options ?? []), ...(answer.noneOption ? [answer.noneOption] : [])] } : {}),
    ...(answer.noneOption ? { exclusiveOption: answer.noneOption } : {}),
    ...(Object.keys(reveals).length > 0 ? { reveals } : {}),
    ...(answer.shownWith ? { conditional: true } : {}),
    ...(answer.width ? { width: answer.width } : {}),
    ...(answer.autoComplete ? { autoComplete: answer.autoComplete } : {}),
    ...extras,
  };
  // A question that may be left blank on its page says so; one shown under a choice is asked with
  // it. Found by trying its page rule, so asked when the page draws it: building every answer's
  // rule as this module ran was a long task on a cheap phone (decision 027).
  if (!isChoice && !answer.shownWith) {
    let optional: boolean | undefined;
    Object.defineProperty(field, "optional", { enumerable: true, get: () => (optional ??= answer.onPage.safeParse("").success) });
  }
  return field;
}

/** A step, with its schema derived from the answers it asks, made when first used (a page uses its own: decision 027). */
function step(definition: Omit<StepDefinition, "schema">): StepDefinition {
  let schema: z.ZodType<unknown> | undefined;
  return {
    ...definition,
    get schema() {
      return (schema ??= pageSchema(definition.fields.map((field) => field.name)));
    },
  };
}

const speaksForThemself = (a: DraftAnswers) => (a.role === undefined || !actsForChild(a.role) ? "self" : "other");
const forChild = (a: DraftAnswers) => actsForChild(a.role);
const askedChild = (a: DraftAnswers) => forChild(a) && (a.childAgreement === "agrees" || a.childAgreement === "does-not-agree");
const cannotAsk = (a: DraftAnswers) => forChild(a) && a.childAgreement === "cannot-ask";
const canHearChild = (a: DraftAnswers) => forChild(a) && a.childAgreement !== undefined && a.childAgreement !== "cannot-ask";
/** An advocate filling this in is the child's advocate (issue 15): not asked whether the child wants one. */
const isAdvocate = (a: DraftAnswers) => a.role === "advocate";

export const steps: StepDefinition[] = [
  step({
    id: "who",
    section: "about",
    titleKey: "wizard:role.label",
    offersPinLock: true,
    fields: [ask("role")],
  }),
  step({
    // Early (issue 16), so someone in danger hears where to get help before writing anything, and
    // after "who" so it can ask the question the right way round. Either answer carries on.
    id: "safety",
    section: "about",
    titleKey: "wizard:inDanger.label",
    context: speaksForThemself,
    fields: [ask("inDanger", { urgentHelpFor: ["yes"] })],
  }),
  step({
    id: "situation",
    section: "about",
    titleKey: "wizard:childSituation.label",
    context: speaksForThemself,
    fields: [ask("childSituation")],
  }),
  step({
    id: "about",
    section: "about",
    titleKey: "wizard:topics.label",
    fields: [ask("topics")],
  }),
  step({
    id: "when",
    section: "about",
    titleKey: "wizard:when.label",
    fields: [ask("when")],
  }),
  step({
    id: "other-proceedings",
    section: "about",
    titleKey: "wizard:proceedings.label",
    // "A court case about you or your family" to a child, "about the child" to someone acting for one.
    context: speaksForThemself,
    fields: [ask("proceedings")],
  }),
  step({
    id: "what-happens-next",
    section: "about",
    titleKey: "wizard:route.title",
    info: "route",
    fields: [],
  }),
  step({
    id: "child-agreement",
    section: "child",
    titleKey: "wizard:childAgreement.label",
    applies: forChild,
    fields: [ask("childAgreement")],
  }),
  step({
    id: "how-checked",
    section: "child",
    titleKey: "wizard:howChecked.title",
    applies: askedChild,
    fields: [ask("howChecked"), ask("checkedOn")],
  }),
  step({
    id: "why-cannot-ask",
    section: "child",
    titleKey: "wizard:whyCannotAsk.label",
    applies: cannotAsk,
    fields: [ask("whyCannotAsk")],
  }),
  step({
    id: "childs-words",
    section: "child",
    titleKey: "wizard:childsWords.label",
    applies: canHearChild,
    // Not asked yet: what the adult knows of the child's wishes, and that the council may ask the child (issue 15).
    context: (a) => (a.childAgreement === "not-asked-yet" ? "notAsked" : undefined),
    fields: [ask("childsWords")],
  }),
  step({
    id: "about-the-child",
    section: "child",
    titleKey: "wizard:child.title",
    applies: forChild,
    fields: [ask("childName"), ask("childAge")],
  }),
  step({
    id: "what-happened",
    section: "complaint",
    titleKey: "wizard:whatHappened.title",
    context: speaksForThemself,
    fields: [ask("whatHappened"), ask("whatHappenedWhen"), ask("whatHappenedWho")],
  }),
  step({
    id: "put-right",
    section: "complaint",
    titleKey: "wizard:putRight.label",
    context: speaksForThemself,
    fields: [ask("putRight")],
  }),
  step({
    id: "taking-part",
    section: "contact",
    titleKey: "wizard:adjustments.label",
    context: speaksForThemself,
    fields: [ask("adjustments")],
  }),
  step({
    id: "advocate",
    section: "contact",
    titleKey: "wizard:wantsAdvocate.label",
    context: speaksForThemself,
    applies: (a) => !isAdvocate(a),
    fields: [ask("wantsAdvocate")],
  }),
  step({
    id: "contact",
    section: "contact",
    titleKey: "wizard:contactMethod.label",
    fields: [
      ask("contactMethod", { optionsFor: (a) => (isAdvocate(a) ? contactMethods.filter((m) => m !== "advocate") : contactMethods) }),
      ask("email"),
      ask("phone"),
      ask("address"),
      ask("advocateName"),
      ask("advocateContact"),
    ],
  }),
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
      Object.entries(field.reveals ?? {}).flatMap(([option, revealed]) => (answers[field.name] === option ? [] : (revealed ?? []))),
    ),
  );
}

/**
 * The answers a change has made irrelevant: every field of a step that no longer applies, and
 * conditional fields under options not chosen. The caller clears them (set to undefined).
 */
export function irrelevantAnswers(answers: DraftAnswers): AnswerKey[] {
  const fromSteps = steps.filter((s) => !stepApplies(s, answers)).flatMap((s) => s.fields.map((f) => f.name));
  const shown = new Set(steps.filter((s) => stepApplies(s, answers)).flatMap((s) => s.fields.map((f) => f.name)));
  const conditional = hiddenConditionalFields(answers).filter((name) => {
    // A field revealed by another chosen option stays.
    return !steps.some((s) => s.fields.some((f) => Object.entries(f.reveals ?? {}).some(([opt, names]) => answers[f.name] === opt && names?.includes(name))));
  });
  return [...new Set([...fromSteps.filter((n) => !shown.has(n)), ...conditional])].filter((name) => answers[name] !== undefined);
}
