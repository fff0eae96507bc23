import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, openPage, type WatchedPage } from "./support/browser";
import { JourneyRunner, NOT_IN_DANGER, storedComplaint, TO_WHAT_HAPPENED, type PageStep } from "./support/journey";

const baseUrl = inject("baseUrl");
const dbFile = inject("dbFile");

const QUESTION = "Is anyone hurting you, or are you in danger now?";
/** Example Borough's numbers (public/councils/example-borough.json), the default council. */
const EXAMPLE_BOROUGH = { childrensServices: "01632 960 200", outOfHours: "01632 960 999" };

/** The start of every walk, up to the safety question (TO_WHAT_HAPPENED without its answer). */
const TO_SAFETY = TO_WHAT_HAPPENED.slice(0, TO_WHAT_HAPPENED.indexOf(NOT_IN_DANGER));
const AFTER_SAFETY = TO_WHAT_HAPPENED.slice(TO_WHAT_HAPPENED.indexOf(NOT_IN_DANGER) + 1);

/** From "What happened?" to Check your answers, with the same answers every time. */
const TO_CHECK: PageStep[] = [
  { heading: "What happened?", actions: [{ fill: "Tell us what happened, in your own words", value: "My carer shouts at me every night." }] },
  { heading: "What would put things right for you? (optional)" },
  { heading: /easier for you to take part/ },
  { heading: "Would you like a free advocate?", actions: [{ radio: "Yes, please" }] },
  { heading: "How should the council contact you about your complaint?", actions: [{ radio: "Email" }, { fill: "Email address", value: "sam@example.org" }] },
];

describe("the safety question in the journey, in real Chromium (issue 16)", () => {
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
    expect(watched.foreignRequests).toEqual([]);
    expect(watched.errors).toEqual([]);
    await context.close();
  });

  async function open(): Promise<Page> {
    context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    watched = await openPage(context, baseUrl);
    await watched.page.goto(baseUrl);
    return watched.page;
  }

  /** The complaint sent by the "Yes" walk, to compare with the "No" walk's. */
  let sentWithYes: Record<string, unknown> | undefined;
  const answersOf = (complaint: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(complaint).filter(([name]) => !["id", "createdAt", "submittedAt", "saysInDanger"].includes(name)));

  const urgentHelp = (page: Page) => page.getByRole("region", { name: "Get help now" });

  /** Walk to a reference, answering the safety question with `answer`; returns the stored complaint. */
  async function walk(page: Page, answer: "Yes" | "No", onSafetyPage: (journey: JourneyRunner) => Promise<void>) {
    const journey = new JourneyRunner(page);
    await journey.run(TO_SAFETY);
    await page.getByRole("heading", { level: 1, name: QUESTION }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/complaint/safety");
    await journey.checkPage("the safety question");
    await page.getByRole("radio", { name: answer, exact: true }).check();
    await onSafetyPage(journey);
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await journey.run([...AFTER_SAFETY, ...TO_CHECK]);
    const reference = await journey.send();
    return storedComplaint(dbFile, reference);
  }

  it("Yes shows who to call at once, as numbers to tap; the complaint still goes, and says so", async () => {
    const page = await open();
    const stored = await walk(page, "Yes", async (journey) => {
      const help = urgentHelp(page);
      await help.waitFor();
      await journey.checkPage("the safety question, Yes");
      await help.getByText("A complaint is not the quickest way to get help.", { exact: false }).waitFor();
      const links = help.getByRole("link");
      const found = await links.evaluateAll((all) => all.map((a) => [a.textContent, a.getAttribute("href")]));
      expect(found).toEqual([
        ["999", "tel:999"],
        ["0800 1111", "tel:08001111"],
        [EXAMPLE_BOROUGH.childrensServices, `tel:${EXAMPLE_BOROUGH.childrensServices.replace(/ /g, "")}`],
        [EXAMPLE_BOROUGH.outOfHours, `tel:${EXAMPLE_BOROUGH.outOfHours.replace(/ /g, "")}`],
      ]);
    });
    expect(stored.saysInDanger).toBe(true);
    sentWithYes = stored;
  });

  it("No changes nothing: the same pages, no help box, and the same complaint with the flag false", async () => {
    const page = await open();
    const stored = await walk(page, "No", async () => {
      expect(await urgentHelp(page).count()).toBe(0);
      expect(await page.locator('main a[href^="tel:"]').count()).toBe(0);
    });
    expect(stored.saysInDanger).toBe(false);
    // Everything but the flag, the id and the times is what the "Yes" walk with the same answers sent.
    expect(sentWithYes, "the Yes walk runs first").toBeDefined();
    expect(answersOf(stored)).toEqual(answersOf(sentWithYes ?? {}));
  });
});
