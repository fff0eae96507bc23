import "./zod-config";
import * as z from "zod";

/**
 * The building blocks the answer table (answers.ts) and the complaint schema (complaint.ts) share:
 * validation keys, text and date rules. Kept apart from both so neither imports the other's
 * module while it is still being built.
 */

const builtKeys = new Set<string>();

/**
 * Every i18n key the schemas built so far can report, filled by `key()` as they are built (the
 * answer table's rules when first used: reading each answer's `errorKeys` builds them all), so a
 * test can check each one has English text (style.md rule 7).
 */
export const validationKeys: ReadonlySet<string> = builtKeys;

/** The keys being gathered by `keysBuiltBy`, if any. */
let gathering: Set<string> | undefined;

/** `{ error: "validation:<k>" }` for a zod check, recording the key in `validationKeys`. */
export function key(k: string) {
  const error = `validation:${k}`;
  builtKeys.add(error);
  gathering?.add(error);
  return { error };
}

/** What `build` returns, and every validation key its schemas can report (the answer table's error keys). */
export function keysBuiltBy<T>(build: () => T): { built: T; keys: readonly string[] } {
  const outer = gathering;
  const keys = new Set<string>();
  gathering = keys;
  try {
    const built = build();
    return { built, keys: [...keys] };
  } finally {
    gathering = outer;
    for (const k of keys) outer?.add(k);
  }
}

/**
 * Code units segmented at a time. Intl.Segmenter copies the whole input into every segment it
 * gives (V8), so one call over a 256 KB text takes seconds and gigabytes; chunks keep it linear.
 */
const SEGMENT_CHUNK = 256;

// eslint-disable-next-line no-control-regex -- ASCII is every code unit up to U+007F
const NOT_ASCII = /[^\u0000-\u007f]/;
const CR_LF = /\r\n/g;

/** Made the first time a text is not ASCII, and kept: it holds no state between calls. */
let segmenter: Intl.Segmenter | undefined;

/**
 * How long a text is as the person sees it: user-perceived characters (Unicode grapheme clusters,
 * UAX #29), so an emoji or an accented letter counts once, on the form and on the server alike.
 * Counting stops once past `atMost`. Browsers without Intl.Segmenter (Firefox before 125) count
 * code points, which is never less.
 */
export function visibleLength(value: string, atMost = Number.POSITIVE_INFINITY): number {
  // ASCII needs no segmenter: every character is one, but CR LF is one together (UAX #29, GB3).
  // Making the first Intl.Segmenter loads ICU's break data, about 20 ms on a fast machine: the
  // question pages check that their answers may be blank ("") as they load, and most typing is ASCII.
  if (!NOT_ASCII.test(value)) return value.length - (value.match(CR_LF)?.length ?? 0);
  if (typeof Intl.Segmenter !== "function") return [...value].length;
  segmenter ??= new Intl.Segmenter("en", { granularity: "grapheme" });
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

export function yearInRange(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}

/** An ISO calendar date `yyyy-mm-dd` that exists (rejects 2025-02-30). */
export function isoDate(field: string) {
  return (
    z
      .string(key(`${field}.type`))
      .trim()
      // abort: a value that is not shaped like a date gets one problem, not the calendar check's too.
      .regex(/^\d{4}-\d{2}-\d{2}$/, { ...key(`${field}.format`), abort: true })
      .refine(
        (value) => {
          const d = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value && yearInRange(value);
        },
        key(`${field}.format`),
      )
  );
}
