import fontkit from "@pdf-lib/fontkit";
import {
  PDFDocument,
  PDFHexString,
  type PDFName,
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setFillingRgbColor,
  setFontAndSize,
  setTextMatrix,
  setTextRise,
  showText,
  type PDFFont,
  type PDFOperator,
  type PDFPage,
} from "pdf-lib";
import type { CopyDocument } from "./copy-text";
import { paragraphDirection, visualPieces, type Direction, type VisualPiece } from "./pdf-bidi";
import type { PdfFontBytes } from "./pdf-fonts";

export { loadPdfFonts } from "./pdf-fonts";

/*
 * The copy as a PDF (issue 15). Loaded only when someone presses "Download a PDF" (a dynamic
 * import: pdf-lib and fontkit are never part of the first load, the prefetch or the precache).
 * It embeds subsets of self-hosted Noto Sans fonts (pdf-fonts.ts), so Latin, Vietnamese, Tigrinya,
 * Arabic, Persian and Pashto are drawn as written. Each character is drawn with the first font
 * that has it; anything no font has (emoji…) is drawn as "?", and then the PDF says so at the top
 * and the page says so too, pointing to the printed page (decision 021).
 *
 * pdf-lib's drawText draws a font's glyphs at their own widths, so it cannot place the dots and
 * marks Arabic-script fonts position with GPOS, or lay text out right to left. So each line is cut
 * into pieces in visual order (pdf-bidi.ts), each piece shaped by fontkit (joining forms, marks,
 * kerning), and its glyphs written with their positions (`drawGlyphs`).
 */

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const SIZE = { title: 18, heading: 14, body: 11 };
const LEADING = 1.4;

/** The parts of fontkit this file uses: shaping a text into positioned glyphs. */
interface FontkitGlyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}
interface FontkitFont {
  unitsPerEm: number;
  layout(text: string): { glyphs: FontkitGlyph[]; positions: Array<{ xAdvance: number; xOffset: number; yOffset: number }>; direction: Direction };
}
/** The part of fontkit's TrueType subset this file mends (evenGlyphs). */
interface GlyphBytes extends Uint8Array {
  constructor: { concat(list: GlyphBytes[]): GlyphBytes; alloc(size: number): GlyphBytes };
}
interface TrueTypeSubset {
  includeGlyph(glyph: FontkitGlyph): number;
  _addGlyph?: (gid: number) => number;
  glyf?: GlyphBytes[];
  offset?: number;
}
/** pdf-lib's subsetting embedder, whose glyph list (and so the subset and ToUnicode map) must hold every glyph drawn. */
interface SubsetEmbedder {
  font: FontkitFont;
  subset: TrueTypeSubset;
  glyphs: FontkitGlyph[];
  glyphIdMap: Map<number, number>;
  glyphCache: { invalidate(): void };
}

/**
 * pdf-lib keeps its fontkit font and subset private; this reaches them, once, where it is checked.
 * pdf-lib 1.17's CustomFontSubsetEmbedder.encodeText does the same bookkeeping for drawText.
 */
function embedderOf(font: PDFFont): SubsetEmbedder {
  const embedder = (font as unknown as { embedder?: Partial<SubsetEmbedder> }).embedder;
  if (!embedder?.font || !embedder.subset || !Array.isArray(embedder.glyphs) || !embedder.glyphIdMap || !embedder.glyphCache) {
    throw new Error("copyPdf needs pdf-lib's subsetting font embedder (embedFont with subset: true)");
  }
  evenGlyphs(embedder.subset);
  return embedder as SubsetEmbedder;
}

const mended = new WeakSet<TrueTypeSubset>();

/**
 * @pdf-lib/fontkit 1.1's TrueType subsetter writes a short `loca` table (offsets halved) for a
 * small subset but copies each glyph's bytes as they are. A glyph of odd length then moves every
 * glyph after it by a byte, and readers draw nothing for them. Noto Sans Arabic has many such
 * glyphs (Noto Sans Latin has none, which is why it went unseen). Padding each glyph to an even
 * length, as the TrueType spec asks, mends it; fontkit 2 does the same, but pdf-lib needs 1.x.
 */
function evenGlyphs(subset: TrueTypeSubset): void {
  if (mended.has(subset)) return;
  mended.add(subset);
  const addGlyph = subset._addGlyph;
  if (typeof addGlyph !== "function") return;
  subset._addGlyph = function (this: TrueTypeSubset, gid: number): number {
    const index = addGlyph.call(this, gid);
    const bytes = this.glyf?.[index];
    if (this.glyf && bytes && bytes.length % 2 === 1) {
      this.glyf[index] = bytes.constructor.concat([bytes, bytes.constructor.alloc(1)]);
      this.offset = (this.offset ?? 0) + 1;
    }
    return index;
  };
}

