import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream, decodePDFRawStream, type PDFRef } from "pdf-lib";

const bytesOf = (stream: PDFStream) =>
  Buffer.from(stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents()).toString("latin1");

/**
 * The text as a PDF reader extracts it: each `<hex> Tj` read through its font's ToUnicode map
 * (the glyph numbers the embedded subset uses back to the characters). Lines joined with "\n".
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
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
      for (const [, fontName, tmY, hex] of bytesOf(stream).matchAll(/(\/[^\s]+) [\d.]+ Tf|1 0 0 1 [\d.]+ ([\d.]+) Tm|<([0-9A-Fa-f]*)> Tj/g)) {
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
