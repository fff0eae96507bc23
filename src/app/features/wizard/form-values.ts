import type { DraftAnswers } from "../../../domain/draft";
import type { AnswerKey, StepDefinition } from "./steps";

/** What react-hook-form holds: strings for text and radios, lists for checkboxes. */
export type FormValues = Partial<Record<AnswerKey, string | string[]>>;

/** Draft answers → form values for one step ("" for nothing chosen; the exclusive option for an empty list). */
export function formFromAnswers(step: StepDefinition, answers: DraftAnswers): FormValues {
  const values: FormValues = {};
  for (const field of step.fields) {
    const answer = answers[field.name];
    if (field.kind === "checkboxes") {
      const list = Array.isArray(answer) ? [...answer] : [];
      values[field.name] = Array.isArray(answer) && list.length === 0 && field.exclusiveOption ? [field.exclusiveOption] : list;
    } else {
      values[field.name] = typeof answer === "string" ? answer : "";
    }
  }
  return values;
}

/**
 * Form values → draft answers. Nothing typed is dropped: text is kept exactly as typed (trimming
 * happens when the complaint is built). An unchosen radio clears the answer; the exclusive
 * "none of these" checkbox is stored as an empty list.
 */
export function answersFromForm(step: StepDefinition, values: FormValues): Partial<DraftAnswers> {
  const answers: Record<string, unknown> = {};
  for (const field of step.fields) {
    const value = values[field.name];
    if (field.kind === "checkboxes") {
      const list = Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
      if (field.exclusiveOption && list.includes(field.exclusiveOption)) answers[field.name] = [];
      else answers[field.name] = list.length > 0 ? list : undefined;
    } else if (field.kind === "radios") {
      answers[field.name] = typeof value === "string" && value !== "" ? value : undefined;
    } else {
      answers[field.name] = typeof value === "string" ? value : undefined;
    }
  }
  return answers as Partial<DraftAnswers>;
}
