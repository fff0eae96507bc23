/**
 * Flesch–Kincaid grade level of English text, for the "grade 5 or less" rule on the pages written
 * for children (issue 16): 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
 * Syllables are counted by the usual vowel-group rule with English's silent-e and -le endings;
 * it is within a syllable of a dictionary for almost every word, which is enough for a grade.
 */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, "");
  if (w.length === 0) return 0;
  if (w.length <= 3) return 1;
  const trimmed = w
    .replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, (end) => end.slice(0, 1)) // silent e, -es, -ed
    .replace(/^y/, "");
  const groups = trimmed.match(/[aeiouy]{1,2}/g)?.length ?? 0;
  return Math.max(1, groups);
}

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  grade: number;
}

/** Sentences end at . ! ? or a line break (headings and list items are sentences of their own). */
export function fleschKincaid(text: string): Readability {
  const sentences = text
    .split(/[.!?]+(?=\s|$)|\n+/)
    .map((s) => s.trim())
    .filter((s) => /[A-Za-z0-9]/.test(s));
  const words = sentences.flatMap((s) => s.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)));
  const count = words.reduce((sum, w) => sum + (/^[0-9 ]+$/.test(w) ? 1 : syllables(w)), 0);
  const grade = 0.39 * (words.length / Math.max(1, sentences.length)) + 11.8 * (count / Math.max(1, words.length)) - 15.59;
  return { words: words.length, sentences: sentences.length, syllables: count, grade };
}
