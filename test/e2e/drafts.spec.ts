import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CHROME_ARGS, CHROME_PATH, expectNoAxeViolations, launchBrowser, openPage } from "./support/browser";
import { JourneyRunner, TO_WHAT_HAPPENED } from "./support/journey";

const baseUrl = inject("baseUrl");

/** Everything in the app's IndexedDB, read raw from the page (no app code involved). */
async function dumpIndexedDb(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const request = indexedDB.open("speak-up");
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const database = request.result;
          const names = [...database.objectStoreNames];
          const out: Record<string, unknown[]> = {};
          if (names.length === 0) {
            database.close();
            resolve(out);
            return;
          }
          const tx = database.transaction(names, "readonly");
          for (const name of names) {
            const all = tx.objectStore(name).getAll();
            all.onsuccess = () => {
              out[name] = all.result as unknown[];
            };
          }
          tx.oncomplete = () => {
            database.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

const STORY = "Nobody told me I was moving until the day before. I want to say goodbye to my friends.";

describe("drafts that are never lost, in real Chromium with real IndexedDB", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("keeps what was typed when the browser is closed without warning, and opens it with Carry on", async () => {
    const profile = mkdtempSync(join(tmpdir(), "speak-up-profile-"));
    const launch = () =>
      chromium.launchPersistentContext(profile, { executablePath: CHROME_PATH, headless: true, args: CHROME_ARGS, viewport: { width: 1024, height: 800 } });
    try {
      let context: BrowserContext = await launch();
      let page = context.pages()[0] ?? (await context.newPage());
      await page.goto(baseUrl);
      await new JourneyRunner(page).run(TO_WHAT_HAPPENED);
      const field = page.getByLabel("Tell us what happened, in your own words");
      await field.waitFor();
      // Type, then close within moments: no Continue, no waiting for "Saved on this phone" (autosave
      // promises to save within 300 ms of a change).
      await field.pressSequentially(STORY, { delay: 0 });
      await page.waitForTimeout(350);
      await context.close();

      context = await launch();
      page = context.pages()[0] ?? (await context.newPage());
      await page.goto(baseUrl);
      await page.getByRole("button", { name: "Carry on with your complaint" }).click();
      await page.getByRole("heading", { name: "What happened?" }).waitFor();
      expect(await page.getByLabel("Tell us what happened, in your own words").inputValue()).toBe(STORY);
      await context.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it("saves and opens drafts with no connection, and lists many drafts", async () => {
    const context = await browser.newContext();
    const { page, foreignRequests, errors } = await openPage(context, baseUrl);
    await page.goto(baseUrl);
    await page.getByRole("heading", { name: "Are you in danger now?" }).waitFor();
    // "After one visit": the page is drawn before its code arrives, so wait until the app runs
    // and the service worker holds every page.
    await page.getByRole("button", { name: "Start now" }).waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    const failed: string[] = [];
    page.on("requestfailed", (request) => failed.push(request.url()));
    await context.setOffline(true);
    await new JourneyRunner(page).run(TO_WHAT_HAPPENED);
    await page.getByLabel("Tell us what happened, in your own words").fill(STORY);
    await page.getByText("Saved on this phone").waitFor();

    // Three more drafts, each started from the start page, still offline.
    for (let i = 0; i < 3; i++) {
      await page.getByRole("link", { name: "Speak Up", exact: true }).click();
      await page.getByRole("button", { name: "Start a new one" }).click();
      await page.getByRole("heading", { name: "Who is filling this in?" }).waitFor();
    }
    await page.getByRole("link", { name: "Speak Up", exact: true }).click();
    await page.getByRole("link", { name: /Your drafts/ }).click();
    await page.getByRole("heading", { level: 1, name: "Your drafts" }).waitFor();
    await expectNoAxeViolations(page, "your drafts");

    // Rename one (a mistake first), then start to delete one and keep it.
    await page
      .getByRole("link", { name: /^Rename/ })
      .first()
      .click();
    await page.getByRole("heading", { level: 1, name: "What would you like to call this draft?" }).waitFor();
    await expectNoAxeViolations(page, "rename a draft");
    const labelField = page.getByRole("textbox");
    await labelField.fill("x".repeat(61));
    await page.getByRole("button", { name: "Continue" }).click();
    await page.locator(".error-summary").waitFor();
    await expectNoAxeViolations(page, "rename a draft with an error");
    await labelField.fill("JB");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("heading", { level: 1, name: "Your drafts" }).waitFor();
    await page.getByText("JB", { exact: true }).first().waitFor();
    await page
      .getByRole("link", { name: /^Delete/ })
      .first()
      .click();
    await page.getByRole("heading", { level: 1, name: "Are you sure you want to delete this draft?" }).waitFor();
    await expectNoAxeViolations(page, "delete a draft");
    await page.getByRole("link", { name: "No, keep it" }).click();
    await page.getByRole("heading", { level: 1, name: "Your drafts" }).waitFor();

    const all = await dumpIndexedDb(page);
    expect(all.drafts).toHaveLength(4);
    expect(JSON.stringify(all.drafts)).toContain(STORY);
    expect(foreignRequests).toEqual([]);
    // Offline, only the browser's own favicon refresh fails (the offline app shell is the sync issue's).
    expect(failed.filter((url) => !url.endsWith("/icon.svg"))).toEqual([]);
    expect(errors.filter((e) => !e.includes("ERR_INTERNET_DISCONNECTED"))).toEqual([]);
    await context.close();
  });

  it("the same draft open in two tabs keeps both tabs' changes, and each tab shows the other's", async () => {
    const context = await browser.newContext();
    const first = await openPage(context, baseUrl);
    await first.page.goto(baseUrl);
    await new JourneyRunner(first.page).run(TO_WHAT_HAPPENED);
    await first.page.getByRole("heading", { name: "What happened?" }).waitFor();
    const second = await openPage(context, baseUrl);
    await second.page.goto(`${baseUrl}/complaint/what-happened`);
    await second.page.getByRole("heading", { name: "What happened?" }).waitFor();

    await first.page.getByLabel("Tell us what happened, in your own words").fill(STORY);
    await second.page.getByLabel("Who was involved? (optional)").fill("My social worker");
    await first.page.getByText("Saved on this phone").waitFor();
    await second.page.getByText("Saved on this phone").waitFor();
    // Each tab shows the other's change without a reload (Dexie live queries across tabs).
    await expect.poll(() => second.page.getByLabel("Tell us what happened, in your own words").inputValue()).toBe(STORY);
    await expect.poll(() => first.page.getByLabel("Who was involved? (optional)").inputValue()).toBe("My social worker");
    const stored = (await dumpIndexedDb(first.page)).drafts as Array<{ answers: Record<string, string> }>;
    expect(stored).toHaveLength(1);
    expect(stored[0]?.answers).toMatchObject({ whatHappened: STORY, whatHappenedWho: "My social worker" });
    expect([...first.errors, ...second.errors]).toEqual([]);
    await context.close();
  });

  it("with a PIN, the raw IndexedDB holds none of the typed text; delete everything leaves nothing", async () => {
    const context = await browser.newContext();
    const { page, errors } = await openPage(context, baseUrl);
    await page.goto(baseUrl);
    await new JourneyRunner(page).run(TO_WHAT_HAPPENED);
    await page.getByLabel("Tell us what happened, in your own words").fill(STORY);
    await page.getByText("Saved on this phone").waitFor();

    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
    await expectNoAxeViolations(page, "settings");
    await page.getByRole("link", { name: "Set a PIN" }).click();
    await page.getByRole("heading", { level: 1, name: "Set a PIN" }).waitFor();
    await page.getByRole("button", { name: "Set PIN" }).click();
    await page.locator(".error-summary").waitFor();
    await expectNoAxeViolations(page, "set a PIN with errors");
    await page.getByLabel("Choose a PIN").fill("482715");
    await page.getByLabel("Type your PIN again").fill("482715");
    await page.getByRole("radio", { name: "No, hide the names" }).check();
    await page.getByRole("button", { name: "Set PIN" }).click();
    await page.getByText("Your PIN is set. Your drafts are locked on this phone.").waitFor();

    const sealed = JSON.stringify(await dumpIndexedDb(page));
    for (const word of ["Nobody told me", "goodbye", "friends", "482715"]) expect(sealed).not.toContain(word);

    // Exit this page locks; coming back needs the PIN, and a wrong one reveals nothing.
    await context.route("https://www.bbc.co.uk/**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Weather</h1>" }));
    await page.getByRole("button", { name: "Exit this page" }).click();
    await page.waitForURL("https://www.bbc.co.uk/weather");
    await page.goto(`${baseUrl}/complaint/what-happened`);
    // This tab left through Exit this page: first the neutral page, then the PIN.
    await page.getByRole("heading", { level: 1, name: "Welcome back" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain("goodbye");
    await page.getByRole("button", { name: "Carry on", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Enter your PIN" }).waitFor();
    await expectNoAxeViolations(page, "unlock");
    await page.getByLabel("PIN").fill("111111");
    await page.getByRole("button", { name: "Unlock" }).click();
    await page
      .locator(".error-summary")
      .getByRole("link", { name: /That PIN is not right/ })
      .waitFor();
    await expectNoAxeViolations(page, "unlock with a wrong PIN");
    expect(await page.getByText(STORY).count()).toBe(0);
    await page.getByLabel("PIN").fill("482715");
    await page.getByRole("button", { name: "Unlock" }).click();
    await page.getByRole("heading", { name: "What happened?" }).waitFor();
    expect(await page.getByLabel("Tell us what happened, in your own words").inputValue()).toBe(STORY);

    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("link", { name: "Delete everything" }).click();
    await page.getByRole("heading", { level: 1, name: "Are you sure you want to delete everything on this phone?" }).waitFor();
    await expectNoAxeViolations(page, "delete everything");
    await page.getByRole("button", { name: "Yes, delete everything" }).click();
    await page.getByRole("heading", { level: 1, name: "Everything is deleted from this phone" }).waitFor();
    const left = await dumpIndexedDb(page);
    expect(Object.values(left).flat()).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
