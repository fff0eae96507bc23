import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type StartedServer } from "../setup/e2e-server";
import { launchBrowser, openPage, type WatchedPage } from "./support/browser";
import { JourneyRunner, TO_WHAT_HAPPENED } from "./support/journey";

/**
 * The installable offline app and its updates (issue 6), in real Chromium against the real server.
 * Each test starts its own server on its own port (not the shared one): going offline must mean the
 * server is really gone, and an update needs a second server start, with a new build, on the same
 * origin so the browser sees a new version of the same service worker.
 */

const root = resolve(import.meta.dirname, "../..");
/** The build under test: what the shared e2e server serves (scripts/run-e2e.ts builds it first). */
const builtDir = resolve(root, process.env.STATIC_DIR ?? "dist");

/**
 * The same app built again with one file changed (index.html gets a build marker), into `outDir`:
 * a new version as a deploy would ship it, with its own service worker and precache list.
 */
function buildNewVersion(outDir: string): Promise<void> {
  const script = `
    import { build } from "vite";
    await build({
      configFile: "vite.config.ts",
      logLevel: "error",
      build: { outDir: process.env.OUT_DIR, emptyOutDir: true },
      plugins: [{
        name: "e2e:new-version",
        transformIndexHtml: (html) => html.replace("</head>", '<meta name="speak-up-build" content="new"></head>'),
      }],
    });
  `;
  return new Promise((resolveBuild, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      cwd: root,
      // A production build, as deployed (vitest sets NODE_ENV=test, which would build React for development).
      env: { ...process.env, NODE_ENV: "production", OUT_DIR: outDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.once("exit", (code) => (code === 0 ? resolveBuild() : reject(new Error(`The second build failed (${code}):\n${output}`))));
  });
}

/** Wait until a service worker controls the page (after its first install, it claims the page). */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
}

/** Messages the browser logs for requests that fail while offline or between two server starts. */
const isOfflineNoise = (message: string) => /ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED|Failed to load resource/.test(message);

const STORY_FIELD = "Tell us what happened, in your own words";
const STORY = "They changed my placement and nobody asked me. I want someone to listen.";

/** Error pages the app shows; a page route must not land on one offline. */
const ERROR_HEADINGS = ["Page not found", "Sorry, something went wrong"];

interface RouteCheck {
  /** The address to open; `:draft` is replaced by a real draft's id. */
  url: string;
  /** The exact main heading, where this test knows it. Every route must show an h1 that is not an error page. */
  h1?: string;
}

/**
 * One address for every route in src/app/router.tsx. A route added there without an entry here
 * fails the test, so every page keeps opening offline.
 */
const ROUTE_CHECKS: Record<string, RouteCheck> = {
  "/": { url: "/", h1: "Make a complaint about children's social care" },
  "/council": { url: "/council", h1: "Which council is your complaint about?" },
  "/drafts": { url: "/drafts", h1: "Your drafts" },
  "/drafts/:id/rename": { url: "/drafts/:draft/rename", h1: "What would you like to call this draft?" },
  "/drafts/:id/delete": { url: "/drafts/:draft/delete", h1: "Are you sure you want to delete this draft?" },
  "/complaint/sent/:reference": { url: "/complaint/sent/SU-2222-3333", h1: "We can't find that complaint on this phone" },
  "/complaint/:stepId": { url: "/complaint/who", h1: "Who is filling this in?" },
  "/complaints": { url: "/complaints" },
  "/complaints/waiting/:id/delete": { url: "/complaints/waiting/00000000-0000-4000-8000-000000000000/delete" },
  "/complaints/:reference": { url: "/complaints/SU-2222-3333" },
  "/complaints/:reference/next-stage": { url: "/complaints/SU-2222-3333/next-stage" },
  "/complaints/:reference/copy": { url: "/complaints/SU-2222-3333/copy" },
  "/check": { url: "/check", h1: "Check a complaint" },
  "/settings": { url: "/settings", h1: "Settings" },
  "/settings/pin": { url: "/settings/pin", h1: "Set a PIN" },
  "/settings/shared-phone": { url: "/settings/shared-phone?next=/complaint/situation", h1: "Does anyone else use this phone?" },
  "/settings/delete-everything": { url: "/settings/delete-everything", h1: "Are you sure you want to delete everything on this phone?" },
  "/unlock": { url: "/unlock?next=/drafts", h1: "Enter your PIN" },
  "/what-happens": { url: "/what-happens", h1: "What happens after I complain" },
  "/words": { url: "/words", h1: "Words you might not know" },
  "/who-sees": { url: "/who-sees", h1: "Who will see what I write?" },
  "/who-sees/adults": { url: "/who-sees/adults", h1: "Who will see what you write: for parents, carers and advocates" },
  "/privacy": { url: "/privacy", h1: "How your information is used" },
  "/accessibility": { url: "/accessibility", h1: "Accessibility statement for Speak Up" },
  "*": { url: "/no-such-page", h1: "Page not found" },
};

