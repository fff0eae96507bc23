import type { Topic } from "./complaint";
import type { DraftAnswers } from "./draft";

/*
 * A draft's default name (issue 15): the child's initials and what it is about, so an advocate
 * with three complaints on the go can tell them apart, and never a full name, so a glance at the
 * list on a shared screen gives nobody away. The app turns these parts into words.
 */

export interface LabelParts {
  /** The child's initials, upper case with full stops ("J.R."), when someone acting for a child gave a name. */
  initials?: string;
  /** The first thing the complaint is about. */
  topic?: Topic;
}

/** Initials from a name as typed: the first letter of each word (up to three), so "Jamie Rivers" → "J.R.". */
export function initialsOf(name: string): string | undefined {
  const letters = name
    .normalize("NFC")
    .split(/[\s\-–—.,']+/u)
    .map((word) => Array.from(word)[0])
    .filter((letter): letter is string => letter !== undefined && /\p{L}/u.test(letter))
    .slice(0, 3);
  return letters.length > 0 ? `${letters.map((l) => l.toLocaleUpperCase("en-GB")).join(".")}.` : undefined;
}

/** The parts of a draft's default name from its answers; empty until there is something to go on. */
export function defaultLabelParts(answers: Pick<DraftAnswers, "childName" | "topics">): LabelParts {
  const initials = typeof answers.childName === "string" ? initialsOf(answers.childName) : undefined;
  const topic = answers.topics?.[0];
  return { ...(initials ? { initials } : {}), ...(topic ? { topic } : {}) };
}
