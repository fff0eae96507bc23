import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startServer, type StartedServer } from "../setup/e2e-server";
import { writeCurrentDraft } from "./support/app-database";
import { launchBrowser, openPage } from "./support/browser";
import { JourneyRunner } from "./support/journey";
import { pdfText } from "./support/pdf-text";

/**
 * Keeping track (issue 15), in real Chromium against the real server: the access code beside the
 * reference, a copy to keep (the printed page and the PDF), and Check a complaint from a second
 * browser profile with no storage at all.
 */

let browser: Browser;
let dir: string;
let server: StartedServer;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "speak-up-keep-"));
  server = await startServer(join(dir, "complaints.db"));
});
afterEach(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const CHILDS_WORDS = "I want to see my sister every week, not once a month.";

/** An advocate's draft for a child, written straight into the app's IndexedDB, ready for Check your answers. */
async function seedAdvocateDraft(page: Page, baseUrl: string, child: { name: string; topic: string; story: string }): Promise<void> {
  await page.goto(baseUrl);
  await page
    .getByRole("button", { name: /^(Start now|Carry on)/ })
    .first()
    .waitFor();
  await writeCurrentDraft(page, baseUrl, {
    role: "advocate",
    inDanger: "no",
    childSituation: "looked-after",
    topics: [child.topic],
    when: "under-12-months",
    proceedings: [],
    childName: child.name,
    childAge: "12",
    childAgreement: "agrees",
    howChecked: "We talked at the contact centre.",
    childsWords: CHILDS_WORDS,
    whatHappened: child.story,
    contactMethod: "none",
  });
}

async function newContext(): Promise<BrowserContext> {
  // No service worker, so every request is the page's own; offline.spec.ts covers the worker.
  return browser.newContext({ serviceWorkers: "block", viewport: { width: 1024, height: 800 }, acceptDownloads: true });
}

describe("keeping track of a complaint (issue 15)", () => {
  it("an advocate sends, keeps a copy (page and PDF), and a second profile follows it by reference and access code", async () => {
    const context = await newContext();
    const { page, foreignRequests, errors } = await openPage(context, server.url);
    const runner = new JourneyRunner(page);
    await seedAdvocateDraft(page, server.url, {
      name: "Jamie Rivers",
      topic: "decision",
      story: "Contact with my client's sister was cut without asking them.",
    });
    await page.goto(new URL("/complaint/check", server.url).href);
    await page.getByRole("heading", { name: "Check your answers before you send" }).waitFor();
    await page.getByRole("button", { name: "Send complaint" }).click();

    await page.waitForURL(/\/complaint\/sent\/SU-/, { timeout: 5000 }).catch(async (e: unknown) => {
      throw new Error(`${String(e)}\n${await page.locator("main").innerText()}`);
    });
    await page.getByRole("heading", { name: "Complaint sent" }).waitFor();
    const reference = (await page.getByTestId("reference").textContent()) ?? "";
    const accessCode = (await page.getByTestId("access-code").textContent()) ?? "";
    expect(accessCode).toMatch(/^[2-9A-Z]{4} [2-9A-Z]{4} [2-9A-Z]{4} [2-9A-Z]{4}$/);
    await page.getByText("Write this code down or take a photo of it", { exact: false }).waitFor();
    await runner.checkPage("confirmation with the access code");

    // A copy to keep: what was sent, fetched from the server with this device's token.
    await page.getByRole("link", { name: "Save a copy of what you sent" }).click();
    await page.getByRole("heading", { name: `Copy of complaint ${reference}` }).waitFor();
    const copy = page.getByTestId("copy");
    await copy.getByText(CHILDS_WORDS).waitFor();
    await copy.getByText(accessCode).waitFor();
    await copy.getByText("This copy holds personal details", { exact: false }).waitFor();
    await copy.getByText("Example Borough Council").first().waitFor();
    await runner.checkPage("the copy to keep");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download a PDF" }).click()]);
    expect(download.suggestedFilename()).toBe(`speak-up-${reference}.pdf`);
    const pdf = readFileSync((await download.path()) ?? "");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // Read through each embedded font's ToUnicode map, as a PDF reader does.
    const text = (await pdfText(pdf)).replace(/\s+/g, " ");
    expect(text).toContain(reference);
    expect(text).toContain(CHILDS_WORDS);
    expect(text).toContain("This copy holds personal details");
    await page.getByText("The PDF has been saved to your downloads.").waitFor();
    await runner.checkPage("the copy, PDF made");
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);

    // A second profile with no storage at all follows the complaint by reference and access code.
    const other = await newContext();
    const second = await openPage(other, server.url);
    const otherRunner = new JourneyRunner(second.page);
    await second.page.goto(new URL("/check", server.url).href);
    await second.page.getByRole("heading", { level: 1, name: "Check a complaint" }).waitFor();
    await otherRunner.checkPage("check a complaint");
    await second.page.getByRole("button", { name: "Check the complaint" }).click();
    await second.page.locator(".error-summary").getByRole("link", { name: "Enter the reference number" }).waitFor();
    await otherRunner.checkPage("check a complaint, nothing typed");

    await second.page.getByLabel("Reference number").fill(reference);
    await second.page.getByLabel("Access code").fill("2222 2222 2222 2222");
    await second.page.getByRole("button", { name: "Check the complaint" }).click();
    await second.page
      .locator(".error-summary")
      .getByRole("link", { name: /^We couldn't find that complaint/ })
      .waitFor();
    await otherRunner.checkPage("check a complaint, wrong code");

    await second.page.getByLabel("Reference number").fill(reference.toLowerCase());
    await second.page.getByLabel("Access code").fill(accessCode.replaceAll(" ", "").toLowerCase());
    await second.page.getByRole("button", { name: "Check the complaint" }).click();
    await second.page.getByRole("heading", { level: 1, name: "Complaint found" }).waitFor();
    await otherRunner.checkPage("check a complaint, found");
    await second.page.getByRole("link", { name: "See where the complaint is" }).click();
    await second.page.getByRole("heading", { level: 1, name: `Complaint ${reference}` }).waitFor();
    await second.page.getByTestId("stage").getByText("Stage 1", { exact: false }).waitFor();
    expect(await second.page.getByTestId("reply-by").textContent()).toMatch(/^The council should reply by .*\d{1,2} [A-Z][a-z]+ \d{4}\.$/);
    await second.page.getByText(/Last checked/).waitFor();
    await otherRunner.checkPage("a followed complaint");

    // It can change the access code: the new one works, the old one stops.
    await second.page.getByRole("button", { name: "Make a new access code" }).click();
    await second.page.getByText("Your new access code is ready", { exact: false }).waitFor();
    const newCode = (await second.page.getByTestId("access-code").textContent()) ?? "";
    expect(newCode).not.toBe(accessCode);
    await otherRunner.checkPage("a followed complaint, new access code");
    const tries = await second.page.evaluate(
      async ({ reference, codes }) =>
        Promise.all(
          codes.map(
            async (accessCode) =>
              (
                await fetch("/api/v1/complaint-checks", {
                  method: "POST",
                  headers: { "Content-Type": "application/json" },
                  body: JSON.stringify({ reference, accessCode }),
                })
              ).status,
          ),
        ),
      { reference, codes: [accessCode, newCode] },
    );
    expect(tries).toEqual([404, 200]);
    expect(second.foreignRequests).toEqual([]);
    expect(second.errors.filter((e) => !/404/.test(e))).toEqual([]);
    await other.close();
    await context.close();
  });

  it("an advocate with three drafts sees three names, sends one offline, and sees its name while waiting and once sent", async () => {
    const context = await newContext();
    const { page, foreignRequests } = await openPage(context, server.url);
    const runner = new JourneyRunner(page);
    await seedAdvocateDraft(page, server.url, { name: "Priya Shah", topic: "delay", story: "The review has been put off three times." });
    await seedAdvocateDraft(page, server.url, { name: "Tom Okafor", topic: "staff", story: "The social worker shouted at my client." });
    await seedAdvocateDraft(page, server.url, { name: "Jamie Rivers", topic: "decision", story: "Contact with my client's sister was cut." });

    await page.goto(new URL("/drafts", server.url).href);
    await page.getByRole("heading", { level: 1, name: "Your drafts" }).waitFor();
    // The page is drawn at build time; its list comes once the drafts are read from IndexedDB.
    await page.getByRole("heading", { level: 2, name: "J.R.: a decision" }).waitFor();
    const titles = await page.getByRole("heading", { level: 2 }).allTextContents();
    expect(titles.sort()).toEqual(["J.R.: a decision", "P.S.: waiting too long", "T.O.: how someone behaved"]);
    // Never a full name.
    expect(await page.locator("main").innerText()).not.toMatch(/Jamie|Rivers|Priya|Shah|Okafor/);
    await runner.checkPage("three drafts, three names");

    await page.goto(new URL("/complaint/check", server.url).href);
    await page.getByRole("heading", { name: "Check your answers before you send" }).waitFor();
    await context.setOffline(true);
    await page.getByRole("button", { name: "Send complaint" }).click();
    await page.getByText("Your complaint is saved on this phone.", { exact: false }).waitFor();
    await page.getByRole("link", { name: "See your complaints and what is waiting to send" }).click();
    await page.getByRole("heading", { level: 1, name: "Your complaints" }).waitFor();
    await page.getByTestId("outbox-list").getByTestId("complaint-label").getByText("J.R.: a decision").waitFor();
    await runner.checkPage("your complaints, one waiting with its name");

    await context.setOffline(false);
    const sentItem = page.getByTestId("sent-list").getByTestId("sent-item");
    await sentItem.getByRole("heading", { name: "J.R.: a decision" }).waitFor({ timeout: 15_000 });
    await sentItem.getByText(/^Reference SU-/).waitFor();
    expect(await sentItem.getByTestId("next-date").textContent()).toMatch(/^The council should reply by .*\d{4}\.$/);
    await runner.checkPage("your complaints, sent with its name and next date");

    await sentItem.getByRole("link", { name: /See where it is/ }).click();
    await page.getByTestId("complaint-label").getByText("Your name for it: J.R.: a decision").waitFor();
    expect(await page.getByTestId("access-code").textContent()).toMatch(/^[2-9A-Z]{4} [2-9A-Z]{4} [2-9A-Z]{4} [2-9A-Z]{4}$/);
    await runner.checkPage("a sent complaint with its name and access code");
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
