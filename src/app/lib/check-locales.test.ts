import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { localeProblems, markers, pluralForms } from "../../../scripts/check-locales";

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

function fixture(files: Record<string, unknown>): string {
  root = mkdtempSync(join(tmpdir(), "speak-up-locales-"));
  for (const [path, json] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), JSON.stringify(json));
  }
  return root;
}

const english = {
  "en-GB/common.json": {
    title: "Hello {{name}}",
    call: "Call <phone>999</phone>",
    days_one: "{{count}} day",
    days_other: "{{count}} days",
    heading_other: "Someone else",
  },
};
const meta = { reviewed: false, reviewer: null, reviewedOn: null };

describe("check-locales", () => {
  it("knows each language's plural forms from CLDR", () => {
    expect(pluralForms("ar")).toEqual(["zero", "one", "two", "few", "many", "other"]);
    expect(pluralForms("vi")).toEqual(["other"]);
    expect(pluralForms("fa")).toEqual(["one", "other"]);
  });

  it("reads placeholders, tags and nesting, ignoring formats", () => {
    expect(markers("{{count, number}} of {{max}} <phone>1</phone> $t(common:x)")).toEqual(["$t(common:x)", "<phone>", "{{count}}", "{{max}}"]);
  });

  it("passes a complete translation: a plural form may leave out the number, a context key is not a plural", () => {
    const dir = fixture({
      ...english,
      "sq/common.json": {
        title: "Përshëndetje {{name}}",
        call: "Telefono <phone>999</phone>",
        days_one: "një ditë",
        days_other: "{{count}} ditë",
        heading_other: "Dikush tjetër",
      },
      "sq/_meta.json": meta,
    });
    expect(localeProblems("sq", dir)).toEqual([]);
  });

  it("names every missing file, key, plural form and placeholder", () => {
    const dir = fixture({
      "en-GB/start.json": { a: "A" },
      ...english,
      "ar/common.json": { title: "مرحبا", call: "اتصل 999", days_one: "يوم", days_other: "{{count}} يوم", extra: "x" },
    });
    expect(localeProblems("ar", dir)).toEqual([
      "missing file: locales/ar/start.json",
      "different placeholders: common:title has [], English has [{{name}}]",
      "different placeholders: common:call has [], English has [<phone>]",
      "missing key: common:days_zero",
      "missing key: common:days_two",
      "missing key: common:days_few",
      "missing key: common:days_many",
      "missing key: common:heading_other",
      "extra key: common:extra",
      "missing file: locales/ar/_meta.json",
    ]);
  });

  it("Vietnamese needs only _other, and _one is then extra", () => {
    const dir = fixture({
      ...english,
      "vi/common.json": {
        title: "Xin chào {{name}}",
        call: "Gọi <phone>999</phone>",
        days_one: "1 ngày",
        days_other: "{{count}} ngày",
        heading_other: "Người khác",
      },
      "vi/_meta.json": { reviewed: true, reviewer: null, reviewedOn: null },
    });
    expect(localeProblems("vi", dir)).toEqual([
      "extra key: common:days_one",
      "locales/vi/_meta.json: needs reviewed (true or false), reviewer and reviewedOn (YYYY-MM-DD), both set once reviewed",
    ]);
  });
});
