import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { pdfText } from "../../../../test/e2e/support/pdf-text";
import { copyPdf, copyTextOf, wrap } from "./copy-pdf";
import type { CopyDocument } from "./copy-text";
import { PDF_FONT_FILES, type PdfFontBytes } from "./pdf-fonts";

const root = resolve(import.meta.dirname, "../../../..");

/** The font files the browser would fetch for `text` (loadPdfFonts), read from node_modules. */
function fontsFor(text: string): PdfFontBytes[] {
  // In tests the ?url imports are the files' paths (absolute, or from the project folder).
  const read = (url: string) => {
    const path = url.replace(/\?.*$/, "");
    return new Uint8Array(readFileSync(path.startsWith(root) ? path : join(root, path)));
  };
  return PDF_FONT_FILES.filter((file) => file.neededFor(text)).map((file) => ({ name: file.name, regular: read(file.regular), bold: read(file.bold) }));
}

const doc = (text: string): CopyDocument => ({
  title: "Copy of complaint SU-7KQ4-M9XD",
  warning: "This copy holds personal details.",
  sections: [{ heading: "What you sent", lines: [{ label: "What happened", text }] }],
});
const NOTE = "Some letters cannot be shown in this PDF.";
const make = (copy: CopyDocument, direction: "ltr" | "rtl" = "ltr") => copyPdf(copy, NOTE, fontsFor(copyTextOf(copy, NOTE)), direction);
const reversed = (text: string) => Array.from(text).reverse().join("");

/*
 * An Arabic-script font draws many letters as one shared shape plus dots (ب ت ث ن ی…), and a PDF
 * maps each glyph back to one letter, so text read out of the PDF can name a sister letter. The
 * tests compare letters by their shape without dots (their rasm), which still checks the order.
 */
const RASM: Record<string, string> = Object.fromEntries(
  ["ٮبتثنيىیئپټېۍ", "حجخچځڅ", "دذډ", "رزژړږ", "سشښ", "صض", "طظ", "عغ", "فق", "هة", "كکګگ", "اأإآ"].flatMap((letters) =>
    Array.from(letters).map((letter) => [letter, letters[0] ?? letter]),
  ),
);
// The font draws a zero-width non-joiner with its space glyph, so it reads back as a space.
const rasm = (text: string) =>
  Array.from(text.replace(/\u200c/g, " "))
    .map((c) => RASM[c] ?? c)
    .join("");
/** A right-to-left text as the PDF holds it (the order it is seen in), by its rasm. */
const seen = (text: string) => rasm(reversed(text));

/** Where each drawn line starts: the x of the first text matrix in each BT … ET block, page by page. */
async function lineStarts(bytes: Uint8Array): Promise<number[]> {
  const pdf = await PDFDocument.load(bytes);
  const starts: number[] = [];
  for (const page of pdf.getPages()) {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref)) : [contents];
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) continue;
      const text = Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
      for (const m of text.matchAll(/BT[\s\S]*?1 0 0 1 ([\d.]+) [\d.]+ Tm/g)) starts.push(Number(m[1]));
    }
  }
  return starts;
}

/** The fonts the PDF embeds (FontFile2), read back with fontkit. */
async function embeddedFonts(bytes: Uint8Array): Promise<Array<{ numGlyphs: number; getGlyph(id: number): { path: unknown } }>> {
  const pdf = await PDFDocument.load(bytes);
  const out = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of("Type")) !== PDFName.of("FontDescriptor")) continue;
    const file = object.lookup(PDFName.of("FontFile2"));
    if (!(file instanceof PDFRawStream)) continue;
    out.push(fontkit.create(Buffer.from(decodePDFRawStream(file).decode())) as unknown as { numGlyphs: number; getGlyph(id: number): { path: unknown } });
  }
  return out;
}

