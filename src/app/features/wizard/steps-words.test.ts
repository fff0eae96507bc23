import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/** The steps' words, beside the steps (app/lib's locale test checks the words the app uses; it may not import a feature). */
const localesDir = resolve(import.meta.dirname, "../../../../locales/en-GB");
type Json = { [key: string]: string | Json };
const english: Record<string, Json> = Object.fromEntries(
  readdirSync(localesDir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => [f.replace(/\.json$/, ""), JSON.parse(readFileSync(join(localesDir, f), "utf8")) as Json]),
);

function text(key: string): string | undefined {
  const [ns = "", path = ""] = key.split(":");
  const value = path.split(".").reduce<Json | string | undefined>((node, part) => (typeof node === "object" ? node[part] : undefined), english[ns]);
  return typeof value === "string" ? value : undefined;
}

function exists(key: string): boolean {
  return text(key) !== undefined || text(`${key}_one`) !== undefined || text(`${key}_other`) !== undefined;
}

describe("the wizard steps' words", () => {
  it('no two answers on Check your answers have the same question (issue 11: "When did it happen?" was there twice)', async () => {
    const { steps } = await import("./steps");
    for (const context of ["self", "other"]) {
      const questions = steps.flatMap((step) => step.fields.map((field) => text(`${field.textKey}.label_${context}`) ?? text(`${field.textKey}.label`)));
      const repeated = questions.filter((q, i) => questions.indexOf(q) !== i);
      expect(repeated, context).toEqual([]);
    }
  });

  it("every wizard step has a title, every field a label, every option a label", async () => {
    const { steps } = await import("./steps");
    const hasText = (k: string) => exists(k) || exists(`${k}_self`);
    for (const step of steps) {
      expect(hasText(step.titleKey), step.titleKey).toBe(true);
      for (const field of step.fields) {
        expect(hasText(`${field.textKey}.label`), `${field.textKey}.label`).toBe(true);
        for (const option of field.options ?? []) {
          expect(hasText(`${field.textKey}.options.${option}.label`), `${field.textKey}.options.${option}.label`).toBe(true);
        }
      }
    }
  });

  it('on each step, in every language, no field has the same name as an option (issue 14: Arabic\'s "Email" option and "Email address" field were both البريد الإلكتروني)', async () => {
    const { steps } = await import("./steps");
    const localesRoot = resolve(import.meta.dirname, "../../../../locales");
    const languages = readdirSync(localesRoot, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(languages).toContain("ar");
    for (const language of languages) {
      const wizardFile = join(localesRoot, language, "wizard.json");
      const words = JSON.parse(readFileSync(wizardFile, "utf8")) as Json;
      const at = (path: string) => {
        const value = path.split(".").reduce<Json | string | undefined>((node, part) => (typeof node === "object" ? node[part] : undefined), words);
        return typeof value === "string" ? value : undefined;
      };
      /** Every form of a label: plain and for each person (`_self`, `_other`). */
      const forms = (prefix: string) =>
        ["", "_self", "_other"].flatMap((suffix) => at(`${prefix}${suffix}`) ?? []).map((n) => n.trim().toLocaleLowerCase(language));
      for (const step of steps) {
        const fields = step.fields.filter((f) => f.textKey.startsWith("wizard:"));
        const names = fields.flatMap((field) => {
          const key = field.textKey.slice("wizard:".length);
          const options = (field.options ?? []).flatMap((value) =>
            forms(`${key}.options.${value}.label`).map((name) => ({ name, what: `${key}.options.${value}` })),
          );
          // A set of radios or checkboxes is named by its legend, not as one control: only its options count.
          const own = field.options ? [] : forms(`${key}.label`).map((name) => ({ name, what: key }));
          return [...options, ...own];
        });
        const clashes = names.filter((n, i) => names.findIndex((m) => m.name === n.name && m.what !== n.what) !== -1 && names.indexOf(n) === i);
        expect(
          clashes.map((c) => c.what),
          `${language} step ${step.id}`,
        ).toEqual([]);
      }
    }
  });
});
