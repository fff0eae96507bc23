import bidiFactory from "bidi-js";

/*
 * Right-to-left text in the PDF copy (issue 14, issue 15; decision 021). A PDF has no text layout:
 * each line is drawn as glyphs from left to right. So each line is cut into pieces, each in one
 * font and one direction, and the pieces are put in the order they are seen, by the Unicode
 * Bidirectional Algorithm (UAX #9, through bidi-js). Each piece is then shaped by fontkit (copy-pdf.ts),
 * which joins Arabic letters.
 */

const bidi = bidiFactory();

export type Direction = "ltr" | "rtl";

/** A piece of one line in one font, in the order the pieces are drawn from left to right. */
export interface VisualPiece {
  /** Its characters in reading order; at a right-to-left level, mirrored ("(" for ")"). */
  text: string;
  fontIndex: number;
  /** Drawn right to left: its glyphs go from its last character on the left to its first. */
  rtl: boolean;
}

/** The direction of a paragraph as a browser's `dir="auto"` finds it: its first strong letter's; `fallback` when it has none. */
export function paragraphDirection(text: string, fallback: Direction): Direction {
  for (const char of text) {
    const type = bidi.getBidiCharTypeName(char);
    if (type === "L") return "ltr";
    if (type === "R" || type === "AL") return "rtl";
  }
  return fallback;
}

/**
 * One line's pieces in visual order (UAX #9 rule L2). `fontOf` says which font draws each
 * character; a character it answers -1 for (a joiner the font lacks) is left out, ending the piece,
 * which stops the letters either side joining, as the joiner would.
 */
export function visualPieces(line: string, base: Direction, fontOf: (char: string) => number): VisualPiece[] {
  const { levels } = bidi.getEmbeddingLevels(line, base);
  const pieces: Array<{ text: string; fontIndex: number; level: number }> = [];
  let unit = 0;
  let previous: { text: string; fontIndex: number; level: number } | undefined;
  for (const char of line) {
    const level = levels[unit] ?? (base === "rtl" ? 1 : 0);
    unit += char.length;
    const fontIndex = fontOf(char);
    if (fontIndex < 0) {
      previous = undefined;
      continue;
    }
    const shown = level % 2 === 1 ? (bidi.getMirroredCharacter(char) ?? char) : char;
    if (previous && previous.level === level && previous.fontIndex === fontIndex) previous.text += shown;
    else {
      previous = { text: shown, fontIndex, level };
      pieces.push(previous);
    }
  }
  // L2: from the highest level down to the lowest odd one, reverse every run of pieces at that level or higher.
  const highest = Math.max(0, ...pieces.map((p) => p.level));
  const lowestOdd = Math.min(...pieces.map((p) => (p.level % 2 === 1 ? p.level : Infinity)));
  for (let level = highest; level >= lowestOdd && level > 0; level--) {
    for (let i = 0; i < pieces.length;) {
      if ((pieces[i]?.level ?? 0) < level) {
        i++;
        continue;
      }
      let end = i;
      while (end < pieces.length && (pieces[end]?.level ?? 0) >= level) end++;
      pieces.splice(i, end - i, ...pieces.slice(i, end).reverse());
      i = end;
    }
  }
  return pieces.map((p) => ({ text: p.text, fontIndex: p.fontIndex, rtl: p.level % 2 === 1 }));
}
