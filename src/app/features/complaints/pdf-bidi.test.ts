import { describe, expect, it } from "vitest";
import { paragraphDirection, visualPieces } from "./pdf-bidi";

/** Latin letters, digits and punctuation in font 0; Arabic script in font 1. */
const fontOf = (char: string) => (/[\u0600-\u06ff]/.test(char) ? 1 : 0);
const shown = (line: string, base: "ltr" | "rtl") => visualPieces(line, base, fontOf).map((p) => `${p.rtl ? "<" : ">"}${p.text}`);

describe("right-to-left lines in the PDF (UAX #9 through bidi-js)", () => {
  it("finds a paragraph's direction from its first strong letter, as dir=auto does", () => {
    expect(paragraphDirection("أريد أختي", "ltr")).toBe("rtl");
    expect(paragraphDirection("2026: I want", "rtl")).toBe("ltr");
    expect(paragraphDirection("SU-7KQ4 رقم", "rtl")).toBe("ltr");
    expect(paragraphDirection("12/05/2026", "rtl")).toBe("rtl");
    expect(paragraphDirection("12/05/2026", "ltr")).toBe("ltr");
  });

  it("leaves a left-to-right line as one piece", () => {
    expect(shown("I miss Nana (a lot).", "ltr")).toEqual([">I miss Nana (a lot)."]);
  });

  it("puts an Arabic line's pieces right to left, with the reference and numbers left to right inside it", () => {
    // Logical: Arabic, the reference, Arabic. Seen from the left: the last Arabic word, the reference, the first.
    expect(shown("رقم SU-7KQ4-M9XD هو", "rtl")).toEqual(["<هو", "< ", ">SU-7KQ4-M9XD", "< ", "<رقم"]);
    expect(shown("عمري 12 سنة", "rtl")).toEqual(["<سنة", "< ", ">12", "< ", "<عمري"]);
  });

  it("mirrors brackets drawn right to left, and keeps Arabic-Indic digits left to right", () => {
    // Each piece keeps reading order (its glyphs are then drawn right to left): " (" becomes " )",
    // drawn ") ", so the line reads "(مرة) أختي" from the left, the brackets facing the right way.
    expect(shown("أختي (مرة)", "rtl")).toEqual(["<(", "<مرة", "< )", "<أختي"]);
    expect(shown("سنة ٢٠٢٦", "rtl")).toEqual([">٢٠٢٦", "< ", "<سنة"]);
  });

  it("drops a character no font draws (a joiner), ending the piece so the letters either side stay apart", () => {
    const noJoiner = (char: string) => (char === "\u200c" ? -1 : fontOf(char));
    expect(visualPieces("می\u200cخواهم", "rtl", noJoiner).map((p) => p.text)).toEqual(["خواهم", "می"]);
  });
});
