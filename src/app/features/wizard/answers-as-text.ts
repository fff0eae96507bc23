import type { TFunction } from "i18next";
import { answerText } from "../../../domain/answers";
import type { DraftAnswers } from "../../../domain/draft";
import { stepApplies, steps } from "./steps";

/**
 * Everything answered so far as plain text, question then answer, in the order of the steps, for
 * "Copy what you have written" when saving on this device is not working. Each answer reads as on
 * Check your answers (the answer table's `answerText`); unanswered questions are left out, so the
 * text is only what the person wrote or chose.
 */
export function answersAsText(answers: DraftAnswers, t: TFunction): string {
  return steps
    .filter((step) => !step.info && stepApplies(step, answers))
    .flatMap((step) =>
      step.fields.flatMap((field) => {
        const context = step.context?.(answers);
        const answer = answerText(field.name, answers, t, context);
        if (answer === undefined) return [];
        return [`${t(`${field.textKey}.label`, { context })}\n${answer}`];
      }),
    )
    .join("\n\n");
}
