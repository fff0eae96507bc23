import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { pdfText } from "../../../../test/e2e/support/pdf-text";
import { copyPdf, copyTextOf } from "./copy-pdf";
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
const make = (copy: CopyDocument) => copyPdf(copy, NOTE, fontsFor(copyTextOf(copy, NOTE)));

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

  it("does not fail on Arabic script or emoji: they become ?, and the PDF and the result say so", async () => {
    const { bytes, replacedAny } = await make(doc("أريد أن أرى أختي ሓወይ 😢 and my sister"));
    const text = await pdfText(bytes);
    expect(replacedAny).toBe(true);
    expect(text).toContain(NOTE);
    expect(text).toContain("???? ?? ??? ???? ሓወይ ? and my sister");
  });

  it("fetches only the font files the text needs", () => {
    expect(PDF_FONT_FILES.filter((file) => file.neededFor("Plain English, £5")).map((file) => file.name)).toEqual(["latin"]);
    expect(PDF_FONT_FILES.filter((file) => file.neededFor("Tôi muốn")).map((file) => file.name)).toEqual(["latin", "latin-ext", "vietnamese"]);
    expect(PDF_FONT_FILES.filter((file) => file.neededFor("ሓወይ")).map((file) => file.name)).toEqual(["latin", "ethiopic"]);
  });

  it("wraps long words and long answers onto more lines and pages", async () => {
    const { bytes } = await make(doc(`${"x".repeat(400)}\n${"A long line of words. ".repeat(600)}`));
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThan(2);
    expect((await pdfText(bytes)).replace(/\n/g, "")).toContain("x".repeat(400));
  });
});
