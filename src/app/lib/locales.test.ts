import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { isUntranslated, languageRegistry, localeFolders, localeProblems, untranslatedKeys } from "../../../scripts/check-locales";

const root = resolve(import.meta.dirname, "../../..");
const localesDir = join(root, "locales");
type Json = { [key: string]: string | Json };

function load(language: string): Record<string, Json> {
  const dir = join(localesDir, language);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => [f.replace(/\.json$/, ""), JSON.parse(readFileSync(join(dir, f), "utf8")) as Json]),
  );
}

function flatten(json: Json, prefix = ""): string[] {
  return Object.entries(json).flatMap(([key, value]) => (typeof value === "string" ? [`${prefix}${key}`] : flatten(value, `${prefix}${key}.`)));
}

const english = load("en-GB");
const registered = languageRegistry()
  .filter((language) => language.registered)
  .map((language) => language.code);
const englishKeys = new Set(Object.entries(english).flatMap(([ns, json]) => flatten(json).map((k) => `${ns}:${k}`)));

function exists(fullKey: string): boolean {
  return englishKeys.has(fullKey) || englishKeys.has(`${fullKey}_one`) || englishKeys.has(`${fullKey}_other`);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("locales", () => {
  it("English has no empty strings", () => {
    for (const [ns, json] of Object.entries(english)) {
      for (const key of flatten(json)) {
        const value = key.split(".").reduce<Json | string | undefined>((node, part) => (typeof node === "object" ? node[part] : undefined), json);
        expect(typeof value === "string" && value.trim().length > 0, `${ns}:${key} is empty`).toBe(true);
      }
    }
  });

  // A language is offered only once it is complete (locales/languages.json `registered`); until
  // then `npx tsx scripts/check-locales.ts` lists what each folder still lacks.
  // Keys English gained after a translation was written may wait in locales/untranslated.json
  // (shown in English meanwhile); nothing else may be missing.
  it.each(registered.filter((code) => code !== "en-GB"))("%s has exactly the English keys, placeholders and plural forms", (code) => {
    const pending = untranslatedKeys();
    expect(localeProblems(code).filter((problem) => !isUntranslated(problem, pending))).toEqual([]);
  });

  it("every key waiting for translation is an English key or file", () => {
    const englishNamespaces = new Set(Object.keys(english));
    for (const key of untranslatedKeys()) {
      const [namespace, rest] = key.split(":");
      expect(englishNamespaces.has(namespace ?? ""), key).toBe(true);
      if (rest !== "*") expect(exists(key), key).toBe(true);
    }
  });

  it("the language list is sound: English first, each language in its own name, a folder and a _meta.json each", () => {
    const languages = languageRegistry();
    expect(languages[0]).toMatchObject({ code: "en-GB", registered: true, dir: "ltr" });
    expect(new Set(languages.map((language) => language.code)).size).toBe(languages.length);
    for (const language of languages) {
      expect(language.name.trim(), language.code).not.toBe("");
      expect(["ltr", "rtl"], language.code).toContain(language.dir);
      if (language.code !== "en-GB") expect(existsSync(join(localesDir, language.code, "_meta.json")), `${language.code}/_meta.json`).toBe(true);
    }
    expect(localeFolders().filter((code) => !languages.some((language) => language.code === code))).toEqual([]);
  });

  it("the app loads every English file", async () => {
    const { firstWords } = await import("./i18n");
    const { laterWords } = await import("./later-words");
    const { infoWords } = await import("./info-words");
    const { staffWords } = await import("../../staff/lib/staff-words");
    // language.json and pwa.json come with the parts that use them (i18n.ts LATER_WORDS).
    expect(Object.keys({ ...firstWords, ...laterWords, ...infoWords, language: {}, pwa: {}, staff: staffWords.staff }).sort()).toEqual(
      Object.keys(english).sort(),
    );
  });

  it("the child's app never loads the staff words (they come only with the staff area's own bundle)", async () => {
    const { firstWords } = await import("./i18n");
    const { laterWords } = await import("./later-words");
    const { infoWords } = await import("./info-words");
    expect(Object.keys({ ...firstWords, ...laterWords, ...infoWords })).not.toContain("staff");
  });

  it("every literal key the app uses has English text", () => {
    const missing: string[] = [];
    for (const file of [...sourceFiles(join(root, "src/app")), ...sourceFiles(join(root, "src/staff"))]) {
      const source = readFileSync(file, "utf8");
      const namespace = /useTranslation\("([a-z]+)"\)/.exec(source)?.[1] ?? (file.includes("/src/staff/") ? "staff" : "common");
      const keys = [...source.matchAll(/\bt\("([a-zA-Z0-9_.:]+)"/g), ...source.matchAll(/i18nKey="([a-zA-Z0-9_.:]+)"/g)].map((m) => m[1] ?? "");
      for (const key of keys) {
        const full = key.includes(":") ? key : `${namespace}:${key}`;
        if (!exists(full)) missing.push(`${full} (${file.slice(root.length + 1)})`);
      }
    }
    expect(missing).toEqual([]);
  });
});
