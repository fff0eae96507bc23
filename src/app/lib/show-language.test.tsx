import { afterEach, describe, expect, it } from "vitest";
import { showLanguage } from "./languages";

/** Attribute changes on `<html>` while `run` runs. */
function htmlChanges(run: () => void): string[] {
  const observer = new MutationObserver(() => {});
  observer.observe(document.documentElement, { attributes: true });
  run();
  const records = observer.takeRecords();
  observer.disconnect();
  return records.map((record) => record.attributeName ?? "");
}

afterEach(() => showLanguage("en-GB"));

describe("showLanguage", () => {
  it("sets <html lang dir> for the language", () => {
    showLanguage("ar");
    expect(document.documentElement.lang).toBe("ar");
    expect(document.documentElement.dir).toBe("rtl");
  });

  // Any write to lang or dir, even of the same value, makes the browser work out every element's
  // style again: on a pre-rendered English page that was a 16 ms task at start-up for nothing.
  it("leaves <html> alone when it already shows the language", () => {
    document.documentElement.lang = "en-GB";
    document.documentElement.dir = "ltr";
    expect(htmlChanges(() => showLanguage("en-GB"))).toEqual([]);
    expect(htmlChanges(() => showLanguage("ar"))).toEqual(["lang", "dir"]);
  });
});
