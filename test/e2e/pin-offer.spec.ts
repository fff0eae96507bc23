import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, openPage, type WatchedPage } from "./support/browser";

const baseUrl = inject("baseUrl");
const OFFER = "Does anyone else use this phone?";
/** The question after "who" (the safety question, issue 16). */
const NEXT_QUESTION = "Is anyone hurting you, or are you in danger now?";

describe("the PIN lock offered once in the journey, in real Chromium", () => {
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

  async function firstAnswer(page: Page, start = "Start now") {
    await page.goto(baseUrl);
    await page.getByRole("button", { name: start }).click();
    await page.getByRole("heading", { level: 1, name: "Who is filling this in?" }).waitFor();
    await page.getByRole("radio", { name: "I'm the child or young person" }).check();
    await page.getByRole("button", { name: "Continue" }).click();
  }

  it("is shown after the first answer; Skip carries on, and it is not shown again", async () => {
    context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    watched = await openPage(context, baseUrl);
    const { page } = watched;
    await firstAnswer(page);
    await page.getByRole("heading", { level: 1, name: OFFER }).waitFor();
    expect(await page.title()).toBe(`${OFFER} – Speak Up`);
    await expectNoAxeViolations(page, "the PIN offer");
    await page.getByRole("button", { name: "No, skip this" }).click();
    await page.getByRole("heading", { level: 1, name: NEXT_QUESTION }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/complaint/safety");

    // Once per device: a new complaint, after a reload, goes straight on.
    await page.reload();
    await firstAnswer(page, "Start a new one");
    await page.getByRole("heading", { level: 1, name: NEXT_QUESTION }).waitFor();
    expect(await page.getByRole("heading", { name: OFFER }).count()).toBe(0);
  });

  it("Yes sets a PIN and comes back to the journey, with the draft locked", async () => {
    context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    watched = await openPage(context, baseUrl);
    const { page } = watched;
    await firstAnswer(page);
    await page.getByRole("button", { name: "Yes, set a PIN" }).click();
    await page.getByRole("heading", { level: 1, name: "Set a PIN" }).waitFor();
    expect(await page.getByRole("link", { name: "Back" }).getAttribute("href")).toBe(`/settings/shared-phone?next=${encodeURIComponent("/complaint/safety")}`);
    await page.getByLabel("Choose a PIN").fill("482715");
    await page.getByLabel("Type your PIN again").fill("482715");
    await page.getByRole("radio", { name: "No, hide the names" }).check();
    await page.getByRole("button", { name: "Set PIN" }).click();
    await page.getByRole("heading", { level: 1, name: NEXT_QUESTION }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/complaint/safety");

    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByText("Your drafts are locked with a PIN.", { exact: false }).waitFor();
  });
});
