import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream, decodePDFRawStream, type PDFRef } from "pdf-lib";

const bytesOf = (stream: PDFStream) =>
  Buffer.from(stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents()).toString("latin1");

/** UTF-16BE text string in hex (with its FEFF mark), as an ActualText holds it. */
const fromUtf16Hex = (hex: string) => {
  const units = (hex.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16));
  return String.fromCharCode(...(units[0] === 0xfeff ? units.slice(1) : units));
};

/**
 * The text as a PDF reader extracts it: a marked-content span's ActualText where there is one (what
 * readers copy and search), else each `<hex> Tj` read through its font's ToUnicode map (the glyph
 * numbers the embedded subset uses back to the characters). Lines joined with "\n".
 * `{ glyphs: true }`: always the glyphs, in the order they are drawn (left to right).
 */
export async function pdfText(bytes: Uint8Array, options: { glyphs?: boolean } = {}): Promise<string> {
  const pdf = await PDFDocument.load(bytes);
  const lines: string[] = [];
  for (const page of pdf.getPages()) {
    const fonts = new Map<string, Map<string, string>>();
    const fontDict = page.node.Resources()!.lookup(PDFName.of("Font"), PDFDict);
    for (const [name, ref] of fontDict.entries()) {
      const font = pdf.context.lookup(ref as PDFRef, PDFDict);
      const cmap = bytesOf(font.lookup(PDFName.of("ToUnicode"), PDFStream));
      const map = new Map<string, string>();
      // A glyph with no characters (a dot or mark an Arabic letter is drawn with) maps to "<>": nothing.
      for (const [, code, unicode] of cmap.matchAll(/<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]*)>/g)) {
        map.set(code!.toUpperCase(), String.fromCodePoint(...(unicode!.match(/.{4}/g) ?? []).map((hex) => parseInt(hex, 16))));
      }
      fonts.set(name.asString(), map);
    }
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref, PDFStream)) : [contents as PDFStream];
    let font = new Map<string, string>();
    let line = "";
    let y = "";
    for (const stream of streams) {
      let actual: string | undefined;
      for (const [, actualHex, end, fontName, tmY, hex] of bytesOf(stream).matchAll(
        /\/ActualText <([0-9A-Fa-f]*)>[^]*?BDC|(EMC)|(\/[^\s]+) [\d.]+ Tf|1 0 0 1 [\d.]+ ([\d.]+) Tm|<([0-9A-Fa-f]*)> Tj/g,
      )) {
        if (options.glyphs && (actualHex !== undefined || end)) continue;
        if (actualHex !== undefined) {
          actual = fromUtf16Hex(actualHex);
          continue;
        }
        if (end) {
          if (actual !== undefined) {
            if (line) lines.push(line);
            lines.push(actual);
            line = "";
            y = "";
          }
          actual = undefined;
          continue;
        }
        if (actual !== undefined) continue;
        if (fontName) font = fonts.get(fontName) ?? new Map();
        else if (tmY !== undefined) {
          if (tmY !== y && line) {
            lines.push(line);
            line = "";
          }
          y = tmY;
        } else for (const code of hex!.match(/.{4}/g) ?? []) line += font.get(code.toUpperCase()) ?? "\uFFFD";
      }
    }
    if (line) lines.push(line);
  }
  return lines.join("\n");
}