/** The route paths declared in src/app/router.tsx, read from its source. */
function routerPaths(): string[] {
  const source = readFileSync(join(root, "src/app/router.tsx"), "utf8");
  return [...source.matchAll(/\bpath:\s*"([^"]+)"/g)].map((m) => m[1] ?? "");
}

describe("works offline and updates without losing work, in real Chromium", () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "speak-up-offline-"));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("after one visit, every page opens with no network", async () => {
    const paths = routerPaths();
    expect(paths.length).toBeGreaterThan(5);
    expect(
      paths.filter((path) => !(path in ROUTE_CHECKS)),
      "routes in router.tsx with no offline check here",
    ).toEqual([]);

    const server = await startServer(join(dir, "offline.db"), { staticDir: builtDir });
    let context: BrowserContext | undefined;
    try {
      context = await browser.newContext();
      const first = await openPage(context, server.url);
      await first.page.goto(server.url);
      // A draft to open on the drafts pages.
      await first.page.getByRole("button", { name: "Start now" }).click();
      await first.page.getByRole("heading", { level: 1, name: "Who is filling this in?" }).waitFor();
      await waitForServiceWorker(first.page);
      const draftId = await first.page.evaluate(async () => {
        const drafts = await new Promise<Array<{ id: string }>>((resolveDrafts, reject) => {
          const request = indexedDB.open("speak-up");
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const all = request.result.transaction("drafts").objectStore("drafts").getAll();
            all.onsuccess = () => resolveDrafts(all.result as Array<{ id: string }>);
            all.onerror = () => reject(all.error);
          };
        });
        return drafts[0]?.id ?? "";
      });
      expect(draftId).not.toBe("");
      expect(first.foreignRequests).toEqual([]);

      // Installable: the page links the manifest, and it is served with the name, icons and colours.
      expect(await first.page.locator('link[rel="manifest"]').getAttribute("href")).toBe("/manifest.webmanifest");
      const manifestResponse = await first.page.request.get(`${server.url}/manifest.webmanifest`);
      expect(manifestResponse.status()).toBe(200);
      expect(manifestResponse.headers()["content-type"]).toMatch(/^application\/manifest\+json/);
      const manifest = (await manifestResponse.json()) as {
        name: string;
        short_name: string;
        display: string;
        theme_color: string;
        icons: Array<{ src: string; sizes: string; purpose?: string }>;
      };
      expect(manifest).toMatchObject({ name: expect.stringContaining("Speak Up"), short_name: "Speak Up", display: "standalone", theme_color: "#1d4f91" });
      expect(manifest.icons.map((icon) => `${icon.sizes}${icon.purpose ? ` ${icon.purpose}` : ""}`)).toEqual(["192x192", "512x512", "512x512 maskable"]);
      for (const icon of manifest.icons) expect((await first.page.request.get(`${server.url}${icon.src}`)).status(), icon.src).toBe(200);

      // No network at all: the server is gone and the browser is offline.
      await server.stop();
      await context.setOffline(true);
      await first.page.close();

      const offline = await openPage(context, server.url);
      for (const path of paths) {
        const check = ROUTE_CHECKS[path]!;
        const url = `${server.url}${check.url.replace(":draft", draftId)}`;
        const response = await offline.page.goto(url);
        // Answered by the service worker, not the network (which is not there).
        expect(response?.fromServiceWorker(), `${path} from the service worker`).toBe(true);
        const heading = offline.page.getByRole("heading", { level: 1 });
        await heading.waitFor();
        const text = (await heading.textContent())?.trim() ?? "";
        if (check.h1) expect(text, `h1 on ${check.url}`).toBe(check.h1);
        if (path !== "*") expect(ERROR_HEADINGS, `${check.url} shows an error page offline`).not.toContain(text);
        expect(await offline.page.getByRole("link", { name: "Speak Up", exact: true }).count(), `app header on ${check.url}`).toBe(1);
      }
      expect(offline.foreignRequests).toEqual([]);
      expect(offline.errors.filter((e) => !isOfflineNoise(e))).toEqual([]);
    } finally {
      await context?.close();
      await server.stop();
    }
  }, 120_000);

  it("offers a new version in every tab, keeps a draft typed just before Update now, and never reloads another tab", async () => {
    const newBuild = join(dir, "new-version");
    await buildNewVersion(newBuild);
    const dbFile = join(dir, "update.db");
    const oldServer = await startServer(dbFile, { staticDir: builtDir });
    let newServer: StartedServer | undefined;
    let context: BrowserContext | undefined;
    try {
      context = await browser.newContext();
      const form: WatchedPage = await openPage(context, oldServer.url);
      await form.page.goto(oldServer.url);
      await waitForServiceWorker(form.page);
      // A first visit is no update: the first version installs and takes over with nothing said.
      await form.page.evaluate(() => navigator.serviceWorker.ready);
      await form.page.waitForTimeout(500);
      expect(await form.page.locator("[data-update-status]").count(), "no update banner on a first visit").toBe(0);
      expect(
        await form.page
          .getByRole("status")
          .filter({ hasText: /new version|Updating/ })
          .count(),
      ).toBe(0);
      await new JourneyRunner(form.page).run(TO_WHAT_HAPPENED);
      await form.page.getByLabel(STORY_FIELD).waitFor();

      // A second tab, in the middle of reading a help page.
      const other = await openPage(context, oldServer.url);
      await other.page.goto(`${oldServer.url}/words`);
      await other.page.getByRole("heading", { level: 1, name: "Words you might not know" }).waitFor();
      await other.page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

      // Deploy the new version on the same address.
      await oldServer.stop();
      newServer = await startServer(dbFile, { staticDir: newBuild, port: oldServer.port });
      expect(newServer.url).toBe(oldServer.url);

      // The app looks for a new version when it is shown again (and every hour).
      await form.page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
      const banner = form.page.getByRole("region", { name: "A new version of Speak Up is ready" });
      await banner.waitFor({ timeout: 30_000 });
      await other.page.getByRole("region", { name: "A new version of Speak Up is ready" }).waitFor();
      expect(await form.page.getByRole("status").filter({ hasText: "A new version of Speak Up is ready" }).count()).toBe(1);
      // Nothing reloaded by itself; the prompt is in <main> after the page's own content (so it never
      // pushes the question down) and passes axe and the 44px check.
      expect(await form.page.locator('meta[name="speak-up-build"]').count()).toBe(0);
      expect(await form.page.locator("main [data-update-status]").getAttribute("data-update-status")).toBe("ready");
      expect(
        await form.page.evaluate(() => {
          const heading = document.querySelector("main h1");
          const prompt = document.querySelector("main [data-update-status]");
          return Boolean(heading && prompt && heading.compareDocumentPosition(prompt) & Node.DOCUMENT_POSITION_FOLLOWING);
        }),
        "the prompt comes after the page's heading",
      ).toBe(true);
      await new JourneyRunner(form.page).checkPage("the update prompt");

      // Type, then update at once: no waiting for "Saved on this phone".
      await form.page.getByLabel(STORY_FIELD).fill(STORY);
      const reloaded = form.page.waitForEvent("load");
      await banner.getByRole("button", { name: "Update now" }).click();
      await reloaded;
      await form.page.getByRole("heading", { name: "What happened?" }).waitFor();
      expect(await form.page.locator('meta[name="speak-up-build"]').count(), "the new version is running").toBe(1);
      expect(await form.page.getByLabel(STORY_FIELD).inputValue()).toBe(STORY);
      expect(await form.page.getByRole("region", { name: "A new version of Speak Up is ready" }).count()).toBe(0);

      // The other tab was not reloaded: it still runs the old code, and says how to finish.
      const finish = other.page.getByRole("region", { name: "Speak Up has been updated" });
      await finish.waitFor();
      expect(await other.page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
      expect(await other.page.locator('meta[name="speak-up-build"]').count()).toBe(0);
      await new JourneyRunner(other.page).checkPage("the finish updating prompt");
      const otherReloaded = other.page.waitForEvent("load");
      await finish.getByRole("button", { name: "Open the page again" }).click();
      await otherReloaded;
      await other.page.getByRole("heading", { level: 1, name: "Words you might not know" }).waitFor();
      expect(await other.page.locator('meta[name="speak-up-build"]').count()).toBe(1);

      for (const tab of [form, other]) {
        expect(tab.foreignRequests).toEqual([]);
        expect(tab.errors.filter((e) => !isOfflineNoise(e))).toEqual([]);
      }
    } finally {
      await context?.close();
      await newServer?.stop();
      await oldServer.stop();
    }
  }, 180_000);
});
