import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, openPage, type WatchedPage } from "./support/browser";
import { JourneyRunner, TO_WHAT_HAPPENED } from "./support/journey";

const baseUrl = inject("baseUrl");
const EXIT_ORIGIN = "https://www.bbc.co.uk";
const STORY_LABEL = "Tell us what happened, in your own words";

/** Type as a person does on a keyboard: Shift held down for each capital letter and the colon. */
async function typeWithShift(page: Page, text: string): Promise<void> {
  for (const char of text) {
    if (/[A-Z]/.test(char)) {
      await page.keyboard.down("Shift");
      await page.keyboard.press(`Key${char}`);
      await page.keyboard.up("Shift");
    } else if (char === ":") {
      await page.keyboard.down("Shift");
      await page.keyboard.press("Semicolon");
      await page.keyboard.up("Shift");
    } else {
      await page.keyboard.press(char === " " ? "Space" : `Key${char.toUpperCase()}`);
    }
  }
}

describe("Exit this page, in real Chromium", () => {
  let browser: Browser;
  let context: BrowserContext;
  let watched: WatchedPage;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    expect(watched.errors).toEqual([]);
    await context.close();
  });

  async function open(width = 1024, height = 800) {
    context = await browser.newContext({ viewport: { width, height } });
    // The neutral exit site is stubbed so the test never leaves this machine.
    await context.route(`${EXIT_ORIGIN}/**`, (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<title>Weather</title><h1>Weather</h1>" }),
    );
    watched = await openPage(context, baseUrl);
    return watched.page;
  }

  async function toWhatHappened(page: Page) {
    await page.goto(baseUrl);
    await new JourneyRunner(page).run(TO_WHAT_HAPPENED);
    await page.getByLabel(STORY_LABEL).waitFor();
  }

  it("never leaves while someone types capitals, and leaves on Shift pressed alone 3 times, saying how many are left", async () => {
    const page = await open();
    await toWhatHappened(page);
    const sentence = "She said: I Miss Nana And Ali";
    await page.getByLabel(STORY_LABEL).focus();
    await typeWithShift(page, sentence);
    await page.waitForTimeout(400);
    expect(page.url()).toBe(`${baseUrl}/complaint/what-happened`);
    expect(await page.getByLabel(STORY_LABEL).inputValue()).toBe(sentence);

    const status = page.locator(".exit-this-page [role=status]");
    await page.keyboard.press("Shift");
    await expect.poll(() => status.textContent()).toBe("Shift, press 2 more times to exit.");
    await page.keyboard.press("Shift");
    await expect.poll(() => status.textContent()).toBe("Shift, press 1 more time to exit.");
    await page.keyboard.press("Shift");
    await page.waitForURL(`${EXIT_ORIGIN}/weather`);
  });

  it("after Exit this page and Back, shows none of what was typed until Carry on", async () => {
    const page = await open();
    await toWhatHappened(page);
    const canary = "Canary-7Q2 my secret words";
    await page.getByLabel(STORY_LABEL).fill(canary);
    await page.getByText("Saved on this phone").waitFor();
    // Leave from another page, so Back returns to the page with the words on it.
    await page.getByRole("navigation", { name: "Help with complaining" }).getByRole("link", { name: "Words you might not know" }).click();
    await page.getByRole("heading", { level: 1, name: "Words you might not know" }).waitFor();
    await page.getByRole("button", { name: "Exit this page" }).click();
    await page.waitForURL(`${EXIT_ORIGIN}/weather`);

    await page.goBack();
    expect(page.url()).toBe(`${baseUrl}/complaint/what-happened`);
    await page.getByRole("heading", { level: 1, name: "Welcome back" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain("Canary-7Q2");
    expect(await page.title()).toBe("Welcome back – Speak Up");
    await expectNoAxeViolations(page, "the neutral page after Exit this page");

    await page.getByRole("button", { name: "Carry on", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "What happened?" }).waitFor();
    expect(await page.getByLabel(STORY_LABEL).inputValue()).toBe(canary);
    // Carry on is remembered for the tab: a reload shows the page itself.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "What happened?" }).waitFor();
  });

  it("saves words typed the moment before Exit this page, and shows them only after Carry on when the tab is opened again", async () => {
    const page = await open();
    await toWhatHappened(page);
    const canary = "Canary-9K4 typed just before leaving";
    // No wait for "Saved on this phone": the exit comes within autosave's 300 ms.
    await page.getByLabel(STORY_LABEL).fill(canary);
    await page.getByRole("button", { name: "Exit this page" }).click();
    await page.waitForURL(`${EXIT_ORIGIN}/weather`);

    // Back to Speak Up in the same tab (as a reopened tab is): the tab remembers the exit.
    await page.goto(`${baseUrl}/complaint/what-happened`);
    await page.getByRole("heading", { level: 1, name: "Welcome back" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain("Canary-9K4");
    await page.getByRole("button", { name: "Carry on", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "What happened?" }).waitFor();
    expect(await page.getByLabel(STORY_LABEL).inputValue()).toBe(canary);
  });

  it.each([320, 1024])("stays on screen at the bottom of the longest page at %ipx, in a bar that covers no words", async (width) => {
    const page = await open(width, 640);
    await page.goto(`${baseUrl}/what-happens`);
    await page.getByRole("heading", { level: 1, name: "What happens after I complain" }).waitFor();
    const header = page.locator("header.header");
    const main = page.locator("main");
    // At the top the bar takes its own space: the page starts below it.
    const atTop = await header.boundingBox();
    expect((await main.boundingBox())?.y).toBeGreaterThanOrEqual((atTop?.y ?? 0) + (atTop?.height ?? 0));

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    const button = await page.getByRole("button", { name: "Exit this page" }).boundingBox();
    expect(button).not.toBeNull();
    if (!button) return;
    expect(button.y).toBeGreaterThanOrEqual(0);
    expect(button.y + button.height).toBeLessThanOrEqual(640);
    expect(button.x + button.width).toBeLessThanOrEqual(width);
    // Across the whole width beside the button there is only the bar: no words show through or beside it.
    const covered = await page.evaluate(
      ({ y, width: w }) => [1, w / 4, w / 2, (3 * w) / 4, w - 2].filter((x) => !document.elementFromPoint(x, y)?.closest("header.header")),
      { y: button.y + button.height / 2, width },
    );
    expect(covered).toEqual([]);
    // Something focused above the screen scrolls into view below the bar, not under it.
    const link = page.locator("main a").first();
    await link.focus();
    const bar = await header.boundingBox();
    expect((await link.boundingBox())?.y).toBeGreaterThanOrEqual((bar?.y ?? 0) + (bar?.height ?? 0));
  });
});
