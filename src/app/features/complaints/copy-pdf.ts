import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { CopyDocument } from "./copy-text";

/*
 * The copy as a PDF (issue 15). Loaded only when someone presses "Download a PDF" (a dynamic
 * import: pdf-lib is about 180 kB and never part of the first load, the prefetch or the precache).
 * It uses PDF's built-in Helvetica, which every reader has and which needs no font file, but
 * which can only draw Western European letters: any other character (Arabic, Tigrinya, emoji…)
 * is drawn as "?" and the PDF says so at the top, pointing to the printed page, which the
 * browser draws with the phone's own fonts. Embedding a self-hosted font is the next step
 * (docs/decisions/015).
 */

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const SIZE = { title: 18, heading: 14, body: 11 };
const LEADING = 1.4;

/** The characters a font can draw, and a way to make any text drawable with it. */
function drawable(font: PDFFont) {
  const known = new Set(font.getCharacterSet());
  let replaced = false;
  const clean = (text: string) =>
    Array.from(text.normalize("NFC").replace(/\r\n?/g, "\n"))
      .map((char) => {
        if (char === "\n" || known.has(char.codePointAt(0) ?? 0)) return char;
        replaced = true;
        return "?";
      })
      .join("");
  return { clean, replacedAny: () => replaced };
}

/** Break text into lines that fit `width`, keeping the person's own line breaks; a word too long for a line is cut. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

/** The copy as PDF bytes; `unsupportedNote` goes at the top when some characters could not be drawn. */
export async function copyPdf(copy: CopyDocument, unsupportedNote: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(copy.title);
  pdf.setCreator("Speak Up");
  pdf.setProducer("Speak Up");
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const text = drawable(regular);
  const width = A4.width - 2 * MARGIN;

  // Lay out first (to learn whether anything was replaced), then draw.
  type Block = { text: string; font: PDFFont; size: number; gapBefore: number; colour?: [number, number, number] };
  const blocks: Block[] = [
    { text: text.clean(copy.title), font: bold, size: SIZE.title, gapBefore: 0 },
    { text: text.clean(copy.warning), font: bold, size: SIZE.body, gapBefore: 8, colour: [0.65, 0.1, 0.1] },
  ];
  for (const section of copy.sections) {
    blocks.push({ text: text.clean(section.heading), font: bold, size: SIZE.heading, gapBefore: 16 });
    for (const line of section.lines) {
      if (line.label) blocks.push({ text: text.clean(line.label), font: bold, size: SIZE.body, gapBefore: 6 });
      blocks.push({ text: text.clean(line.text), font: regular, size: SIZE.body, gapBefore: line.label ? 0 : 6 });
    }
  }
  if (text.replacedAny()) {
    blocks.splice(2, 0, { text: text.clean(unsupportedNote), font: regular, size: SIZE.body, gapBefore: 8 });
  }

  let page: PDFPage = pdf.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;
  for (const block of blocks) {
    y -= block.gapBefore;
    for (const line of wrap(block.text, block.font, block.size, width)) {
      const height = block.size * LEADING;
      if (y - height < MARGIN) {
        page = pdf.addPage([A4.width, A4.height]);
        y = A4.height - MARGIN;
      }
      y -= height;
      page.drawText(line, { x: MARGIN, y, size: block.size, font: block.font, color: rgb(...(block.colour ?? [0, 0, 0])) });
    }
  }
  return pdf.save();
}
