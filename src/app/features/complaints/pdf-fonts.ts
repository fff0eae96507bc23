import latin400 from "@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff?url&no-inline";
import latin700 from "@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff?url&no-inline";
import latinExt400 from "@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff?url&no-inline";
import latinExt700 from "@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff?url&no-inline";
import vietnamese400 from "@fontsource/noto-sans/files/noto-sans-vietnamese-400-normal.woff?url&no-inline";
import vietnamese700 from "@fontsource/noto-sans/files/noto-sans-vietnamese-700-normal.woff?url&no-inline";
import ethiopic400 from "@fontsource/noto-sans-ethiopic/files/noto-sans-ethiopic-ethiopic-400-normal.woff?url&no-inline";
import ethiopic700 from "@fontsource/noto-sans-ethiopic/files/noto-sans-ethiopic-ethiopic-700-normal.woff?url&no-inline";
import arabic400 from "@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff?url&no-inline";
import arabic700 from "@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff?url&no-inline";

/*
 * The fonts the PDF copy embeds (decision 021): Noto Sans in the subsets Fontsource publishes
 * (Latin, Latin Extended, Vietnamese), Noto Sans Ethiopic (Tigrinya) and Noto Sans Arabic (Arabic,
 * Persian, Pashto). The files are built into assets/ and fetched from this origin only when a PDF
 * is made; this module is part of the PDF chunk (copy-pdf.ts), never of the first load.
 */

/** One font file in its two weights, and which characters make it needed. */
export interface PdfFontFile {
  name: string;
  regular: string;
  bold: string;
  /** True when `text` may need this file; Latin is always needed (the reference, the numbers). */
  neededFor: (text: string) => boolean;
}

/** True when `text` has a character in one of the inclusive code point `ranges`. */
function hasAny(text: string, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (ranges.some(([from, to]) => code >= from && code <= to)) return true;
  }
  return false;
}

// The ranges each Fontsource subset covers (its CSS unicode-range), roughly.
const LATIN_EXT: ReadonlyArray<readonly [number, number]> = [
  [0x0100, 0x024f],
  [0x0300, 0x036f],
  [0x1e00, 0x1eff],
  [0x2010, 0x20cf],
];
const VIETNAMESE: ReadonlyArray<readonly [number, number]> = [
  [0x0100, 0x01b0],
  [0x0300, 0x0329],
  [0x1ea0, 0x1ef9],
  [0x20ab, 0x20ab],
];
const ETHIOPIC: ReadonlyArray<readonly [number, number]> = [
  [0x1200, 0x139f],
  [0x2d80, 0x2ddf],
  [0xab00, 0xab2f],
];
const ARABIC: ReadonlyArray<readonly [number, number]> = [
  [0x0600, 0x06ff],
  [0x0750, 0x077f],
  [0x0870, 0x08ff],
  [0xfb50, 0xfdff],
  [0xfe70, 0xfeff],
];

export const PDF_FONT_FILES: readonly PdfFontFile[] = [
  { name: "latin", regular: latin400, bold: latin700, neededFor: () => true },
  { name: "latin-ext", regular: latinExt400, bold: latinExt700, neededFor: (text) => hasAny(text, LATIN_EXT) },
  { name: "vietnamese", regular: vietnamese400, bold: vietnamese700, neededFor: (text) => hasAny(text, VIETNAMESE) },
  { name: "ethiopic", regular: ethiopic400, bold: ethiopic700, neededFor: (text) => hasAny(text, ETHIOPIC) },
  { name: "arabic", regular: arabic400, bold: arabic700, neededFor: (text) => hasAny(text, ARABIC) },
];

/** The bytes of one font file, in its two weights. */
export interface PdfFontBytes {
  name: string;
  regular: Uint8Array;
  bold: Uint8Array;
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Fetch, from this origin, the font files `text` needs, in the order they are tried. */
export async function loadPdfFonts(text: string): Promise<PdfFontBytes[]> {
  return Promise.all(
    PDF_FONT_FILES.filter((file) => file.neededFor(text)).map(async (file) => {
      const [regular, bold] = await Promise.all([fetchBytes(file.regular), fetchBytes(file.bold)]);
      return { name: file.name, regular, bold };
    }),
  );
}