/** One piece shaped: its glyphs left to right, where each goes (in points) and how far it moves on. */
interface ShapedPiece {
  font: PDFFont;
  codes: string[];
  /** `own`: the glyph's own width, which a PDF reader moves on by after drawing it. */
  positions: Array<{ advance: number; own: number; dx: number; dy: number }>;
  width: number;
}

function shape(font: PDFFont, piece: Pick<VisualPiece, "text" | "rtl">, size: number): ShapedPiece {
  const embedder = embedderOf(font);
  const run = embedder.font.layout(piece.text);
  const glyphs = [...run.glyphs];
  const positions = [...run.positions];
  // fontkit lays a piece out right to left when its script is (Arabic letters, and also Arabic
  // digits, which read left to right); the bidi levels decide.
  if ((run.direction === "rtl") !== piece.rtl) {
    glyphs.reverse();
    positions.reverse();
  }
  const scale = size / embedder.font.unitsPerEm;
  const codes = glyphs.map((glyph) => {
    const subsetId = embedder.subset.includeGlyph(glyph);
    embedder.glyphs[subsetId - 1] = glyph;
    embedder.glyphIdMap.set(glyph.id, subsetId);
    return subsetId.toString(16).toUpperCase().padStart(4, "0");
  });
  embedder.glyphCache.invalidate();
  const placed = positions.map((p, i) => ({
    advance: p.xAdvance * scale,
    own: (glyphs[i]?.advanceWidth ?? 0) * scale,
    dx: p.xOffset * scale,
    dy: p.yOffset * scale,
  }));
  return { font, codes, positions: placed, width: placed.reduce((sum, p) => sum + p.advance, 0) };
}

/** The embedded fonts, tried in order for each character, and the line layout. */
function typesetter(fonts: Array<{ regular: PDFFont; bold: PDFFont }>) {
  const sets = fonts.map((font) => new Set(font.regular.getCharacterSet()));
  let replaced = false;
  const found = (char: string) => sets.findIndex((set) => set.has(char.codePointAt(0) ?? 0));
  // Joiners and direction marks: drawn by no glyph. Where no font has them they end a piece
  // (pdf-bidi.ts), which keeps letters apart as a zero-width non-joiner does.
  const invisible = (char: string) => /[\u200b-\u200f\u2066-\u2069]/.test(char);
  const clean = (text: string) =>
    Array.from(text.normalize("NFC").replace(/\r\n?/g, "\n"))
      .map((char) => {
        if (char === "\n" || invisible(char) || found(char) >= 0) return char;
        replaced = true;
        return "?";
      })
      .join("");
  const pick = (index: number, bold: boolean) => {
    const font = fonts[index] ?? fonts[0];
    if (!font) throw new Error("copyPdf needs at least the Latin font");
    return bold ? font.bold : font.regular;
  };
  /** One line's shaped pieces, left to right. A space stays with the letters before it when their font has one. */
  const pieces = (line: string, base: Direction, bold: boolean, size: number): ShapedPiece[] => {
    let last = 0;
    const fontOf = (char: string) => {
      const index = found(char);
      if (char === " " && sets[last]?.has(32)) return last;
      if (index >= 0) last = index;
      return index;
    };
    return visualPieces(line, base, fontOf).map((piece) => shape(pick(piece.fontIndex, bold), piece, size));
  };
  const widths = new Map<string, number>();
  const width = (text: string, base: Direction, bold: boolean, size: number) => {
    const key = `${base}${bold ? "b" : "r"}${size}|${text}`;
    let found = widths.get(key);
    if (found === undefined) widths.set(key, (found = pieces(text, base, bold, size).reduce((sum, p) => sum + p.width, 0)));
    return found;
  };
  return { clean, pieces, width, replacedAny: () => replaced };
}

/**
 * Draw shaped pieces from `x` on the baseline `y`: one Tj for each stretch of glyphs that sit at
 * their own widths, and a text matrix (and rise) for each glyph the font moves (marks, kerning).
 */
