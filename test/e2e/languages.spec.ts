import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { pseudoText } from "../../src/app/lib/pseudo-text";
import { expectNoAxeViolations, watchedBrowser } from "./support/browser";
import { storedComplaint } from "./support/journey";
import { pdfText } from "./support/pdf-text";

/**
 * Issue 14: the journey to a reference in other languages, at 320 px, in real Chromium. The words
 * each step looks for come from locales/<code>/ by key (English where a key still waits in
 * locales/untranslated.json), so the same walk runs in Arabic, Tigrinya and the pseudo-languages
 * (built in by scripts/run-e2e.ts with VITE_PSEUDO_LOCALES=1).
 */

const baseUrl = inject("baseUrl");
const dbFile = inject("dbFile");
const root = resolve(import.meta.dirname, "../..");
/** What the young person writes, in their own script. */
const STORIES: Record<string, string> = { ar: "أريد أن أرى أختي. لم يسألني أحد عن رأيي.", ti: "ሓወይ ክርኢ እደሊ። ብዛዕባ ምግዓዘይ ዝሓተተኒ የለን።" };

type Json = { [key: string]: string | Json };
const registry = (
  JSON.parse(readFileSync(join(root, "locales/languages.json"), "utf8")) as {
    languages: Array<{ code: string; name: string; dir: string; registered: boolean }>;
  }
).languages;
const registered = registry.filter((language) => language.registered);

function loadWords(code: string): Record<string, Json> {
  const dir = join(root, "locales", code);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((file) => file.endsWith(".json") && !file.startsWith("_"))
      .map((file) => [file.slice(0, -".json".length), JSON.parse(readFileSync(join(dir, file), "utf8")) as Json]),
  );
}

function lookup(words: Record<string, Json>, fullKey: string): string | undefined {
  const [namespace = "", key = ""] = fullKey.split(":");
  let node: Json | string | undefined = words[namespace];
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

const english = loadWords("en-GB");

/** The text of `key` as the app shows it in `code`. */
function wordsIn(code: string): (key: string) => string {
  const own = code === "en-XA" ? undefined : loadWords(code);
  return (key) => {
    const source = lookup(english, key);
    if (source === undefined) throw new Error(`No English text for ${key}`);
    if (!own) return pseudoText(source);
    return lookup(own, key) ?? source;
  };
}

/** Every text on the page that is not the app's own words: council settings, language names. */
const councilTexts = ["public/councils", "test/fixtures/councils"]
  .flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((file) => file.endsWith(".json"))
      .map((file) => join(root, dir, file)),
  )
  .flatMap((file) => {
    const strings: string[] = [];
    const walk = (value: unknown) => {
      if (typeof value === "string") strings.push(value);
      else if (value && typeof value === "object") Object.values(value).forEach(walk);
    };
    walk(JSON.parse(readFileSync(file, "utf8")));
    return strings;
  })
  .filter((text) => text.length > 2)
  .sort((a, b) => b.length - a.length);

/** English words left on the page: Latin letters outside the pseudo-language's brackets. */
async function englishOnPage(page: Page): Promise<string[]> {
  let text = await page.evaluate(() => document.body.innerText);
  for (const known of [...councilTexts, ...registry.map((language) => language.name)]) text = text.split(known).join(" ");
  // What the pseudo-language writes: ⟦…⟧, with the council's words and numbers inside.
  text = text.replace(/⟦[^⟧]*⟧/g, " ");
  // The reference, the access code (four groups of four) and email addresses stay as they are in every language.
  text = text
    .replace(/SU-[0-9A-Z]{4}-[0-9A-Z]{4}/g, " ")
    .replace(/\b[0-9A-Z]{4} [0-9A-Z]{4} [0-9A-Z]{4} [0-9A-Z]{4}\b/g, " ")
    .replace(/\S+@\S+/g, " ");
  return [...new Set(text.match(/[A-Za-z]{3,}/g) ?? [])];
}

