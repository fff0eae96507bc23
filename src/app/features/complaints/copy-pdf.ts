import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { CopyDocument } from "./copy-text";
import type { PdfFontBytes } from "./pdf-fonts";

export { loadPdfFonts } from "./pdf-fonts";

/*
 * The copy as a PDF (issue 15). Loaded only when someone presses "Download a PDF" (a dynamic
 * import: pdf-lib and fontkit are never part of the first load, the prefetch or the precache).
 * It embeds subsets of self-hosted Noto Sans fonts (pdf-fonts.ts), so Latin, Vietnamese and
 * Tigrinya are drawn as written. Each character is drawn with the first font that has it. pdf-lib
 * cannot shape Arabic script (join its letters, lay it out right to left), so Arabic, Persian and
 * Pashto letters, and anything else no font has (emoji…), are drawn as "?"; then the PDF says so
 * at the top and the page says so too, pointing to the printed page, which the browser draws
 * with the phone's own fonts (decision 021).
 */

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const SIZE = { title: 18, heading: 14, body: 11 };
const LEADING = 1.4;

/** One run of text drawn in one font. */
type Run = { text: string; font: PDFFont };

/** The embedded fonts, tried in order for each character, and a way to split text into runs. */
function typesetter(fonts: Array<{ regular: PDFFont; bold: PDFFont }>) {
  const sets = fonts.map((font) => new Set(font.regular.getCharacterSet()));
  let replaced = false;
  const fontIndex = (char: string): number => {
    const code = char.codePointAt(0) ?? 0;
    const index = sets.findIndex((set) => set.has(code));
    if (index >= 0) return index;
    replaced = true;
    return -1;
  };
  const clean = (text: string) =>
    Array.from(text.normalize("NFC").replace(/\r\n?/g, "\n"))
      .map((char) => (char === "\n" || fontIndex(char) >= 0 ? char : "?"))
      .join("");
  const runs = (text: string, bold: boolean): Run[] => {
    const out: Run[] = [];
    let current: { text: string; index: number } | undefined;
    for (const char of text) {
      // A space stays in the run it is in when that font has one (fewer, longer runs).
      const found = fontIndex(char);
      const index = char === " " && current && sets[current.index]?.has(32) ? current.index : Math.max(found, 0);
      if (current && current.index === index) current.text += char;
      else {
        if (current) out.push({ text: current.text, font: pick(current.index, bold) });
        current = { text: char, index };
      }
    }
    if (current) out.push({ text: current.text, font: pick(current.index, bold) });
    return out;
  };
  const pick = (index: number, bold: boolean) => {
    const font = fonts[index] ?? fonts[0];
    if (!font) throw new Error("copyPdf needs at least the Latin font");
    return bold ? font.bold : font.regular;
  };
  // The PDF draws each glyph at its own advance (no kerning), so a text's width is the sum of its
  // characters' widths, each measured once.
  const widths = new Map<string, number>();
  const width = (text: string, bold: boolean, size: number) => {
    let total = 0;
    for (const run of runs(text, bold)) {
      for (const char of run.text) {
        const key = `${bold ? "b" : "r"}${char}`;
        let advance = widths.get(key);
        if (advance === undefined) widths.set(key, (advance = run.font.widthOfTextAtSize(char, 1000)));
        total += advance;
      }
    }
    return (total * size) / 1000;
  };
  return { clean, runs, width, replacedAny: () => replaced };
}

type Measure = (text: string) => number;

/** Break text into lines that fit `width`, keeping the person's own line breaks; a word too long for a line is cut. */
function wrap(text: string, measure: Measure, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (measure(line) > width && Array.from(line).length > 1) {
        const chars = Array.from(line);
        let cut = chars.length - 1;
        while (cut > 1 && measure(chars.slice(0, cut).join("")) > width) cut--;
        lines.push(chars.slice(0, cut).join(""));
        line = chars.slice(cut).join("");
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Every text in the copy, to choose which font files to fetch (loadPdfFonts). */
export function copyTextOf(copy: CopyDocument, unsupportedNote: string): string {
  return [copy.title, copy.warning, unsupportedNote, ...copy.sections.flatMap((section) => [section.heading, ...section.lines.flatMap((line) => [line.label ?? "", line.text])])].join("\n");
}

export interface CopyPdf {
  bytes: Uint8Array;
  /** Some characters could not be drawn and are "?" (Arabic script, emoji…): the page says so too. */
  replacedAny: boolean;
}

/**
 * The copy as PDF bytes, drawn with `fonts` (loadPdfFonts; the first must be Latin);
 * `unsupportedNote` goes at the top when some characters could not be drawn.
 */
export async function copyPdf(copy: CopyDocument, unsupportedNote: string, fontFiles: readonly PdfFontBytes[]): Promise<CopyPdf> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(copy.title);
  pdf.setCreator("Speak Up");
  pdf.setProducer("Speak Up");
  // Only the letters used are embedded (subset), so the PDF stays small.
  const fonts = await Promise.all(
    fontFiles.map(async (file) => ({
      regular: await pdf.embedFont(file.regular, { subset: true }),
      bold: await pdf.embedFont(file.bold, { subset: true }),
    })),
  );
  if (fonts.length === 0) throw new Error("copyPdf needs at least the Latin font");
  const text = typesetter(fonts);
  const width = A4.width - 2 * MARGIN;

  // Lay out first (to learn whether anything was replaced), then draw.
  type Block = { text: string; bold: boolean; size: number; gapBefore: number; colour?: [number, number, number] };
  const blocks: Block[] = [
    { text: text.clean(copy.title), bold: true, size: SIZE.title, gapBefore: 0 },
    { text: text.clean(copy.warning), bold: true, size: SIZE.body, gapBefore: 8, colour: [0.65, 0.1, 0.1] },
  ];
  for (const section of copy.sections) {
    blocks.push({ text: text.clean(section.heading), bold: true, size: SIZE.heading, gapBefore: 16 });
    for (const line of section.lines) {
      if (line.label) blocks.push({ text: text.clean(line.label), bold: true, size: SIZE.body, gapBefore: 6 });
      blocks.push({ text: text.clean(line.text), bold: false, size: SIZE.body, gapBefore: line.label ? 0 : 6 });
    }
  }
  const replacedAny = text.replacedAny();
  if (replacedAny) {
    blocks.splice(2, 0, { text: text.clean(unsupportedNote), bold: false, size: SIZE.body, gapBefore: 8 });
  }

  let page: PDFPage = pdf.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;
  for (const block of blocks) {
    y -= block.gapBefore;
    for (const line of wrap(block.text, (candidate) => text.width(candidate, block.bold, block.size), width)) {
      const height = block.size * LEADING;
      if (y - height < MARGIN) {
        page = pdf.addPage([A4.width, A4.height]);
        y = A4.height - MARGIN;
      }
      y -= height;
      let x = MARGIN;
      for (const run of text.runs(line, block.bold)) {
        page.drawText(run.text, { x, y, size: block.size, font: run.font, color: rgb(...(block.colour ?? [0, 0, 0])) });
        x += text.width(run.text, block.bold, block.size);
      }
    }
  }
  return { bytes: await pdf.save(), replacedAny };
}
