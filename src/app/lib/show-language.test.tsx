import { afterEach, describe, expect, it } from "vitest";
import { showLanguage } from "./languages";

/** Attribute changes on `<html>` while `run` runs. */
async function htmlChanges(run: () => void): Promise<string[]> {
  const changes: string[] = [];
  const observer = new MutationObserver((records) => {
    for (const record of records) changes.push(record.attributeName ?? "");
  });
  observer.observe(document.documentElement, { attributes: true });
  run();
  await Promise.resolve();
  observer.disconnect();
  return changes;
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
  it("leaves <html> alone when it already shows the language", async () => {
    document.documentElement.lang = "en-GB";
    document.documentElement.dir = "ltr";
    expect(await htmlChanges(() => showLanguage("en-GB"))).toEqual([]);
    expect(await htmlChanges(() => showLanguage("ar"))).toEqual(["lang", "dir"]);
  });
});
