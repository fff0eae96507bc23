import fontkit from "@pdf-lib/fontkit";
import {
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  endMarkedContent,
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

/**
 * Shape one piece with fontkit. `draw`: the glyphs go into the font's subset (and its ToUnicode
 * map); measuring a line to wrap it leaves the subset alone.
 */
function shape(font: PDFFont, piece: Pick<VisualPiece, "text" | "rtl">, size: number, draw: boolean): ShapedPiece {
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
  const codes = draw
    ? glyphs.map((glyph) => {
        const subsetId = embedder.subset.includeGlyph(glyph);
        embedder.glyphs[subsetId - 1] = glyph;
        embedder.glyphIdMap.set(glyph.id, subsetId);
        return subsetId.toString(16).toUpperCase().padStart(4, "0");
      })
    : [];
  if (draw) embedder.glyphCache.invalidate();
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
  const pieces = (line: string, base: Direction, bold: boolean, size: number, draw = true): ShapedPiece[] => {
    let last = 0;
    const fontOf = (char: string) => {
      const index = found(char);
      if (char === " " && sets[last]?.has(32)) return last;
      if (index >= 0) last = index;
      return index;
    };
    return visualPieces(line, base, fontOf).map((piece) => shape(pick(piece.fontIndex, bold), piece, size, draw));
  };
  /** How wide a text is, shaped (not drawn). */
  const width = (text: string, base: Direction, bold: boolean, size: number) => pieces(text, base, bold, size, false).reduce((sum, p) => sum + p.width, 0);
  /** A character's width on its own, unshaped: a quick guess at where a long word must be cut. */
  const guesses = new Map<string, number>();
  const guess = (char: string, bold: boolean, size: number) => {
    const key = `${bold ? "b" : "r"}${char}`;
    let found = guesses.get(key);
    if (found === undefined) guesses.set(key, (found = width(char, "ltr", bold, 1000)));
    return (found * size) / 1000;
  };
  return { clean, pieces, width, guess, replacedAny: () => replaced };
}

/**
 * Draw shaped pieces from `x` on the baseline `y`: one Tj for each stretch of glyphs that sit at
 * their own widths, and a text matrix (and rise) for each glyph the font moves (marks, kerning).
 * The glyphs are in the order they are seen, and several letters can share one glyph (ب and ت are
 * one shape and a mark), so the line's own text goes with them as its ActualText: what a PDF
 * reader copies, searches and reads aloud.
 */
function drawGlyphs(
  page: PDFPage,
  pieces: readonly ShapedPiece[],
  x: number,
  y: number,
  size: number,
  colour: [number, number, number],
  actualText: string,
): void {
  const span = page.doc.context.obj({ ActualText: PDFHexString.fromText(actualText) });
  const ops: PDFOperator[] = [
    // pdf-lib's operator types leave out a dictionary operand, which BDC takes and which it writes inline.
    PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of("Span"), span as unknown as PDFName]),
    pushGraphicsState(),
    beginText(),
    setFillingRgbColor(...colour),
  ];
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
  ops.push(endText(), popGraphicsState(), endMarkedContent());
  page.pushOperators(...ops);
}

/** Each page's resource name for each font, so a page lists a font once. */
const fontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();

const round = (n: number) => Math.round(n * 1000) / 1000;

export interface Measures {
  /** The shaped width of a text. */
  width: (text: string) => number;
  /** A character's width on its own (cheap): where to start looking for a long word's cut. */
  guess: (char: string) => number;
}

/**
 * Break a paragraph into lines that fit `width`; a word too long for a line is cut. A line's width
 * is its words' widths and its spaces' (each different word is shaped once: letters join only within
 * a word), so a long answer is not shaped again for every word added. A long word's cut is guessed
 * from its characters' own widths and then found by shaping the few prefixes around the guess, so
 * a 10,000-letter word with no space costs a few shapes a line, not one per letter.
 */
export function wrap(paragraph: string, measure: Measures, width: number): string[] {
  const words = new Map<string, number>();
  const wordWidth = (word: string) => {
    let found = words.get(word);
    if (found === undefined) words.set(word, (found = measure.width(word)));
    return found;
  };
  const lines: string[] = [];
  const space = wordWidth(" ");
  let line = "";
  let lineWidth = 0;
  for (const word of paragraph.split(/ +/)) {
    const w = wordWidth(word);
    if (line && lineWidth + space + w <= width) {
      line = `${line} ${word}`;
      lineWidth += space + w;
      continue;
    }
    if (line) lines.push(line);
    if (w <= width) {
      line = word;
      lineWidth = w;
      continue;
    }
    const chars = Array.from(word);
    let start = 0;
    let previous: number | undefined;
    for (;;) {
      const cut = longestFit(chars, start, measure, width, previous);
      if (cut >= chars.length) break;
      lines.push(chars.slice(start, cut).join(""));
      previous = cut - start;
      start = cut;
    }
    line = chars.slice(start).join("");
    lineWidth = measure.width(line);
  }
  lines.push(line);
  return lines;
}

/**
 * Where the line that starts at `start` must end (after at least one letter): from as many letters
 * as the line before held (`previous`), or else a guess from the letters' own widths, then shaped
 * prefixes one letter at a time.
 */
function longestFit(chars: readonly string[], start: number, measure: Measures, width: number, previous?: number): number {
  let end = start;
  if (previous !== undefined) end = Math.min(chars.length, start + previous);
  else {
    let total = 0;
    while (end < chars.length && total + measure.guess(chars[end] ?? "") <= width) total += measure.guess(chars[end++] ?? "");
  }
  const fits = (to: number) => measure.width(chars.slice(start, to).join("")) <= width;
  let cut = Math.max(start + 1, end);
  while (cut > start + 1 && !fits(cut)) cut--;
  while (cut < chars.length && fits(cut + 1)) cut++;
  return cut;
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
      const measure = { width: (t: string) => text.width(t, dir, block.bold, block.size), guess: (c: string) => text.guess(c, block.bold, block.size) };
      for (const line of wrap(paragraph, measure, width)) {
        const height = block.size * LEADING;
        if (y - height < MARGIN) {
          page = pdf.addPage([A4.width, A4.height]);
          y = A4.height - MARGIN;
        }
        y -= height;
        const pieces = text.pieces(line, dir, block.bold, block.size);
        const lineWidth = pieces.reduce((sum, p) => sum + p.width, 0);
        drawGlyphs(page, pieces, dir === "rtl" ? MARGIN + width - lineWidth : MARGIN, y, block.size, block.colour ?? [0, 0, 0], line);
      }
    }
  }
  return { bytes: await pdf.save(), replacedAny };
}
