import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * What a translation still lacks, compared with English (issue 14; docs/translating.md):
 * - every en-GB file and key, and no others;
 * - every plural form the language needs (CLDR, through Intl.PluralRules: Arabic has six,
 *   Vietnamese one) for each English key with `_one` and `_other`;
 * - in each text the same `{{placeholders}}` and `<tags>` as the English (a plural form may leave
 *   out `{{count}}`: "one day" needs no number in many languages);
 * - a `_meta.json` saying whether it has been checked.
 *
 * Used by src/app/lib/locales.test.ts (which fails for a registered language with any problem)
 * and runnable on its own for every folder, registered or not:
 *   npx tsx scripts/check-locales.ts [code…]
 */

export const LOCALES_DIR = resolve(import.meta.dirname, "../locales");

type Json = { [key: string]: string | Json };

export interface LanguageEntry {
  code: string;
  name: string;
  dir: "ltr" | "rtl";
  registered: boolean;
  font?: string;
}

export function languageRegistry(): LanguageEntry[] {
  return (JSON.parse(readFileSync(join(LOCALES_DIR, "languages.json"), "utf8")) as { languages: LanguageEntry[] }).languages;
}

/** The namespaces (files) of one language, without `_meta.json`. */
export function loadLocale(code: string, root = LOCALES_DIR): Record<string, Json> {
  const dir = join(root, code);
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    readdirSync(dir)
      .filter((file) => file.endsWith(".json") && !file.startsWith("_"))
      .map((file) => [file.replace(/\.json$/, ""), JSON.parse(readFileSync(join(dir, file), "utf8")) as Json]),
  );
}

/** `namespace:dotted.key` → text, for every string. */
export function flatten(words: Record<string, Json>): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (json: Json, prefix: string) => {
    for (const [key, value] of Object.entries(json)) {
      if (typeof value === "string") out.set(`${prefix}${key}`, value);
      else walk(value, `${prefix}${key}.`);
    }
  };
  for (const [namespace, json] of Object.entries(words)) walk(json, `${namespace}:`);
  return out;
}

const PLURAL_SUFFIXES = ["zero", "one", "two", "few", "many", "other"] as const;

/** English keys that are plurals (`x_one` and `x_other` both exist), by their base `x`. */
function pluralBases(english: Map<string, string>): Set<string> {
  const bases = new Set<string>();
  for (const key of english.keys()) {
    const match = /^(.*)_one$/.exec(key);
    if (match?.[1] && english.has(`${match[1]}_other`)) bases.add(match[1]);
  }
  return bases;
}

/** The plural forms `code` needs, in CLDR order. */
export function pluralForms(code: string): string[] {
  const categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories as string[];
  return PLURAL_SUFFIXES.filter((suffix) => categories.includes(suffix));
}

/** The placeholders and tags in a text: `{{council}}`, `{{count, number}}` → `{{count}}`, `<phone>`. */
export function markers(text: string): string[] {
  const placeholders = [...text.matchAll(/\{\{\s*([^,}\s]+)[^}]*\}\}/g)].map((match) => `{{${match[1]}}}`);
  const tags = [...text.matchAll(/<([a-zA-Z0-9]+)\s*\/?>/g)].map((match) => `<${match[1]}>`);
  const nesting = [...text.matchAll(/\$t\(([^)]+)\)/g)].map((match) => `$t(${match[1]})`);
  return [...new Set([...placeholders, ...tags, ...nesting])].sort();
}

/**
 * English keys still waiting for translation (locales/untranslated.json): `namespace:key`, or
 * `namespace:*` for a whole file. They show in English meanwhile; a registered language may lack
 * only these.
 */
