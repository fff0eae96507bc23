import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";

const require = createRequire(import.meta.url);
const axeSource: string = (require("axe-core") as { source: string }).source;

export const CHROME_PATH = process.env.CHROME_PATH || "/usr/bin/chromium";

export const CHROME_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

/** Launch the machine's Chromium (never a downloaded one) with the flags this sandbox needs. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROME_PATH)) {
    throw new Error(`Chromium not found at ${CHROME_PATH}. Install it with: apt-get install -y chromium (or set CHROME_PATH).`);
  }
  return chromium.launch({
    executablePath: CHROME_PATH,
    headless: true,
    args: CHROME_ARGS,
  });
}

export interface WatchedPage {
  page: Page;
  /** Every request to an origin other than the app's own. */
  foreignRequests: string[];
  /** console.error messages and page errors (including CSP violations). */
  errors: string[];
}

/** Open a page that records requests to other origins and any error the page logs. */
export async function openPage(context: BrowserContext, baseUrl: string): Promise<WatchedPage> {
  const page = await context.newPage();
  const origin = new URL(baseUrl).origin;
  const foreignRequests: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) foreignRequests.push(url);
  });
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, foreignRequests, errors };
}

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Run axe-core in the page. Injected with evaluate (DevTools), not a <script> tag, so the app's
 * Content-Security-Policy stays on during the check.
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }> }> };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")})`);
  }, AXE_TAGS);
  expect(violations, `axe violations on ${label}`).toEqual([]);
}

/**
 * One Chromium for a describe block, and a fresh watched page in a new context for each test:
 * after each test, no request went to another origin and the page logged no error, and its
 * context is closed. Registers the block's beforeAll, afterAll and afterEach hooks.
 */
export function watchedBrowser(baseUrl: string): { open: (options?: BrowserContextOptions) => Promise<WatchedPage> } {
  let browser: Browser | undefined;
  let opened: Array<{ context: BrowserContext; watched: WatchedPage }> = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const done = opened;
    opened = [];
    for (const { context } of done) await context.close();
    for (const { watched } of done) {
      expect(watched.foreignRequests).toEqual([]);
      expect(watched.errors).toEqual([]);
    }
  });
  return {
    open: async (options = {}) => {
      if (!browser) throw new Error("watchedBrowser: open() runs in a test, after beforeAll");
      const context = await browser.newContext(options);
      const watched = await openPage(context, baseUrl);
      opened.push({ context, watched });
      return watched;
    },
  };
}
