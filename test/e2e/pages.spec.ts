import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, openPage, type WatchedPage } from "./support/browser";
import { JourneyRunner } from "./support/journey";

const baseUrl = inject("baseUrl");
const EXIT_ORIGIN = "https://www.bbc.co.uk";

describe("every other page, Exit this page and Read this page to me, in real Chromium", () => {
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

  async function open(width = 1024) {
    context = await browser.newContext({ viewport: { width, height: 800 } });
    // The neutral exit site is stubbed so the test never leaves this machine.
    await context.route(`${EXIT_ORIGIN}/**`, (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<title>Weather</title><h1>Weather</h1>" }),
    );
    watched = await openPage(context, baseUrl);
    return watched.page;
  }

  it.each([320, 1024])("help, not-found and empty-state pages pass axe and fit %ipx without scrolling sideways", async (width) => {
    const page = await open(width);
    const runner = new JourneyRunner(page, { noSidewaysScroll: true });
    const pages: Array<[string, string]> = [
      ["/what-happens", "What happens after I complain"],
      ["/words", "Words you might not know"],
      ["/no-such-page", "Page not found"],
      ["/complaint/check", "There is nothing to check yet"],
      ["/complaint/sent/SU-2345-6789", "We can't find that complaint on this phone"],
      ["/complaints", "Your complaints"],
      ["/complaints/SU-2345-6789", "We can't find that complaint on this phone"],
      ["/complaints/SU-2345-6789/next-stage", "We can't find that complaint on this phone"],
      // Last: the test goes on from the council page.
      ["/council", "Which council is your complaint about?"],
    ];
    for (const [path, heading] of pages) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      await runner.checkPage(`${path} at ${width}px`);
    }
    // The council page with its error, then a choice that the start page shows and remembers.
    await page.getByRole("button", { name: "Continue" }).click();
    await page.locator(".error-summary").getByRole("link", { name: "Choose the council your complaint is about" }).waitFor();
    await runner.checkPage(`/council with an error at ${width}px`);
    await page.getByRole("radio", { name: "Northmoor County Council" }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByText("Your complaint will go to Northmoor County Council.").waitFor();
    await page.reload();
    await page.getByText("Your complaint will go to Northmoor County Council.").waitFor();

    // The help pages are reachable from a question page through the help links.
    await page.goto(baseUrl);
    await page.getByRole("navigation", { name: "Help with complaining" }).getByRole("link", { name: "Words you might not know" }).click();
    await page.getByRole("heading", { level: 1, name: "Words you might not know" }).waitFor();
    expect(watched.foreignRequests).toEqual([]);
  });

  it("shows real dates on What happens after I complain, counted in working days", async () => {
    const page = await open();
    await page.goto(`${baseUrl}/what-happens`);
    await page.getByRole("heading", { level: 1, name: "What happens after I complain" }).waitFor();
    await page
      .getByText(/The council should reply by \w+day \d{1,2} \w+ \d{4}/)
      .first()
      .waitFor();
    expect(watched.foreignRequests).toEqual([]);
  });

  it("Exit this page leaves at once and Back does not return to Speak Up", async () => {
    const page = await open();
    await page.goto(`${EXIT_ORIGIN}/`);
    await page.goto(`${baseUrl}/words`);
    await page.getByRole("heading", { level: 1, name: "Words you might not know" }).waitFor();
    // The page is drawn before its code runs; once the app runs, the exit leaves no history entry.
    await page.locator("html[data-app-ready]").waitFor({ state: "attached" });
    await page.getByRole("button", { name: "Exit this page" }).click();
    await page.waitForURL(`${EXIT_ORIGIN}/weather`);
    await page.goBack();
    expect(page.url().startsWith(baseUrl)).toBe(false);
  });

  it("Shift pressed three times leaves the page too", async () => {
    const page = await open();
    await page.goto(baseUrl);
    await page.getByRole("heading", { name: "Are you in danger now?" }).waitFor();
    await page.locator("html[data-app-ready]").waitFor({ state: "attached" });
    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
    await page.waitForURL(`${EXIT_ORIGIN}/weather`);
  });

  it("Read this page to me speaks the main text, and is hidden where the browser cannot speak", async () => {
    const page = await open();
    await page.addInitScript(() => {
      const spoken: string[] = [];
      (window as unknown as { spoken: string[] }).spoken = spoken;
      // Record what would be spoken (headless Chromium has no voices to play it with).
      window.speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
        spoken.push(utterance.text);
        utterance.dispatchEvent(new Event("end"));
      };
    });
    await page.goto(`${baseUrl}/words`);
    await page.getByRole("heading", { level: 1, name: "Words you might not know" }).waitFor();
    await page.getByRole("button", { name: "Read this page to me" }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { spoken: string[] }).spoken.join(" "))).toContain("Words you might not know");

    const silent = await context.newPage();
    await silent.addInitScript(() => {
      Object.defineProperty(window, "speechSynthesis", { value: undefined });
    });
    await silent.goto(`${baseUrl}/words`);
    await silent.getByRole("heading", { level: 1, name: "Words you might not know" }).waitFor();
    expect(await silent.getByRole("button", { name: "Read this page to me" }).count()).toBe(0);
  });
});
