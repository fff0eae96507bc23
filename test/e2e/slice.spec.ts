import Database from "better-sqlite3";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, openPage } from "./support/browser";
import { JourneyRunner, NOT_IN_DANGER, SKIP_PIN_OFFER } from "./support/journey";

const baseUrl = inject("baseUrl");
const dbFile = inject("dbFile");

function countComplaints(): number {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM complaints").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function storedBody(reference: string): string {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT body FROM complaints WHERE reference = ?").get(reference) as { body: string }).body;
  } finally {
    db.close();
  }
}

describe("the slice: start → questions → check → send → confirmation", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("keeps the draft across a reload, sends once, shows the reference, and passes axe on every page", async () => {
    const context = await browser.newContext();
    const { page, foreignRequests, errors } = await openPage(context, baseUrl);
    const before = countComplaints();

    await page.goto(baseUrl);
    await page.getByRole("heading", { name: "Are you in danger now?" }).waitFor();
    expect(await page.title()).toBe("Make a complaint about children's social care – Speak Up");
    await expectNoAxeViolations(page, "start page");

    await page.getByRole("button", { name: "Start now" }).click();
    const journey = new JourneyRunner(page);
    await journey.run([
      { heading: "Who is filling this in?", path: "/complaint/who", actions: [{ radio: "I'm the child or young person" }] },
      SKIP_PIN_OFFER,
      NOT_IN_DANGER,
      { heading: "Which of these is true for you?", actions: [{ radio: "I'm in care" }] },
      { heading: "What is your complaint about?", actions: [{ checkbox: "A decision the council made" }] },
      { heading: "When did it happen?", actions: [{ radio: "In the last 12 months" }] },
      { heading: "Is any of this happening at the moment?", actions: [{ checkbox: "None of these, or I don't know" }] },
      { heading: "What happens next for you" },
    ]);
    await page.getByRole("heading", { name: "What happened?" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/complaint/what-happened");

    // Continue with nothing typed: the GOV.UK error pattern.
    await page.getByRole("button", { name: "Continue" }).click();
    const summary = page.locator(".error-summary");
    await summary.getByText("There is a problem").waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.title()).toBe("Error: What happened? – Speak Up");
    await expectNoAxeViolations(page, "what happened with an error");
    const field = page.getByLabel("Tell us what happened, in your own words");
    expect(await field.getAttribute("aria-describedby")).toBeTruthy();
    expect(await page.locator(`#${(await field.getAttribute("aria-describedby"))?.split(" ").pop() ?? ""}`).textContent()).toBe("Error: Tell us what happened");

    // Text with HTML in it is kept as typed and never rendered as HTML; it survives a reload.
    const story = "I was moved to a new home and nobody asked me. <b>Not bold</b> & that's not fair.";
    await field.fill(story);
    await page.getByText("Saved on this phone").waitFor();
    await page.reload();
    await page.getByRole("heading", { name: "What happened?" }).waitFor();
    expect(await field.inputValue()).toBe(story);

    await journey.run([
      { heading: "What happened?" },
      { heading: /What would put things right/ },
      { heading: /easier for you to take part/ },
      { heading: "Would you like a free advocate?", actions: [{ radio: "No, thank you" }] },
      { heading: "How should the council contact you about your complaint?", actions: [{ radio: "Don't contact me" }] },
    ]);
    await page.getByRole("heading", { name: "Check your answers before you send" }).waitFor();
    await page.getByText(story).waitFor();
    expect(await page.locator("b").count()).toBe(0);
    await expectNoAxeViolations(page, "check answers");

    await page.getByRole("button", { name: "Send complaint" }).click();
    await page.getByRole("heading", { name: "Complaint sent" }).waitFor();
    const reference = (await page.getByTestId("reference").textContent()) ?? "";
    expect(reference).toMatch(/^SU-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    await page
      .getByText(/You chose not to be contacted, so the council can.t reply to you\. It should finish looking at your complaint by \w+day \d{1,2} \w+ \d{4}\./)
      .waitFor();
    await expectNoAxeViolations(page, "confirmation");

    // The reference survives a reload (it is read back from IndexedDB).
    await page.reload();
    expect(await page.getByTestId("reference").textContent()).toBe(reference);

    expect(countComplaints()).toBe(before + 1);
    expect(JSON.parse(storedBody(reference)).whatHappened.text).toBe(story);

    // Sending the same complaint again (same id) returns the same reference and stores nothing new.
    const again = await fetch(`${baseUrl}/api/v1/complaints`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: storedBody(reference),
    });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { reference: string }).reference).toBe(reference);
    expect(countComplaints()).toBe(before + 1);

    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