function drawGlyphs(page: PDFPage, pieces: readonly ShapedPiece[], x: number, y: number, size: number, colour: [number, number, number]): void {
  const ops: PDFOperator[] = [pushGraphicsState(), beginText(), setFillingRgbColor(...colour)];
  let keys = fontKeys.get(page);
  if (!keys) fontKeys.set(page, (keys = new Map()));
  let pen = x;
  let rise = 0;
  for (const piece of pieces) {
    let key = keys.get(piece.font);
    if (key === undefined) {
      key = page.node.newFontDictionary(piece.font.name, piece.font.ref);
      keys.set(piece.font, key);
    }
    ops.push(setFontAndSize(key, size));
    // In step: the reader's text position is where the next glyph goes.
    let inStep = false;
    let stretch: string[] = [];
    const flush = () => {
      if (stretch.length > 0) ops.push(showText(PDFHexString.of(stretch.join(""))));
      stretch = [];
    };
    piece.codes.forEach((code, i) => {
      const p = piece.positions[i];
      if (!p) return;
      const natural = p.dx === 0 && p.dy === 0 && Math.abs(p.advance - p.own) < 0.001;
      if (!natural || !inStep) {
        flush();
        ops.push(setTextMatrix(1, 0, 0, 1, round(pen + p.dx), round(y)));
        if (p.dy !== rise) ops.push(setTextRise(round((rise = p.dy))));
      }
      stretch.push(code);
      pen += p.advance;
      inStep = natural;
      if (!natural) flush();
    });
    flush();
  }
  if (rise !== 0) ops.push(setTextRise(0));
  ops.push(endText(), popGraphicsState());
  page.pushOperators(...ops);
}

/** Each page's resource name for each font, so a page lists a font once. */
const fontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();

const round = (n: number) => Math.round(n * 1000) / 1000;

type Measure = (text: string) => number;

/**
 * Break a paragraph into lines that fit `width`; a word too long for a line is cut. A line's width
 * is its words' widths and its spaces' (`measure` is asked once per word, and letters join only
 * within a word), so long answers are not shaped again for every word added.
 */
function wrap(paragraph: string, measure: Measure, width: number): string[] {
  const lines: string[] = [];
  const space = measure(" ");
  let line = "";
  let lineWidth = 0;
  for (const word of paragraph.split(/ +/)) {
    const wordWidth = measure(word);
    if (line && lineWidth + space + wordWidth <= width) {
      line = `${line} ${word}`;
      lineWidth += space + wordWidth;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    lineWidth = wordWidth;
    while (lineWidth > width && Array.from(line).length > 1) {
      const chars = Array.from(line);
      let cut = chars.length - 1;
      while (cut > 1 && measure(chars.slice(0, cut).join("")) > width) cut--;
      lines.push(chars.slice(0, cut).join(""));
      line = chars.slice(cut).join("");
      lineWidth = measure(line);
    }
  }
  lines.push(line);
  return lines;
}

/** Every text in the copy, to choose which font files to fetch (loadPdfFonts). */
export function copyTextOf(copy: CopyDocument, unsupportedNote: string): string {
  return [
    copy.title,
    copy.warning,
    unsupportedNote,
    ...copy.sections.flatMap((section) => [section.heading, ...section.lines.flatMap((line) => [line.label ?? "", line.text])]),
  ].join("\n");
}

export interface CopyPdf {
  bytes: Uint8Array;
  /** Some characters could not be drawn and are "?" (Arabic script, emoji…): the page says so too. */
  replacedAny: boolean;
}

/**
 * The copy as PDF bytes, drawn with `fonts` (loadPdfFonts; the first must be Latin);
 * `unsupportedNote` goes at the top when some characters could not be drawn. `direction`: the
 * language's, for paragraphs with no letter that says (a reference, a date in digits).
 */
export async function copyPdf(copy: CopyDocument, unsupportedNote: string, fontFiles: readonly PdfFontBytes[], direction: Direction = "ltr"): Promise<CopyPdf> {
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
    for (const paragraph of block.text.split("\n")) {
      // Each paragraph in its own direction, as the page shows it (dir="auto"), right-aligned when right to left.
      const dir = paragraphDirection(paragraph, direction);
      for (const line of wrap(paragraph, (candidate) => text.width(candidate, dir, block.bold, block.size), width)) {
        const height = block.size * LEADING;
        if (y - height < MARGIN) {
          page = pdf.addPage([A4.width, A4.height]);
          y = A4.height - MARGIN;
        }
        y -= height;
        const pieces = text.pieces(line, dir, block.bold, block.size);
        const lineWidth = pieces.reduce((sum, p) => sum + p.width, 0);
        drawGlyphs(page, pieces, dir === "rtl" ? MARGIN + width - lineWidth : MARGIN, y, block.size, block.colour ?? [0, 0, 0]);
      }
    }
  }
  return { bytes: await pdf.save(), replacedAny };
}