describe("the copy as a PDF", () => {
  it("holds the reference and the words as written", async () => {
    const { bytes, replacedAny } = await make(doc("I was moved and nobody asked me. Café, naïve, £20."));
    const text = await pdfText(bytes);
    expect(replacedAny).toBe(false);
    expect(text).toContain("SU-7KQ4-M9XD");
    expect(text).toContain("I was moved and nobody asked me. Café, naïve, £20.");
    expect(text).not.toContain(NOTE);
    expect((await PDFDocument.load(bytes)).getTitle()).toBe("Copy of complaint SU-7KQ4-M9XD");
  });

  it("draws Vietnamese with its diacritics, from the embedded font", async () => {
    const words = "Tôi muốn gặp em gái tôi. Người ta không hỏi ý kiến của tôi khi chuyển nhà.";
    const copy: CopyDocument = { ...doc(words), sections: [{ heading: "Những gì bạn đã gửi", lines: [{ label: "Chuyện gì đã xảy ra", text: words }] }] };
    const { bytes, replacedAny } = await make(copy);
    const text = await pdfText(bytes);
    expect(replacedAny).toBe(false);
    expect(text).toContain("Những gì bạn đã gửi");
    expect(text).toContain("Chuyện gì đã xảy ra");
    expect(text).toContain(words);
    expect(text).not.toMatch(/[?\uFFFD]/);
  });

  it("draws Tigrinya (Ethiopic) in the person's language and the child's own words", async () => {
    const words = "ሓወይ ክርኢ እደሊ። ብዛዕባ ምግዓዘይ ዝሓተተኒ የለን።";
    const copy: CopyDocument = {
      title: "ቅዳሕ ናይ ጥርዓን SU-7KQ4-M9XD",
      warning: "እዚ ቅዳሕ እዚ ውልቃዊ ሓበሬታ ሒዙ ኣሎ።",
      sections: [{ heading: "ዝለኣኽካዮ", lines: [{ label: "እንታይ ኮይኑ", text: words }] }],
    };
    const { bytes, replacedAny } = await make(copy);
    const text = await pdfText(bytes);
    expect(replacedAny).toBe(false);
    expect(text).toContain("ቅዳሕ ናይ ጥርዓን SU-7KQ4-M9XD");
    expect(text).toContain("እንታይ ኮይኑ");
    expect(text).toContain(words);
    expect(text).not.toMatch(/[?\uFFFD]/);
  });

  it("draws Arabic joined, right to left and right-aligned, with the reference and numbers left to right; only emoji become ?", async () => {
    const copy: CopyDocument = {
      title: "رقم SU-7KQ4-M9XD",
      warning: "ماذا حدث",
      sections: [{ heading: "ماذا حدث", lines: [{ label: "ماذا حدث", text: "أريد أن أرى أختي (مرة) 2026 😢" }] }],
    };
    const { bytes, replacedAny } = await make(copy, "rtl");
    const lines = (await pdfText(bytes, { glyphs: true })).split("\n");
    expect(replacedAny).toBe(true);
    // What a reader copies and searches: each line's own text (its ActualText).
    expect((await pdfText(bytes)).split("\n")).toEqual(["رقم SU-7KQ4-M9XD", "ماذا حدث", NOTE, "ماذا حدث", "ماذا حدث", "أريد أن أرى أختي (مرة) 2026 ?"]);
    // What is drawn: glyphs in the order they are seen, left to right, so Arabic reads from the right.
    expect(lines[0]).toBe("SU-7KQ4-M9XD مقر");
    expect(rasm(lines[1] ?? "")).toBe(seen("ماذا حدث"));
    expect(lines).toContain(NOTE);
    // The opening bracket, drawn right to left, is the mirrored glyph; 2026 stays 2026.
    expect(lines.map(rasm)).toContain(rasm(`? 2026 (${reversed("مرة")}) ${reversed("أريد أن أرى أختي")}`));
    // Right to left lines end at the right margin; the English note starts at the left one.
    const starts = await lineStarts(bytes);
    expect(starts[0]).toBeGreaterThan(200);
    expect(starts[2]).toBe(56);
  });

  it("joins Persian and Pashto letters, keeps a zero-width non-joiner's break, and a person's English in an Arabic copy left to right", async () => {
    const copy: CopyDocument = {
      title: "کاپی",
      warning: "ډېر مهم",
      sections: [{ heading: "ما أرسلته", lines: [{ label: "ماذا حدث", text: "می‌خواهم خواهرم را ببینم\nI want to see my sister" }] }],
    };
    const { bytes, replacedAny } = await make(copy, "rtl");
    const lines = (await pdfText(bytes, { glyphs: true })).split("\n");
    expect(replacedAny).toBe(false);
    expect((await pdfText(bytes)).split("\n")).toContain("می‌خواهم خواهرم را ببینم");
    expect(lines.map(rasm)).toContain(seen("ډېر مهم"));
    expect(lines.map(rasm)).toContain(seen("می‌خواهم خواهرم را ببینم"));
    expect(lines.at(-1)).toBe("I want to see my sister");
    expect((await lineStarts(bytes)).at(-1)).toBe(56);
  });

  it("joins Arabic letters: one letter three times takes its first, middle and last forms, three glyphs, not one", async () => {
    const fonts = await embeddedFonts((await make(doc("سسس"), "rtl")).bytes);
    // The Latin font, and the Arabic one with .notdef and the three forms of seen.
    expect(fonts.map((font) => font.numGlyphs)).toContain(4);
  });

  it("embeds glyphs a PDF reader can draw: every glyph of every embedded font decodes (Noto Sans Arabic's odd-length glyphs are padded)", async () => {
    const { bytes } = await make(doc("أريد أن أرى أختي. پښتو ټ ښ ګ. می‌خواهم"), "rtl");
    const fonts = await embeddedFonts(bytes);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const font of fonts) {
      for (let id = 0; id < font.numGlyphs; id++) expect(() => font.getGlyph(id).path).not.toThrow();
    }
  });

  it("fetches only the font files the text needs", () => {
    expect(PDF_FONT_FILES.filter((file) => file.neededFor("Plain English, £5")).map((file) => file.name)).toEqual(["latin"]);
    expect(PDF_FONT_FILES.filter((file) => file.neededFor("Tôi muốn")).map((file) => file.name)).toEqual(["latin", "latin-ext", "vietnamese"]);
    expect(PDF_FONT_FILES.filter((file) => file.neededFor("ሓወይ")).map((file) => file.name)).toEqual(["latin", "ethiopic"]);
    expect(PDF_FONT_FILES.filter((file) => file.neededFor("می‌خواهم")).map((file) => file.name)).toEqual(["latin", "arabic"]);
  });

  it("cuts a word too long for a line with a few shapes a line, not one for each letter", () => {
    let shapes = 0;
    const measure = {
      width: (text: string) => {
        shapes++;
        return Array.from(text).length * 5;
      },
      guess: () => 5,
    };
    const lines = wrap("x".repeat(10_000), measure, 400);
    expect(lines).toHaveLength(125);
    expect(lines.every((line) => line.length === 80)).toBe(true);
    expect(shapes).toBeLessThan(125 * 4);
  });

  it("wraps long words and long answers onto more lines and pages", async () => {
    const { bytes } = await make(doc(`${"x".repeat(400)}\n${"A long line of words. ".repeat(600)}`));
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThan(2);
    expect((await pdfText(bytes)).replace(/\n/g, "")).toContain("x".repeat(400));
  });
});