export function untranslatedKeys(root = LOCALES_DIR): string[] {
  const file = join(root, "untranslated.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { keys: string[] }).keys : [];
}

/** Is this problem only an English key or file listed as waiting for translation? */
export function isUntranslated(problem: string, pending: readonly string[]): boolean {
  const key = /^missing key: (.+)$/.exec(problem)?.[1];
  const file = /^missing file: locales\/[^/]+\/([^/_][^/]*)\.json$/.exec(problem)?.[1];
  if (file) return pending.includes(`${file}:*`);
  if (!key) return false;
  const base = key.replace(/_(zero|one|two|few|many|other)$/, "");
  return pending.includes(key) || pending.includes(base) || pending.includes(`${key.slice(0, key.indexOf(":"))}:*`);
}

/** Every problem with `code`'s translation, one readable line each; empty when it is complete. */
/**
 * Namespaces that stay in English: the staff area is for the council's complaints team, who work
 * in English (issue 12); only what a child, parent or advocate reads is translated.
 */
export const ENGLISH_ONLY_NAMESPACES = ["staff"];

export function localeProblems(code: string, root = LOCALES_DIR): string[] {
  const englishWords = Object.fromEntries(Object.entries(loadLocale("en-GB", root)).filter(([namespace]) => !ENGLISH_ONLY_NAMESPACES.includes(namespace)));
  const english = flatten(englishWords);
  const words = loadLocale(code, root);
  const other = flatten(words);
  const problems: string[] = [];
  const bases = pluralBases(english);
  const forms = pluralForms(code);

  const englishNamespaces = Object.keys(englishWords).sort();
  for (const namespace of englishNamespaces) if (!(namespace in words)) problems.push(`missing file: locales/${code}/${namespace}.json`);
  for (const namespace of Object.keys(words)) if (!englishNamespaces.includes(namespace)) problems.push(`extra file: locales/${code}/${namespace}.json`);

  /** The keys `code` should have, each with the English text its markers are compared with. */
  const expected = new Map<string, { english: string; plural: boolean }>();
  for (const [key, text] of english) {
    const base = /^(.*)_(zero|one|two|few|many|other)$/.exec(key)?.[1];
    if (base !== undefined && bases.has(base)) {
      for (const form of forms) expected.set(`${base}_${form}`, { english: english.get(`${base}_other`) ?? text, plural: true });
    } else {
      expected.set(key, { english: text, plural: false });
    }
  }

  for (const [key, { english: source, plural }] of expected) {
    const text = other.get(key);
    if (text === undefined) {
      // A missing file is one problem, not one per key.
      if (key.slice(0, key.indexOf(":")) in words) problems.push(`missing key: ${key}`);
      continue;
    }
    if (text.trim() === "") {
      problems.push(`empty: ${key}`);
      continue;
    }
    const want = markers(source).filter((marker) => !plural || marker !== "{{count}}");
    const have = markers(text).filter((marker) => !plural || marker !== "{{count}}");
    if (want.join(" ") !== have.join(" ")) problems.push(`different placeholders: ${key} has [${have.join(" ")}], English has [${want.join(" ")}]`);
  }
  for (const key of other.keys()) if (!expected.has(key)) problems.push(`extra key: ${key}`);

  const metaFile = join(root, code, "_meta.json");
  if (!existsSync(metaFile)) problems.push(`missing file: locales/${code}/_meta.json`);
  else {
    const meta = JSON.parse(readFileSync(metaFile, "utf8")) as Record<string, unknown>;
    const valid =
      typeof meta.reviewed === "boolean" &&
      (meta.reviewer === null || typeof meta.reviewer === "string") &&
      (meta.reviewedOn === null || (typeof meta.reviewedOn === "string" && /^\d{4}-\d{2}-\d{2}$/.test(meta.reviewedOn))) &&
      (meta.reviewed === false || (typeof meta.reviewer === "string" && typeof meta.reviewedOn === "string"));
    if (!valid) problems.push(`locales/${code}/_meta.json: needs reviewed (true or false), reviewer and reviewedOn (YYYY-MM-DD), both set once reviewed`);
  }
  return problems;
}

/** Every language folder besides English. */
export function localeFolders(): string[] {
  return readdirSync(LOCALES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== "en-GB")
    .map((entry) => entry.name)
    .sort();
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const codes = process.argv.slice(2).length > 0 ? process.argv.slice(2) : localeFolders();
  const registered = new Set(
    languageRegistry()
      .filter((language) => language.registered)
      .map((language) => language.code),
  );
  let failed = false;
  for (const code of codes) {
    const pending = untranslatedKeys();
    const all = localeProblems(code);
    const problems = all.filter((problem) => !isUntranslated(problem, pending));
    const waiting = all.length - problems.length;
    const state = registered.has(code) ? "registered" : "not registered";
    process.stdout.write(
      `${code} (${state}): ${problems.length === 0 ? "complete" : `${problems.length} problems`}${waiting ? `, ${waiting} waiting in locales/untranslated.json` : ""}\n`,
    );
    for (const problem of all) process.stdout.write(`  ${problems.includes(problem) ? "" : "(untranslated.json) "}${problem}\n`);
    if (registered.has(code) && problems.length > 0) failed = true;
  }
  process.exit(failed ? 1 : 0);
}