describe("Speak Up in other languages, at 320 px (issue 14)", () => {
  const chromium = watchedBrowser(baseUrl);

  async function open(options: { locale?: string } = {}): Promise<Page> {
    const watched = await chromium.open({ viewport: { width: 320, height: 640 }, ...(options.locale ? { locale: options.locale } : {}) });
    await watched.page.goto(baseUrl);
    await watched.page.waitForFunction(() => document.documentElement.dataset.appReady !== undefined);
    // The language picker is drawn just after the page (components/layout.tsx): wait for it.
    await watched.page.getByRole("button", { name: "العربية", exact: true }).first().waitFor();
    return watched.page;
  }

  async function choose(page: Page, name: string, code: string): Promise<void> {
    await page.getByRole("button", { name, exact: true }).first().click();
    await page.waitForFunction((lang) => document.documentElement.lang === lang, code);
  }

  async function checkPage(page: Page, label: string, code: string, dir: string, noEnglish: boolean): Promise<void> {
    await expectNoAxeViolations(page, `${code}: ${label}`);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll, `${code}: ${label} scrolls sideways`).toBeLessThanOrEqual(widths.client);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([code, dir]);
    if (noEnglish) expect(await englishOnPage(page), `${code}: English on ${label}`).toEqual([]);
  }

  /** From the start page to a reference, as a young person in care who gives an email address. */
  async function journey(page: Page, code: string, dir: string, noEnglish = false, story = "Ŧĥéý ɱöṽéđ ɱé. Пеня не спросили."): Promise<string> {
    const w = wordsIn(code);
    const h1 = async (key: string, path: string) => {
      await page.waitForURL((url) => url.pathname === path);
      await page.getByRole("heading", { level: 1, name: w(key), exact: true }).waitFor();
      await checkPage(page, path, code, dir, noEnglish);
    };
    const next = () => page.getByRole("button", { name: w("common:continue"), exact: true }).click();
    const radio = (key: string) => page.getByRole("radio", { name: w(key), exact: true }).check();
    const checkbox = (key: string) => page.getByRole("checkbox", { name: w(key), exact: true }).check();
    const onPage = async (path: string) => {
      await page.waitForURL((url) => url.pathname === path);
      await page.locator("h1").waitFor();
      await checkPage(page, path, code, dir, noEnglish);
    };

    await h1("start:title", "/");
    await page.getByRole("button", { name: w("start:startButton"), exact: true }).click();
    await h1("wizard:role.label", "/complaint/who");
    // The back link sits at the start of the line: the right in a right-to-left page, its chevron flipped.
    const back = await page.locator(".back-link").first().boundingBox();
    expect(back, "a back link on the first question").not.toBeNull();
    if (back && dir === "rtl") expect(back.x + back.width, "back link on the right").toBeGreaterThan(300);
    if (back && dir === "ltr") expect(back.x, "back link on the left").toBeLessThan(20);
    const chevron = await page
      .locator(".back-link")
      .first()
      .evaluate((link) => getComputedStyle(link, "::before").transform);
    expect(chevron, "chevron turned to point back").toBe(
      dir === "rtl" ? "matrix(0.707107, -0.707107, 0.707107, 0.707107, 0, 0)" : "matrix(0.707107, 0.707107, -0.707107, 0.707107, 0, 0)",
    );
    await radio("wizard:role.options.young-person.label");
    await next();
    await h1("settings:pinOffer.title", "/settings/shared-phone");
    await page.getByRole("button", { name: w("settings:pinOffer.no"), exact: true }).click();
    await h1("wizard:inDanger.label_self", "/complaint/safety");
    await radio("wizard:inDanger.options.no.label");
    await next();
    await onPage("/complaint/situation");
    await radio("wizard:childSituation.options.looked-after.label_self");
    await next();
    await h1("wizard:topics.label", "/complaint/about");
    await checkbox("wizard:topics.options.decision.label");
    await next();
    await h1("wizard:when.label", "/complaint/when");
    await radio("wizard:when.options.under-12-months.label");
    await next();
    await h1("wizard:proceedings.label", "/complaint/other-proceedings");
    await checkbox("wizard:proceedings.options.none.label");
    await next();
    await h1("wizard:route.title", "/complaint/what-happens-next");
    await next();
    await h1("wizard:whatHappened.title", "/complaint/what-happened");
    await page.getByRole("textbox", { name: w("wizard:whatHappened.label"), exact: true }).fill(story);
    await next();
    await onPage("/complaint/put-right");
    await next();
    await onPage("/complaint/taking-part");
    await next();
    await h1("wizard:wantsAdvocate.label_self", "/complaint/advocate");
    await radio("wizard:wantsAdvocate.options.yes.label");
    await next();
    await h1("wizard:contactMethod.label", "/complaint/contact");
    await radio("wizard:contactMethod.options.email.label");
    await page.getByRole("textbox", { name: w("wizard:email.label"), exact: true }).fill("jay@example.org");
    await next();
    await h1("check:title", "/complaint/check");
    await page.getByRole("button", { name: w("check:send"), exact: true }).click();
    await page.getByRole("heading", { level: 1, name: w("confirmation:title"), exact: true }).waitFor();
    await checkPage(page, "confirmation", code, dir, noEnglish);
    const reference = (await page.getByTestId("reference").textContent()) ?? "";
    expect(reference).toMatch(/^SU-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    // The reference reads left to right inside right-to-left text; the interpreter note is there.
    expect(await page.getByTestId("reference").getAttribute("dir")).toBe("ltr");
    await page.getByTestId("interpreter").waitFor();
    return reference;
  }

  it("the pseudo-language: the whole journey shows no English anywhere (nothing escapes locales/)", async () => {
    const page = await open();
    const offered = await page.getByRole("button", { name: "Ƥśéûđö", exact: true }).count();
    expect(offered, "the pseudo-languages are in the build: build with VITE_PSEUDO_LOCALES=1 (scripts/run-e2e.ts does)").toBeGreaterThan(0);
    await choose(page, "Ƥśéûđö", "en-XA");
    const reference = await journey(page, "en-XA", "ltr", true);
    expect(storedComplaint(dbFile, reference)).toMatchObject({ language: "en-XA", contact: { method: "email", email: "jay@example.org" } });
  });

  it.each(registered.filter((language) => ["ar", "ti"].includes(language.code)).map((language) => [language.code, language.name, language.dir]))(
    "%s: the journey to a reference, mirrored where right to left, a PDF copy in its own script, kept after a reload and offline",
    async (code, name, dir) => {
      const page = await open();
      const fonts: string[] = [];
      page.on("request", (request) => {
        if (/\.woff2?$/.test(new URL(request.url()).pathname)) fonts.push(new URL(request.url()).pathname);
      });
      await choose(page, name, code);
      // Tigrinya brings its own Ethiopic font, from this server; no other language loads it.
      if (code === "ti") {
        await page.waitForFunction(
          () =>
            document.fonts.check("16px 'Noto Sans Ethiopic'", "ትግርኛ") &&
            [...document.fonts].some((font) => font.family.includes("Noto Sans Ethiopic") && font.status === "loaded"),
        );
        expect(fonts.some((path) => path.startsWith("/assets/noto-sans-ethiopic-ethiopic-"))).toBe(true);
      } else {
        expect(fonts).toEqual([]);
      }
      // Mirrored: in Arabic, Exit this page is on the left and the name of the service on the right.
      if (dir === "rtl") {
        const exit = await page.getByRole("button", { name: wordsIn(code)("common:exitThisPage.button") }).boundingBox();
        const home = await page.locator(".header__name").boundingBox();
        expect(exit && home && exit.x < home.x, "Exit this page on the left of a right-to-left page").toBe(true);
      }
      const story = STORIES[code] ?? "";
      const reference = await journey(page, code, dir, false, story);
      expect(storedComplaint(dbFile, reference)).toMatchObject({ language: code });
      // A copy to keep, as a PDF in the person's script (Arabic joined and right to left): nothing drawn as "?".
      const w = wordsIn(code);
      await page.getByRole("link", { name: w("confirmation:saveCopy"), exact: true }).click();
      await page.getByTestId("copy").getByText(story).waitFor();
      await checkPage(page, "the copy to keep", code, dir, false);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: w("complaints:copy.download"), exact: true }).click(),
      ]);
      const text = await pdfText(readFileSync((await download.path()) ?? ""));
      expect(text).toContain(reference);
      if (dir === "ltr") expect(text).toContain(story);
      await page.getByText(w("complaints:copy.pdfMade"), { exact: true }).waitFor();
      expect(await page.getByText(w("complaints:copy.pdfUnsupported")).count(), "no letter drawn as ?").toBe(0);
      await checkPage(page, "the copy, PDF made", code, dir, false);
      // Kept on this phone: after a reload, and with no network once the service worker has it all.
      await page.goto(baseUrl);
      await page.waitForFunction((lang) => document.documentElement.lang === lang, code);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
      await page.waitForFunction(async () => (await (await caches.open("speak-up-languages")).keys()).length >= 14, undefined, { timeout: 30_000 });
      await page.context().setOffline(true);
      await page.goto(`${baseUrl}/what-happens`);
      await page.waitForFunction((lang) => document.documentElement.lang === lang && document.documentElement.dataset.appReady !== undefined, code);
      await page.getByRole("heading", { level: 1, name: wordsIn(code)("info:whatHappens.title"), exact: true }).waitFor();
      await page.context().setOffline(false);
    },
  );

  it("a first visit from a browser set to Persian opens in Persian (or the first registered right-to-left language)", async () => {
    const language = registered.find((entry) => entry.code === "fa") ?? registered.find((entry) => entry.dir === "rtl");
    expect(language, "a right-to-left language is registered").toBeDefined();
    const page = await open({ locale: language?.code === "fa" ? "fa-IR" : (language?.code ?? "fa") });
    await page.waitForFunction((lang) => document.documentElement.lang === lang, language?.code);
    await page.getByRole("heading", { level: 1, name: wordsIn(language?.code ?? "fa")("start:title"), exact: true }).waitFor();
    await checkPage(page, "start page", language?.code ?? "fa", "rtl", false);
  });
});
