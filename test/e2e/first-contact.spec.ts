import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hasAppDatabase } from "./support/app-database";
import { launchBrowser, openPage, type WatchedPage } from "./support/browser";
import { JourneyRunner, TO_WHAT_HAPPENED } from "./support/journey";

const baseUrl = inject("baseUrl");

/**
 * Issue 9: the first screen, as a new person on a cheap phone meets it. What the server sends
 * (compressed, no source maps, robots.txt, HEAD), what shows with no JavaScript, and that nothing
 * moves once the page is drawn. Lighthouse's figures are in `npm run bench`, not here: times never gate.
 */

/** Total layout shift not caused by the person (PerformanceObserver, as CLS counts it). */
async function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        }).observe({ type: "layout-shift", buffered: true });
        // Long enough for the code, the drafts and the deferred parts of the page to arrive.
        setTimeout(() => resolve(total), 1500);
      }),
  );
}

/** The bottom edge of an element, in CSS pixels from the top of the page. */
async function bottomOf(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on the page`);
  return box.y + box.height;
}

describe("first contact on a cheap phone, in real Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe("what the server sends", () => {
    it("sends pages, scripts and styles compressed at build time, with Vary: Accept-Encoding", async () => {
      const html = await fetch(`${baseUrl}/`, { headers: { "Accept-Encoding": "br" } });
      expect(html.status).toBe(200);
      expect(html.headers.get("content-encoding")).toBe("br");
      expect(html.headers.get("vary")?.toLowerCase()).toContain("accept-encoding");
      const page = await html.text();
      // The app's entry: named in the page's load plan (src/app/boot.ts starts it after first paint).
      const script = /"load":\{"entry":"([^"]+)"/.exec(page)?.[1];
      const style = /<link rel="stylesheet"[^>]* href="([^"]+)"/.exec(page)?.[1];
      expect(script, "the page names its entry script").toBeDefined();
      expect(style, "the page names its styles").toBeDefined();
      for (const [path, encoding] of [
        [script, "br"],
        [script, "gzip"],
        [style, "br"],
        ["/councils/index.json", "gzip"],
        ["/manifest.webmanifest", "br"],
        ["/what-happens", "gzip"],
      ] as const) {
        const response = await fetch(`${baseUrl}${path}`, { headers: { "Accept-Encoding": encoding } });
        expect(response.status, `${path}`).toBe(200);
        expect(response.headers.get("content-encoding"), `${path} with Accept-Encoding: ${encoding}`).toBe(encoding);
        await response.arrayBuffer();
      }
      // Hashed files never change, so they are kept for a year; pages are checked every time.
      const asset = await fetch(`${baseUrl}${script}`);
      expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(html.headers.get("cache-control")).toBe("no-cache");
      // A client that accepts neither gets the plain file.
      const plain = await fetch(`${baseUrl}${script}`, { headers: { "Accept-Encoding": "identity" } });
      expect(plain.headers.get("content-encoding")).toBeNull();
      expect((await plain.text()).length).toBeGreaterThan(1000);
    });

    it("never sends a source map", async () => {
      const page = await (await fetch(`${baseUrl}/`)).text();
      const scripts = [...page.matchAll(/"(\/assets\/[^"]+\.js)"/g)].map((match) => match[1] ?? "");
      expect(scripts.length).toBeGreaterThan(1);
      for (const path of [...scripts, "/sw.js"]) {
        const response = await fetch(`${baseUrl}${path}.map`);
        expect(response.status, `${path}.map`).toBe(404);
        await response.arrayBuffer();
        const source = await (await fetch(`${baseUrl}${path}`)).text();
        expect(source, `${path} points to no source map`).not.toMatch(/sourceMappingURL/);
      }
    });

    it("answers robots.txt as text, and HEAD like GET on page addresses", async () => {
      const robots = await fetch(`${baseUrl}/robots.txt`);
      expect(robots.status).toBe(200);
      expect(robots.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(await robots.text()).toMatch(/^User-agent: \*/m);
      for (const path of ["/", "/complaint/who", "/what-happens", "/complaints/SU-2345-6789"]) {
        const head = await fetch(`${baseUrl}${path}`, { method: "HEAD" });
        expect(head.status, `HEAD ${path}`).toBe(200);
        expect(head.headers.get("content-type"), `HEAD ${path}`).toMatch(/^text\/html/);
      }
      // A file that is not there is a 404, never a page.
      const missing = await fetch(`${baseUrl}/assets/no-such-file.js`);
      expect(missing.status).toBe(404);
      await missing.arrayBuffer();
    });
  });

  describe("in the browser", () => {
    let context: BrowserContext | undefined;
    let watched: WatchedPage | undefined;

    async function open(options: { width: number; height: number; javaScript?: boolean }): Promise<Page> {
      context = await browser.newContext({ viewport: { width: options.width, height: options.height }, javaScriptEnabled: options.javaScript ?? true });
      watched = await openPage(context, baseUrl);
      return watched.page;
    }

    async function close(): Promise<void> {
      if (watched) {
        expect(watched.errors).toEqual([]);
        expect(watched.foreignRequests).toEqual([]);
      }
      await context?.close();
      context = undefined;
      watched = undefined;
    }

    it("with JavaScript turned off, the start page still says what to do in danger, and that the rest needs JavaScript", async () => {
      const page = await open({ width: 360, height: 740, javaScript: false });
      try {
        await page.goto(baseUrl);
        const danger = page.getByRole("region", { name: "Are you in danger now?" });
        await danger.waitFor();
        for (const number of ["999", "0800 1111", "01632 960 200", "01632 960 999"]) {
          expect(await danger.getByRole("link", { name: number, exact: true }).getAttribute("href"), number).toBe(`tel:${number.replace(/\s/g, "")}`);
        }
        expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Make a complaint about children's social care");
        expect(await page.locator("body").innerText()).toContain("The rest of Speak Up needs JavaScript");
        // The Start button would do nothing without JavaScript: it is not offered.
        expect(await page.getByRole("button", { name: "Start now" }).count()).toBe(0);
        // (axe needs JavaScript in the page; the same markup is checked with it on in the journeys.)

        // Exit this page works before the app's code arrives, and with none at all.
        await context?.route("https://www.bbc.co.uk/**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>Weather</title>" }));
        await page.getByRole("button", { name: "Exit this page" }).click();
        await page.waitForURL("https://www.bbc.co.uk/weather");
        // The only other address asked for is the exit site itself.
        expect(watched?.foreignRequests).toEqual(["https://www.bbc.co.uk/weather"]);
        watched?.foreignRequests.splice(0);
      } finally {
        await close();
      }
    });

    it("hydrates every pre-rendered page without a mismatch (React would report one as an error)", async () => {
      const page = await open({ width: 1024, height: 800 });
      try {
        for (const [path, heading] of [
          ["/", "Make a complaint about children's social care"],
          ["/what-happens", "What happens after I complain"],
          ["/words", "Words you might not know"],
          ["/drafts", "Your drafts"],
          ["/complaint/who", "Who is filling this in?"],
        ] as const) {
          await page.goto(`${baseUrl}${path}`);
          expect(await page.locator("#root").getAttribute("data-prerendered"), path).toBe(path);
          await page.getByRole("heading", { level: 1, name: heading }).waitFor();
          // Parts loaded after hydration are there: the app is running on the drawn page.
          await page.getByRole("button", { name: "Read this page to me" }).waitFor();
          expect(watched?.errors, path).toEqual([]);
        }
      } finally {
        await close();
      }
    });

    it("draws the language names with the page, unseen, so their scripts' fonts are found before the first paint; the picker then takes their place", async () => {
      const names = ["العربية", "فارسی", "پښتو", "ትግርኛ", "Shqip", "Tiếng Việt"];
      /** How far below the top of the footer an element starts (the page above may differ with the app running). */
      const offsetInFooter = (page: Page, selector: string) =>
        page.evaluate((inside) => {
          const footer = document.querySelector("footer")?.getBoundingClientRect().top ?? Number.NaN;
          return (document.querySelector(`footer ${inside}`)?.getBoundingClientRect().top ?? Number.NaN) - footer;
        }, selector);
      let placeholderOffset = Number.NaN;
      // As drawn at build time: every name in its own language, hidden from sight and from screen readers.
      let page = await open({ width: 360, height: 740, javaScript: false });
      try {
        await page.goto(`${baseUrl}/complaint/who`);
        const pending = page.locator("footer .language-picker--pending");
        expect(await pending.getAttribute("aria-hidden")).toBe("true");
        expect(await pending.evaluate((element) => getComputedStyle(element).visibility)).toBe("hidden");
        for (const name of names) expect(await pending.getByText(name, { exact: true }).count(), name).toBe(1);
        expect(await pending.locator('[lang="ar"][dir="rtl"]').textContent()).toBe("العربية");
        expect(await page.getByRole("button", { name: "العربية" }).count()).toBe(0);
        placeholderOffset = await offsetInFooter(page, ".language-picker--pending");
      } finally {
        await close();
      }
      // With the app running, the picker is where its placeholder was, and works.
      page = await open({ width: 360, height: 740 });
      try {
        await page.goto(`${baseUrl}/complaint/who`);
        await page.getByRole("button", { name: "العربية" }).waitFor();
        expect(await page.locator("footer .language-picker--pending").count()).toBe(0);
        expect(await offsetInFooter(page, ".language-picker")).toBe(placeholderOffset);
        for (const name of names) expect(await page.getByRole("button", { name, exact: true }).isVisible(), name).toBe(true);
      } finally {
        await close();
      }
    });

    it("asks for no script but boot.ts until the first paint is on screen, then the page's code, then the rest of the app", async () => {
      for (const path of ["/", "/what-happens", "/complaint/who"]) {
        const page = await open({ width: 360, height: 740 });
        try {
          await page.goto(`${baseUrl}${path}`);
          await page.locator("html[data-app-ready]").waitFor({ state: "attached" });
          const plan = JSON.parse((await page.locator("#first-render-data").textContent()) ?? "null").load as {
            entry: string;
            run: string[];
            preload: string[];
            prefetch: string[];
          };
          expect(plan.prefetch.length, `${path} prefetches the other pages' code`).toBeGreaterThan(10);
          // What boot.ts runs in turn before the entry: the page's own files, never the entry itself.
          expect(plan.run.length, `${path} runs its modules in turn`).toBeGreaterThan(2);
          expect(plan.run).not.toContain(plan.entry);
          expect(plan.preload).toEqual(expect.arrayContaining(plan.run));
          if (path === "/complaint/who") {
            // Check your answers, and sending with it, come with that page rather than every question.
            // So do the complaint's rules and the outbox, which a question page needs only once its
            // draft may be waiting to be sent (decision 027).
            for (const chunk of ["check-answers-page", "complaint", "outbox-repository"]) {
              const named = (file: string) => new RegExp(`/assets/${chunk}-[^/]+\\.js$`).test(file);
              expect(plan.preload.filter(named), chunk).toEqual([]);
              expect(plan.prefetch.filter(named), chunk).toHaveLength(1);
            }
          }
          // The page as sent names no prefetch: those would share the first paint's connection.
          expect(await (await fetch(`${baseUrl}${path}`)).text(), path).not.toContain('rel="prefetch"');
          const fetched = async () =>
            page.evaluate(() => {
              const paint = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN;
              const scripts = performance
                .getEntriesByType("resource")
                .filter((entry) => new URL(entry.name).pathname.endsWith(".js"))
                .map((entry) => ({ path: new URL(entry.name).pathname, start: entry.startTime }));
              return { paint, scripts };
            });
          await expect
            .poll(async () => (await fetched()).scripts.map((script) => script.path), { timeout: 15_000 })
            .toEqual(expect.arrayContaining(plan.prefetch));
          const { paint, scripts } = await fetched();
          expect(paint, `${path} was painted`).toBeGreaterThan(0);
          const early = scripts.filter((script) => !/\/assets\/boot-[^/]+\.js$/.test(script.path) && script.start < paint);
          expect(early, `${path}: scripts asked for before the first paint at ${paint.toFixed(0)} ms`).toEqual([]);
        } finally {
          await close();
        }
      }
    });

    it("the first question opened cold is drawn before any script runs, stores nothing until answered, and its first answer starts a complaint", async () => {
      // With JavaScript off: the question is there (drawn at build time), and it says saving needs JavaScript.
      let page = await open({ width: 360, height: 740, javaScript: false });
      try {
        await page.goto(`${baseUrl}/complaint/who`);
        await page.getByRole("heading", { level: 1, name: "Who is filling this in?" }).waitFor();
        expect(await page.getByRole("radio").count()).toBe(9);
        expect(await page.locator("body").innerText()).toContain("Speak Up needs JavaScript to save your answers");
      } finally {
        await close();
      }
      // With it on, in a profile with no draft: answering goes on, and the start page then offers to carry on.
      page = await open({ width: 360, height: 740 });
      try {
        await page.goto(`${baseUrl}/complaint/who`);
        expect(await page.locator("#root").getAttribute("data-prerendered")).toBe("/complaint/who");
        await page.locator("html[data-app-ready]").waitFor({ state: "attached" });
        // Opened, not answered: no database yet (making it is a long task on a cheap phone, and a
        // trace of Speak Up on a shared one), even once the app has looked for anything to send.
        await page.waitForTimeout(2500);
        expect(await hasAppDatabase(page), "a database made before the first answer").toBe(false);
        await page.getByRole("radio", { name: /I'm the child or young person/ }).check();
        await page.getByRole("button", { name: "Continue" }).click();
        await page.getByRole("heading", { level: 1, name: "Does anyone else use this phone?" }).waitFor();
        expect(await hasAppDatabase(page)).toBe(true);
        await page.goto(baseUrl);
        await page.getByRole("button", { name: "Carry on with your complaint" }).waitFor();
      } finally {
        await close();
      }
    });

    it("on a first visit, nothing moves once the start page is drawn, and its heading and button are on the first screen at 360×740", async () => {
      const page = await open({ width: 360, height: 740 });
      try {
        await page.goto(baseUrl);
        await page.getByRole("button", { name: "Start now" }).waitFor();
        expect(await layoutShift(page), "layout shift on the start page").toBeLessThanOrEqual(0.01);
        expect(await page.locator("[data-update-status]").count(), "no update banner on a first visit").toBe(0);
        expect(await bottomOf(page, "main h1")).toBeLessThanOrEqual(740);
        expect(await bottomOf(page, "main .button--start")).toBeLessThanOrEqual(740);
        expect(await bottomOf(page, ".danger-box")).toBeLessThanOrEqual(740);
      } finally {
        await close();
      }
    });

    it.each([
      [412, 823],
      [360, 740],
    ])("a question address opened cold (no draft yet) does not move at %i×%i", async (width, height) => {
      const page = await open({ width, height });
      try {
        await page.goto(`${baseUrl}/complaint/who`);
        await page.getByRole("heading", { level: 1, name: "Who is filling this in?" }).waitFor();
        expect(await layoutShift(page), `layout shift on /complaint/who at ${width}px`).toBeLessThanOrEqual(0.01);
      } finally {
        await close();
      }
    });

    it("a question page opened afresh does not move either, and shows its question on the first screen", async () => {
      const page = await open({ width: 360, height: 740 });
      // Every Content-Security-Policy violation the page reports, eval checks included.
      await page.addInitScript(() => {
        const seen: string[] = [];
        Object.assign(window, { cspViolations: seen });
        document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
      });
      try {
        await page.goto(baseUrl);
        // Start, answer who is filling it in, skip the PIN offer: the next question is on screen.
        await new JourneyRunner(page).run(TO_WHAT_HAPPENED.slice(0, 3));
        const question = page.getByRole("heading", { level: 1, name: "Is anyone hurting you, or are you in danger now?" });
        await question.waitFor();
        // Open it as a new visit would: a fresh load of its address.
        await page.reload();
        await question.waitFor();
        expect(await layoutShift(page), "layout shift on a question page").toBeLessThanOrEqual(0.01);
        expect(await bottomOf(page, "main h1")).toBeLessThanOrEqual(740);
        expect(await bottomOf(page, "main input[type=radio]")).toBeLessThanOrEqual(740);
        // Answers were checked by zod on the way: it must not even try eval, which the CSP forbids.
        expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
      } finally {
        await close();
      }
    });
  });
});
