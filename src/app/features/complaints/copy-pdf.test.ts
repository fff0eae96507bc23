import { inflateSync } from "node:zlib";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { copyPdf } from "./copy-pdf";
import type { CopyDocument } from "./copy-text";

/** The text drawn with a standard font: every `<hex> Tj` in the deflated content streams. */
function drawnText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString("latin1");
  const parts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    const data = Buffer.from(match[1] ?? "", "latin1");
    let content: string;
    try {
      content = inflateSync(data).toString("latin1");
    } catch {
      content = data.toString("latin1");
    }
    for (const text of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) parts.push(Buffer.from(text[1] ?? "", "hex").toString("latin1"));
  }
  return parts.join(" ");
}

const doc = (text: string): CopyDocument => ({
  title: "Copy of complaint SU-7KQ4-M9XD",
  warning: "This copy holds personal details.",
  sections: [{ heading: "What you sent", lines: [{ label: "What happened", text }] }],
});
const NOTE = "Some letters cannot be shown in this PDF.";

describe("the copy as a PDF", () => {
  it("holds the reference and the words as written", async () => {
    const bytes = await copyPdf(doc("I was moved and nobody asked me. Café, naïve, £20."), NOTE);
    const text = drawnText(bytes);
    expect(text).toContain("SU-7KQ4-M9XD");
    expect(text).toContain("I was moved and nobody asked me.");
    expect(text).toContain("Café, naïve, £20.");
    expect(text).not.toContain(NOTE);
    expect((await PDFDocument.load(bytes)).getTitle()).toBe("Copy of complaint SU-7KQ4-M9XD");
  });

  it("does not fail on Arabic, Tigrinya or emoji: they become ? and the PDF says so", async () => {
    const bytes = await copyPdf(doc("أريد أن أرى أختي ሓወይ 😢 and my sister"), NOTE);
    const text = drawnText(bytes);
    expect(text).toContain(NOTE);
    expect(text).toContain("and my sister");
    expect(text).toMatch(/\?{4} \?{2} \?{3} \?{4} \?{3} \? and my sister/);
  });

  it("wraps long words and long answers onto more lines and pages", async () => {
    const bytes = await copyPdf(doc(`${"x".repeat(400)}\n${"A long line of words. ".repeat(600)}`), NOTE);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThan(2);
    expect(drawnText(bytes).replace(/ /g, "")).toContain("x".repeat(400));
  });
});
