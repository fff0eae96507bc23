import { answerIds, answerTable, type AnswerDefinition, type AnswerId } from "../../src/domain/answers";
import type { DraftAnswers } from "../../src/domain/draft";

/**
 * The answers with a length limit, read from the answer table (src/domain/answers.ts): the one
 * place a limit is written (decision 022). The wizard's and the server's limit tests share it, so
 * a changed limit is checked end to end without touching a test.
 */
export interface LimitedAnswer {
  id: AnswerId;
  max: number;
  /** Where it is in the complaint, as the server's 400 names it. */
  field: string;
  /** The validation key for one character too many. */
  tooLongKey: string;
}

export function limitedAnswers(): LimitedAnswer[] {
  return answerIds.flatMap((id) => {
    const { maxLength, path, errorKeys } = answerTable[id] as AnswerDefinition;
    if (maxLength === undefined) return [];
    // An email address too long is not an address at all.
    const tooLongKey = errorKeys.find((key) => key.endsWith(".tooLong")) ?? errorKeys.find((key) => key.endsWith(".format"));
    if (!tooLongKey) throw new Error(`${id} has a limit but no key to say so`);
    return [{ id, max: maxLength, field: path.join("."), tooLongKey }];
  });
}

/** A valid answer `length` characters long. */
export function answerOfLength(id: AnswerId, length: number): string {
  const domain = "@example.com";
  return (answerTable[id] as AnswerDefinition).control === "email" ? `${"a".repeat(length - domain.length)}${domain}` : "x".repeat(length);
}

/** Answers that send everything: someone acting for a child who agreed, writing by email. */
const everyAnswerSent: DraftAnswers = {
  role: "parent",
  inDanger: "no",
  childAgreement: "agrees",
  howChecked: "I asked.",
  whyCannotAsk: "Not needed.",
  whatHappened: "It happened.",
  contactMethod: "email",
  email: "parent@example.com",
  phone: "07700 900982",
  address: "1 Example Street",
  advocateName: "Sam",
  advocateContact: "sam@example.com",
};

/** A draft in which answer `id` is asked and sent (its contact method chosen), holding `value`. */
export function draftWith(id: AnswerId, value: string): DraftAnswers {
  const shown = (answerTable[id] as AnswerDefinition).shownWith;
  return { ...everyAnswerSent, ...(shown ? { [shown.answer]: shown.option } : {}), [id]: value };
}
