import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { watchedBrowser } from "./support/browser";
import { JourneyRunner, NOT_IN_DANGER, storedComplaint, TO_WHAT_HAPPENED, type PageStep } from "./support/journey";
import { fleschKincaid } from "./support/readability";

const baseUrl = inject("baseUrl");
const dbFile = inject("dbFile");

const QUESTION = "Is anyone hurting you, or are you in danger now?";
/** Example Borough's numbers (test/fixtures/councils/example-borough.json), the default council. */
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
  const chromium = watchedBrowser(baseUrl);

  async function open(): Promise<Page> {
    const watched = await chromium.open({ viewport: { width: 360, height: 740 } });
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

describe("what happens to what I write: the trust pages, in real Chromium (issue 16)", () => {
  const chromium = watchedBrowser(baseUrl);

  async function open(width = 360): Promise<Page> {
    const watched = await chromium.open({ viewport: { width, height: 740 } });
    await watched.page.goto(baseUrl);
    return watched.page;
  }

  /**
   * Every page the issue adds, with its heading and the part held to grade 5 (`plain`): the pages
   * for children, the adult version of "Who will see", and the child's privacy notice. The full
   * privacy notice and the accessibility statement follow their legal forms, so they are not (null).
   */
  const PAGES: Array<{ path: string; heading: string; plain: string | null }> = [
    { path: "/who-sees", heading: "Who will see what I write?", plain: "main" },
    { path: "/who-sees/adults", heading: "Who will see what you write: for parents, carers and advocates", plain: "main" },
    { path: "/privacy", heading: "How your information is used", plain: '[data-testid="privacy-child"]' },
    { path: "/accessibility", heading: "Accessibility statement for Speak Up", plain: null },
  ];

  it.each([320, 1024])("each new page passes axe, fits %ipx, and is linked from every page's footer", async (width) => {
    const page = await open(width);
    const runner = new JourneyRunner(page, { noSidewaysScroll: true });
    for (const { path, heading } of PAGES) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      await runner.checkPage(`${path} at ${width}px`);
    }
    // The footer's links open the notices from any page.
    await page.getByRole("contentinfo").getByRole("link", { name: "Accessibility statement" }).click();
    await page.getByRole("heading", { level: 1, name: "Accessibility statement for Speak Up" }).waitFor();
    await page.getByRole("contentinfo").getByRole("link", { name: "How your information is used" }).click();
    await page.getByRole("heading", { level: 1, name: "How your information is used" }).waitFor();
  });

  it("the plain-language pages have a Flesch–Kincaid grade of 5 or less", async () => {
    const page = await open();
    for (const { path, heading, plain } of PAGES) {
      if (!plain) continue;
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      const text = `${heading}\n${await page.locator(plain).innerText()}`;
      const { grade, words } = fleschKincaid(text);
      expect(words, `${path}: words counted`).toBeGreaterThan(50);
      expect(grade, `${path}: Flesch–Kincaid grade`).toBeLessThanOrEqual(5);
    }
  });

  it("Who will see what I write? is linked from the start page, What happens next for you, and Check your answers", async () => {
    const page = await open();
    const link = () => page.getByRole("main").getByRole("link", { name: "Who will see what I write?" });
    expect(await link().count(), "start page").toBe(1);
    const journey = new JourneyRunner(page);
    await journey.run(TO_WHAT_HAPPENED.slice(0, -1));
    await page.getByRole("heading", { level: 1, name: "What happens next for you" }).waitFor();
    expect(await link().count(), "what happens next for you").toBe(1);
    await journey.run([TO_WHAT_HAPPENED.at(-1) as PageStep, ...TO_CHECK]);
    await page.getByRole("heading", { level: 1, name: "Check your answers before you send" }).waitFor();
    // Before Send: when the council reads it, and what to do if it can't wait.
    const before = page.getByTestId("before-send");
    await before.getByText("Example Borough reads complaints Monday to Friday, 9am to 5pm.").waitFor();
    const hrefs = await before.getByRole("link").evaluateAll((all) => all.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual(["tel:999", "tel:08001111", `tel:${EXAMPLE_BOROUGH.outOfHours.replace(/ /g, "")}`, "/who-sees"]);
    await link().click();
    await page.getByRole("heading", { level: 1, name: "Who will see what I write?" }).waitFor();
  });

  it("the privacy notice shows the settings of the council the complaint goes to", async () => {
    const page = await open();
    await page.getByRole("link", { name: /Change council/ }).click();
    await page.getByRole("radio", { name: "Northmoor County Council" }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByText("Your complaint will go to Northmoor County Council.").waitFor();
    await page.getByRole("contentinfo").getByRole("link", { name: "How your information is used" }).click();
    const child = page.getByTestId("privacy-child");
    const full = page.getByTestId("privacy-full");
    await child.getByText("Northmoor County Council looks after what you send.", { exact: false }).waitFor();
    // Words made from the number the server deletes by (dataProtection.retention, decision 020).
    await child.getByText("When your complaint is finished, the council keeps it for 7 years. Then it is deleted.").waitFor();
    expect(await full.getByTestId("retention-full").innerText()).toBe(
      "A closed complaint is kept for 7 years after it was closed, then deleted from the server.",
    );
    await full.getByText("Northmoor County Council is the data controller", { exact: false }).waitFor();
    expect(await full.getByRole("link", { name: "information.governance@northmoor.example" }).getAttribute("href")).toBe(
      "mailto:information.governance@northmoor.example",
    );
    expect(await full.getByTestId("lawful-basis").innerText()).toMatch(/^Northmoor County Council handles your complaint as a legal duty/);
    expect(await page.getByRole("link", { name: "0303 123 1113" }).first().getAttribute("href")).toBe("tel:03031231113");

    // Riverside has not set how long it keeps complaints: the notice says so, it does not guess.
    await page.goto(`${baseUrl}/council`);
    await page.getByRole("radio", { name: "Riverside Children's Trust" }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByText("Your complaint will go to Riverside Children's Trust.").waitFor();
    await page.goto(`${baseUrl}/privacy`);
    await page.getByTestId("privacy-child").getByText("Riverside Children's Trust looks after what you send.", { exact: false }).waitFor();
    expect(await page.getByTestId("retention-child").innerText()).toBe("How long the council keeps your complaint: the council has not said yet.");
    expect(await page.getByTestId("retention-full").innerText()).toBe("The council has not said yet.");
    expect(await page.getByTestId("lawful-basis").innerText()).toBe("The council has not said yet.");
  });
});
