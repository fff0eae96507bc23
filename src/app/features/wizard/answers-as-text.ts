import type { TFunction } from "i18next";
import type { DraftAnswers } from "../../../domain/draft";
import { stepApplies, steps, type FieldDefinition, type StepDefinition } from "./steps";

/** One answer as the person would read it: option labels for choices, text exactly as typed. */
function answerText(step: StepDefinition, field: FieldDefinition, answers: DraftAnswers, t: TFunction): string | undefined {
  const value = answers[field.name];
  const context = step.context?.(answers);
  const option = (v: string) => t(`${field.textKey}.options.${v}.label`, { context });
  if (Array.isArray(value)) return value.length > 0 ? value.map(option).join("\n") : undefined;
  if (typeof value !== "string" || value.trim() === "") return undefined;
  return field.options ? option(value) : value;
}

/**
 * Everything answered so far as plain text, question then answer, in the order of the steps, for
 * "Copy what you have written" when saving on this device is not working. Unanswered questions
 * are left out, so the text is only what the person wrote or chose.
 */
export function answersAsText(answers: DraftAnswers, t: TFunction): string {
  return steps
    .filter((step) => !step.info && stepApplies(step, answers))
    .flatMap((step) =>
      step.fields.flatMap((field) => {
        const answer = answerText(step, field, answers, t);
        if (answer === undefined) return [];
        return [`${t(`${field.textKey}.label`, { context: step.context?.(answers) })}\n${answer}`];
      }),
    )
    .join("\n\n");
}
