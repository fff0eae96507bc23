import { afterEach, describe, expect, it, vi } from "vitest";
import { availableLanguages, chosenLanguage, intlLocale, LANGUAGE_STORAGE_KEY, preferredLanguage, rememberLanguage } from "./languages";

const storage = new Map<string, string>();
vi.stubGlobal("window", {
  localStorage: {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => void storage.set(key, value),
  },
});

afterEach(() => storage.clear());

describe("languages", () => {
  it("offers only registered languages, English first", () => {
    expect(availableLanguages[0]?.code).toBe("en-GB");
    expect(availableLanguages.every((language) => language.registered)).toBe(true);
  });

  it("takes the browser's first preferred language Speak Up has, by its main language", () => {
    expect(preferredLanguage(["en-US", "fr"])).toBe("en-GB");
    expect(preferredLanguage(["de-DE", "xx"])).toBe("en-GB");
    expect(preferredLanguage([])).toBe("en-GB");
    for (const language of availableLanguages) expect(preferredLanguage(["de", `${language.code.split("-")[0]}-XX`])).toBe(language.code);
  });

  it("keeps a choice on the device and ignores one it does not know", () => {
    rememberLanguage("en-GB");
    expect(storage.get(LANGUAGE_STORAGE_KEY)).toBe("en-GB");
    expect(chosenLanguage()).toBe("en-GB");
    storage.set(LANGUAGE_STORAGE_KEY, "klingon");
    expect(chosenLanguage()).toBe("en-GB");
  });

  it("writes dates in the Gregorian calendar whatever the language's default", () => {
    expect(intlLocale("fa")).toBe("fa-u-ca-gregory");
    expect(new Intl.DateTimeFormat(intlLocale("fa"), { year: "numeric", timeZone: "UTC" }).resolvedOptions().calendar).toBe("gregory");
    expect(new Intl.DateTimeFormat(intlLocale("ps"), { year: "numeric", timeZone: "UTC" }).resolvedOptions().calendar).toBe("gregory");
    expect(intlLocale("en-GB")).toBe("en-GB");
  });
});
