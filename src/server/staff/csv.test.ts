import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

/** A small RFC 4180 reader, written from the RFC, to read back what csvRow wrote. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error("unterminated quote");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\r") {
        if (text[i] === '"' || text[i] === "\n") throw new Error(`bare ${JSON.stringify(text[i])} in an unquoted field`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ",") i++;
    else if (text.startsWith("\r\n", i)) {
      i += 2;
      records.push(record);
      record = [];
    } else throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  return records;
}

/** Any text, often starting with a formula character, a quote, a comma or a line break. */
const cellArb = fc.tuple(fc.constantFrom("", "=", "+", "-", "@", "\t", "\r", "\n", '"', ","), fc.string({ unit: "binary" })).map(([a, b]) => a + b);

const neutralised = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

describe("CSV cells", () => {
  it.each([
    ["plain", "plain"],
    ["", ""],
    ["a,b", '"a,b"'],
    ['she said "no"', '"she said ""no"""'],
    ["two\nlines", '"two\nlines"'],
    ["two\r\nlines", '"two\r\nlines"'],
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+44 7700 900000", "'+44 7700 900000"],
    ["-1", "'-1"],
    ["@cmd", "'@cmd"],
    ["\tindented", "'\tindented"],
    ["\rreturn", '"\'\rreturn"'],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ["a = b", "a = b"],
    ["Zoë – 😀", "Zoë – 😀"],
  ])("%j is written as %j", (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it("writes numbers, null and booleans plainly", () => {
    expect(csvRow([3, null, undefined, true])).toBe("3,,,true\r\n");
  });

  it("any row reads back as the same cells (formula starts neutralised), and no cell starts a formula", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const text = rows.map(csvRow).join("");
        const read = parseCsv(text);
        expect(read).toEqual(rows.map((r) => r.map(neutralised)));
        for (const r of read) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 500 },
    );
  });
});
