import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { todayIso } from "../../src/domain/calendar";
import { startServer, type StartedServer } from "../setup/e2e-server";
import { writeCurrentDraft } from "./support/app-database";
import { expectNoAxeViolations, launchBrowser, openPage } from "./support/browser";
import { JourneyRunner } from "./support/journey";

/**
 * Later sync (issue 6), in real Chromium against the real server: its own server on a fixed port
 * (the app's IndexedDB belongs to its origin, so a restarted server must keep the same one) and
 * its own SQLite file, which the tests read to count what arrived. Service workers are blocked in
 * these contexts so Playwright sees every request the page makes; offline.spec.ts covers the
 * service worker.
 */

let browser: Browser;
let dir: string;
let dbFile: string;
let port: number;
let server: StartedServer | undefined;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function start(): Promise<string> {
  server = await startServer(dbFile, { port });
  return server.url;
}

async function stop(): Promise<void> {
  const running = server;
  server = undefined;
  await running?.stop();
}

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
const complaintCount = () => query<{ n: number }>("SELECT COUNT(*) AS n FROM complaints")[0]?.n ?? 0;

/** A draft with every answer the check page needs, written straight into the app's IndexedDB. */
async function seedDraft(page: Page, baseUrl: string, story: string): Promise<void> {
  await page.goto(baseUrl);
  await page.getByRole("heading", { name: "Are you in danger now?" }).waitFor();
  await page
    .getByRole("button", { name: /^(Start now|Carry on)/ })
    .first()
    .waitFor();
  await writeCurrentDraft(page, baseUrl, {
    role: "young-person",
    inDanger: "no",
    childSituation: "looked-after",
    topics: ["decision"],
    when: "under-12-months",
    proceedings: [],
    whatHappened: story,
    wantsAdvocate: "no",
    contactMethod: "none",
  });
}

async function newContext(width = 1024): Promise<BrowserContext> {
  return browser.newContext({ serviceWorkers: "block", viewport: { width, height: 800 } });
}

/** Count the POSTs that reached the server (a try made offline fails in the browser and is not counted) from any page of the context. */
function countPosts(context: BrowserContext, pattern: RegExp): { count: () => number } {
  let n = 0;
  context.on("requestfinished", (request) => {
    if (request.method() === "POST" && pattern.test(new URL(request.url()).pathname)) n++;
  });
  return { count: () => n };
}

/** Open the check page (while online: without a service worker a page cannot load offline). */
async function openCheckPage(page: Page): Promise<void> {
  await page.goto(new URL("/complaint/check", page.url()).href);
  await page.getByRole("heading", { name: "Check your answers before you send" }).waitFor();
}

async function sendFromCheckPage(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Send complaint" }).click();
}

/** Change "Tell us what happened" from Check your answers and come back to it. */
async function changeWhatHappened(page: Page, text: string, heading = "Check your answers before you send"): Promise<void> {
  await page.getByRole("link", { name: /^Change\s*Tell us what happened, in your own words$/ }).click();
  await page.getByLabel("Tell us what happened, in your own words").fill(text);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
}

beforeAll(async () => {
  browser = await launchBrowser();
  port = await freePort();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "speak-up-sync-"));
  dbFile = join(dir, "complaints.db");
  await start();
});
afterEach(async () => {
  await stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("later sync", () => {
  it("sent while offline: saved and shown as waiting; back online it is sent by itself, once", async () => {
    const baseUrl = server?.url ?? "";
    const context = await newContext();
    const { page, foreignRequests } = await openPage(context, baseUrl);
    await seedDraft(page, baseUrl, "Sent from a bus with no signal");
    await openCheckPage(page);
    await context.setOffline(true);
    await sendFromCheckPage(page);
    await page.getByText("Your complaint is saved on this phone. We'll send it as soon as we can reach the council.", { exact: false }).waitFor();
    await expectNoAxeViolations(page, "check page, saved on this phone");

    await page.getByRole("link", { name: "See your complaints and what is waiting to send" }).click();
    await page.getByRole("heading", { name: "Your complaints" }).waitFor();
    const waiting = page.getByTestId("outbox-list");
    await waiting.getByRole("heading", { name: "Complaint to Example Borough Council" }).waitFor();
    await waiting.getByText("Waiting for the internet. We'll send it as soon as you're back online.").waitFor();
    await expectNoAxeViolations(page, "your complaints, one waiting");
    expect(complaintCount()).toBe(0);

    await context.setOffline(false);
    await page
      .getByTestId("sent-list")
      .getByText(/^Reference SU-/)
      .waitFor({ timeout: 15_000 });
    expect(await waiting.count()).toBe(0);
    expect(complaintCount()).toBe(1);
    await expectNoAxeViolations(page, "your complaints, one sent");
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it("a tab that found nothing to send sends what another tab queued and closed offline, once the connection is back", async () => {
    const baseUrl = server?.url ?? "";
    const context = await newContext();
    // This tab opens on a device with nothing stored, and has looked for something to send (at the
    // first idle moment, at most 2 s) before anything is queued.
    const { page: first, foreignRequests } = await openPage(context, baseUrl);
    await first.goto(`${baseUrl}/what-happens`);
    await first.locator("html[data-app-ready]").waitFor({ state: "attached" });
    await first.waitForTimeout(2500);
    // Another tab queues a complaint with no signal and is closed before the signal comes back.
    const { page: second } = await openPage(context, baseUrl);
    await seedDraft(second, baseUrl, "Queued in a tab that was closed");
    await openCheckPage(second);
    await context.setOffline(true);
    await sendFromCheckPage(second);
    await second.getByText("Your complaint is saved on this phone. We'll send it as soon as we can reach the council.", { exact: false }).waitFor();
    await second.close();
    expect(complaintCount()).toBe(0);
    // Back online: the tab left open looks again and sends it, once.
    await context.setOffline(false);
    await vi.waitFor(() => expect(complaintCount()).toBe(1), { timeout: 15_000, interval: 200 });
    await first.waitForTimeout(1000);
    expect(complaintCount()).toBe(1);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it("the server stops with the send in flight (it stored it, the answer was lost), then starts again: sent later, exactly once", async () => {
    const baseUrl = server?.url ?? "";
    const context = await newContext();
    const { page } = await openPage(context, baseUrl);
    await seedDraft(page, baseUrl, "The answer to this one gets lost");
    await openCheckPage(page);
    let cut = false;
    await context.route("**/api/v1/complaints", async (route) => {
      if (cut || route.request().method() !== "POST") return route.continue();
      cut = true;
      // The request reaches the server, which stores it; then the server goes down before the answer arrives.
      await route.fetch();
      await stop();
      await route.abort("connectionreset");
    });
    await sendFromCheckPage(page);
    await page.getByText("Your complaint is saved on this phone. We'll send it as soon as we can reach the council.", { exact: false }).waitFor();
    expect(complaintCount()).toBe(1);

    await start();
    // Sending tries again by itself (the first back-off is 5 seconds).
    await page.waitForURL(/\/complaint\/sent\/SU-/, { timeout: 20_000 });
    const reference = (await page.getByTestId("reference").textContent()) ?? "";
    expect(complaintCount()).toBe(1);
    expect(query<{ reference: string }>("SELECT reference FROM complaints")[0]?.reference).toBe(reference);
    await context.close();
  });

  it("sent offline, the complaint shows as waiting everywhere, and changing it is a step that says what happens (issue 11, bug 4)", async () => {
    const baseUrl = server?.url ?? "";
    const context = await newContext();
    const posts = countPosts(context, /^\/api\/v1\/complaints$/);
    const { page, foreignRequests } = await openPage(context, baseUrl);
    await seedDraft(page, baseUrl, "Queued with no signal");
    await openCheckPage(page);
    await context.setOffline(true);
    await sendFromCheckPage(page);
    const waitingHeading = page.getByRole("heading", { name: "Your complaint is waiting to be sent", level: 1 });
    await waitingHeading.waitFor();
    const expectWaiting = async (label: string) => {
      await waitingHeading.waitFor();
      await page.getByText("We'll send it as soon as we can reach the council.", { exact: false }).first().waitFor();
      expect(await page.getByRole("button", { name: "Send complaint" }).count()).toBe(0);
      expect(await page.getByRole("link", { name: /^Change/ }).count()).toBe(0);
      await page.getByRole("button", { name: "Change my answers", exact: true }).waitFor();
      await expectNoAxeViolations(page, label);
    };
    await expectWaiting("check page, waiting to be sent");
    // After a reload. Without a service worker a page loads only online, so the network is back for
    // the reloads while the pages are told they are offline (navigator.onLine), and send nothing.
    await context.addInitScript(() => {
      if (sessionStorage.getItem("e2e-offline") === "1") Object.defineProperty(navigator, "onLine", { configurable: true, get: () => false });
    });
    await page.evaluate(() => {
      sessionStorage.setItem("e2e-offline", "1");
      Object.defineProperty(navigator, "onLine", { configurable: true, get: () => false });
    });
    await context.setOffline(false);
    await page.reload();
    await expectWaiting("check page after a reload, waiting to be sent");
    // The start page does not offer to carry on with it, and a question's address does not change it.
    await page.goto(baseUrl);
    await page.getByRole("heading", { name: "Waiting to send" }).waitFor();
    expect(await page.getByRole("button", { name: "Carry on with your complaint" }).count()).toBe(0);
    await page.getByRole("link", { name: "See your complaint waiting to be sent" }).waitFor();
    await expectNoAxeViolations(page, "start page, a complaint waiting to be sent");
    await page.goto(new URL("/complaint/what-happened", baseUrl).href);
    await waitingHeading.waitFor();

    // Changing it takes it back: a draft again, sent only when Send is pressed again.
    await page.getByRole("button", { name: "Change my answers", exact: true }).click();
    await page.getByRole("heading", { name: "Check your answers before you send", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Send complaint" }).waitFor();
    expect(complaintCount()).toBe(0);
    expect(posts.count()).toBe(0);
    await page.evaluate(() => {
      sessionStorage.removeItem("e2e-offline");
      Object.defineProperty(navigator, "onLine", { configurable: true, get: () => true });
    });
    await changeWhatHappened(page, "Changed before it was sent");
    await sendFromCheckPage(page);
    await page.waitForURL(/\/complaint\/sent\/SU-/, { timeout: 15_000 });
    const body = query<{ body: string }>("SELECT body FROM complaints")[0]?.body ?? "{}";
    expect((JSON.parse(body) as { whatHappened?: { text?: string } }).whatHappened?.text).toBe("Changed before it was sent");
    expect(complaintCount()).toBe(1);
    expect(posts.count()).toBe(1);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it("words changed after a send whose answer was lost are kept as a draft and offered back (issue 11, bug 2)", async () => {
    const baseUrl = server?.url ?? "";
    const context = await newContext();
    const { page, foreignRequests } = await openPage(context, baseUrl);
    await seedDraft(page, baseUrl, "The words the council gets");
    await openCheckPage(page);
    let cut = false;
    await context.route("**/api/v1/complaints", async (route) => {
      if (cut || route.request().method() !== "POST") return route.continue();
      cut = true;
      // The server stores it, then the signal goes before its answer arrives.
      await route.fetch();
      await context.setOffline(true);
      await route.abort("connectionreset");
    });
    await sendFromCheckPage(page);
    await page.getByRole("heading", { name: "Your complaint is waiting to be sent", level: 1 }).waitFor();
    // It was tried, so the council may already have this version: it is still sent as it is.
    await page.getByText("We have already tried to send it, so the council may have it.", { exact: false }).waitFor();
    await expectNoAxeViolations(page, "check page, waiting, the council may have it");
    await page.getByRole("button", { name: "Change my answers anyway" }).click();
    await page.getByText("We will send your complaint as it was before your changes.", { exact: false }).waitFor();
    await changeWhatHappened(page, "Words I added after pressing Send", "Your complaint is waiting to be sent");

    await context.setOffline(false);
    await page.waitForURL(/\/complaint\/sent\/SU-/, { timeout: 15_000 });
    const body = query<{ body: string }>("SELECT body FROM complaints")[0]?.body ?? "{}";
    expect((JSON.parse(body) as { whatHappened?: { text?: string } }).whatHappened?.text).toBe("The words the council gets");
    expect(complaintCount()).toBe(1);
    await page.getByTestId("later-changes").getByText("Tell the council about your changes.", { exact: false }).waitFor();
    await expectNoAxeViolations(page, "complaint sent, changes kept as a draft");

    await page.goto(new URL("/complaints", baseUrl).href);
    const note = page.getByTestId("sent-list").getByTestId("later-changes");
    await note.getByText("Tell the council about your changes.", { exact: false }).waitFor();
    await expectNoAxeViolations(page, "your complaints, changes kept as a draft");
    await note.getByRole("button", { name: "See your changes" }).click();
    await page.getByRole("heading", { name: "Check your answers before you send" }).waitFor();
    await page.getByText("Words I added after pressing Send").waitFor();
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it("two tabs open with a queued complaint: exactly one POST reaches the server", async () => {
    const baseUrl = server?.url ?? "";
    const context = await newContext();
    const posts = countPosts(context, /^\/api\/v1\/complaints$/);
    const first = await openPage(context, baseUrl);
    await seedDraft(first.page, baseUrl, "Two tabs, one complaint");
    await openCheckPage(first.page);
    // The second tab is open too (without a service worker a page cannot load offline, so it opens first).
    const second = await openPage(context, baseUrl);
    await second.page.goto(new URL("/complaints", baseUrl).href);
    await second.page.getByRole("heading", { name: "Your complaints" }).waitFor();
    await context.setOffline(true);
    await sendFromCheckPage(first.page);
    await first.page.getByText("Your complaint is saved on this phone. We'll send it as soon as we can reach the council.", { exact: false }).waitFor();
    await second.page.getByTestId("outbox-list").getByRole("heading", { name: "Complaint to Example Borough Council" }).waitFor();
    // Back online: both tabs hear it and both try to send.
    await context.setOffline(false);
    await second.page
      .getByTestId("sent-list")
      .getByText(/^Reference SU-/)
      .waitFor({ timeout: 15_000 });
    await first.page.waitForURL(/\/complaint\/sent\/SU-/, { timeout: 15_000 });
    // Give any second sender time to (wrongly) post.
    await second.page.waitForTimeout(1_500);
    expect(complaintCount()).toBe(1);
    expect(posts.count()).toBe(1);
    await context.close();
  });

  it("an offline request for Stage 2 arrives once, and the complaint then shows Stage 2 with its dates (at 320px)", async () => {
    const baseUrl = server?.url ?? "";
    const context = await newContext(320);
    const posts = countPosts(context, /\/escalations$/);
    const { page } = await openPage(context, baseUrl);
    await seedDraft(page, baseUrl, "Then I was not happy with the reply");
    await openCheckPage(page);
    await sendFromCheckPage(page);
    await page.waitForURL(/\/complaint\/sent\/SU-/);
    const reference = (await page.getByTestId("reference").textContent()) ?? "";
    // At 320px the reference stays on one line (issue 11, bug 7), with nothing off the side.
    const referenceLines = await page.getByTestId("reference").evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(referenceLines).toBe(1);
    // The person chose "Don't contact me": nothing says the council will reply to them.
    await page
      .getByTestId("reply-by")
      .getByText(/^You chose not to be contacted, so the council can't reply to you\. It should finish looking at your complaint by /)
      .waitFor();
    expect(await page.getByText(/The council should (reply|tell you)/).count()).toBe(0);
    await new JourneyRunner(page, { noSidewaysScroll: true }).checkPage("complaint sent at 320px, no contact");

    await page.getByRole("navigation", { name: "Help with complaining" }).getByRole("link", { name: "Your complaints" }).click();
    await page.getByRole("link", { name: new RegExp(`See where it is and what happens next\\s*for complaint ${reference}`) }).click();
    await page.getByRole("heading", { name: `Complaint ${reference}` }).waitFor();
    await page.getByTestId("stage").getByText("Stage 1: the council looks at your complaint").waitFor();
    await page.getByText(/^Last checked /).waitFor();
    const runner = new JourneyRunner(page, { noSidewaysScroll: true });
    await runner.checkPage("complaint status, stage 1");

    await context.setOffline(true);
    // No reply recorded by the council yet: the person says one came, and when.
    expect(await page.getByRole("link", { name: "I'm not happy with the reply" }).count()).toBe(0);
    await page.getByRole("link", { name: "I've had a reply from the council" }).click();
    await page.getByRole("heading", { name: "Ask for Stage 2" }).waitFor();
    await page.getByRole("button", { name: "Send my request" }).click();
    await page.getByRole("heading", { name: "There is a problem" }).waitFor();
    await page.locator(".error-summary").getByRole("link", { name: "Enter the date you got the reply" }).waitFor();
    await runner.checkPage("ask for stage 2 with an error");
    await page.getByLabel("Why are you not happy with the reply?").fill("The reply did not answer what I asked.");
    await page.getByLabel("When did you get the council's reply?").fill(todayIso(new Date()));
    await page.getByRole("button", { name: "Send my request" }).click();
    await page.getByText("Your request for Stage 2 is saved on this phone.").waitFor();
    await page.getByText("You're offline, so this is what we knew last time.").waitFor();
    expect(query("SELECT id FROM escalations")).toHaveLength(0);

    await context.setOffline(false);
    await page.getByTestId("stage").getByText("Stage 2: someone from outside looks into it").waitFor({ timeout: 15_000 });
    await page
      .getByTestId("reply-by")
      .getByText(/^The council should reply by /)
      .waitFor();
    await runner.checkPage("complaint status, stage 2");
    expect(query("SELECT to_stage FROM escalations")).toEqual([{ to_stage: 2 }]);
    expect(posts.count()).toBe(1);
    await context.close();
  });

  it("refused by the council (400): says which answer to change, links to it, and sends the corrected answer", async () => {
    const baseUrl = server?.url ?? "";
    const context = await newContext();
    const { page, errors } = await openPage(context, baseUrl);
    await seedDraft(page, baseUrl, "First words the council refused");
    await openCheckPage(page);
    let refused = false;
    await context.route("**/api/v1/complaints", async (route) => {
      if (refused || route.request().method() !== "POST") return route.continue();
      refused = true;
      // As the real server answers a complaint its schema refuses (say its settings changed): nothing stored.
      await route.fulfill({
        status: 400,
        contentType: "application/json",
        body: JSON.stringify({
          error: "invalid-complaint",
          message: "The complaint has problems in: whatHappened.text",
          fields: [{ field: "whatHappened.text", key: "validation:whatHappened.text.required" }],
        }),
      });
    });
    await sendFromCheckPage(page);
    await page.getByRole("heading", { name: "The council could not accept this yet" }).waitFor();
    const summary = page.locator(".error-summary");
    await summary.getByRole("heading", { name: "There is a problem" }).waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.title()).toMatch(/^Error: /);
    await new JourneyRunner(page).checkPage("check answers, refused by the council");
    // The summary's link moves focus to that answer's Change link.
    await summary.getByRole("link", { name: "Tell us what happened" }).click();
    const change = page.getByRole("link", { name: /^Change\s*Tell us what happened, in your own words$/ });
    expect(await change.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(complaintCount()).toBe(0);

    await change.click();
    await page.getByLabel("Tell us what happened, in your own words").fill("Corrected words after the council said no");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("heading", { name: "Check your answers before you send" }).waitFor();
    await sendFromCheckPage(page);
    await page.waitForURL(/\/complaint\/sent\/SU-/);
    const reference = (await page.getByTestId("reference").textContent()) ?? "";
    const stored = query<{ body: string }>("SELECT body FROM complaints WHERE reference = ?", reference)[0];
    expect((JSON.parse(stored?.body ?? "{}") as { whatHappened?: { text?: string } }).whatHappened?.text).toBe("Corrected words after the council said no");
    // The browser logs the refused request itself; the app logs nothing.
    expect(errors.filter((e) => !e.startsWith("Failed to load resource: the server responded with a status of 400"))).toEqual([]);
    await context.close();
  });
});
