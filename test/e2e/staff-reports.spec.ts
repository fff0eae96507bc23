import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { generate } from "otplib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { todayIso } from "../../src/domain/calendar";
import { expectNoAxeViolations, launchBrowser, openPage, type WatchedPage } from "./support/browser";

/**
 * Exports and the annual report (issue 13) in real Chromium against the real server: complaints
 * sent through the real API; a manager sets up, signs in, downloads an export and reads the report;
 * an officer does not see either. axe on the export page, its error state and the report.
 */

const baseUrl = inject("baseUrl");
const dbFile = inject("dbFile");
const root = resolve(import.meta.dirname, "../..");
const run = promisify(execFile);
const fixture = JSON.parse(readFileSync(join(root, "test/fixtures/complaint.valid.json"), "utf8")) as Record<string, unknown>;

async function addStaff(council: string, email: string, role: "officer" | "manager"): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    [join(root, "node_modules/tsx/dist/cli.mjs"), join(root, "scripts/staff.ts"), "add", "--council", council, "--email", email, "--role", role],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `sqlite:${dbFile}`, PUBLIC_URL: baseUrl },
    },
  );
  const link = /(http\S+\/staff\/setup#token=\S+)/.exec(stdout)?.[1];
  if (!link) throw new Error(`No set-up link in:\n${stdout}`);
  return link;
}

const totp = (secret: string, stepsAhead = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * stepsAhead });

/** Set up from the link and sign in (the staff spec checks each of these pages). */
async function setUpAndSignIn(page: Page, link: string, email: string): Promise<void> {
  const password = "a long enough password";
  await page.goto(link);
  await page.getByRole("heading", { level: 1, name: "Choose a password" }).waitFor();
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Type the password again").fill(password);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("heading", { level: 1, name: "Set up your authenticator app" }).waitFor();
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s+/g, "");
  await page.getByLabel("Security code").fill(await totp(secret));
  await page.getByRole("button", { name: "Confirm" }).click();
  await page.getByRole("heading", { level: 1, name: "Save your recovery codes" }).waitFor();
  await page.goto(`${baseUrl}/staff/sign-in`);
  await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("heading", { level: 1, name: "Enter your security code" }).waitFor();
  await page.getByLabel("Security code").fill(await totp(secret, 1));
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation", { name: "Staff menu" }).waitFor();
}

async function send(councilId: string, overrides: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/complaints`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      ...fixture,
      id: crypto.randomUUID(),
      councilId,
      createdAt: new Date(Date.now() - 60_000).toISOString(),
      submittedAt: new Date().toISOString(),
      ...overrides,
    }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}

describe("exports and the annual report, in real Chromium", () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const watched: WatchedPage[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const w of watched.splice(0)) expect(w.foreignRequests).toEqual([]);
    for (const c of contexts.splice(0)) await c.close();
  });

  async function open(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, locale: "en-GB", acceptDownloads: true });
    contexts.push(context);
    const w = await openPage(context, baseUrl);
    watched.push(w);
    return w.page;
  }

  it("a manager downloads an export and reads the report; an officer sees neither", async () => {
    const council = "riverside";
    const tag = crypto.randomUUID().slice(0, 6);
    const formula = `=SUM(1+1) ${tag}`;
    const first = await send(council, { whatHappened: { text: formula } });
    await send(council, { role: "parent", wantsAdvocate: "yes" });
    const managerEmail = `manager-${tag}@riverside.gov.uk`;
    const page = await open();
    await setUpAndSignIn(page, await addStaff(council, managerEmail, "manager"), managerEmail);

    await page.getByRole("link", { name: "Exports" }).click();
    await page.getByRole("heading", { level: 1, name: "Exports" }).waitFor();
    await expectNoAxeViolations(page, "exports");
    // A reversed range: the error summary and the field say so.
    const [y, m, d] = todayIso(new Date()).split("-");
    await page.locator("#from-day").fill(String(Number(d)));
    await page.locator("#from-month").fill(String(Number(m)));
    await page.locator("#from-year").fill(String(Number(y) + 1));
    await page.locator("#to-day").fill(String(Number(d)));
    await page.locator("#to-month").fill(String(Number(m)));
    await page.locator("#to-year").fill(String(y));
    await page.getByRole("button", { name: "Show downloads" }).click();
    await page.locator(".error-summary").getByRole("link", { name: "The end date must be the same as or after the start date" }).waitFor();
    await expectNoAxeViolations(page, "exports: reversed range");
    await page.locator("#from-year").fill(String(y));
    await page.getByRole("button", { name: "Show downloads" }).click();
    const link = page.getByRole("link", { name: "Complaints (CSV, for spreadsheets)" });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const file = await download.path();
    const text = readFileSync(file, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain(first);
    expect(text).toContain(`'${formula}`);
    expect(text.split("\r\n").filter(Boolean).length).toBeGreaterThanOrEqual(3);

    await page.getByRole("link", { name: "Annual report" }).click();
    await page.getByRole("heading", { level: 1, name: "Annual report" }).waitFor();
    await page.locator("#from-day").fill(String(Number(d)));
    await page.locator("#from-month").fill(String(Number(m)));
    await page.locator("#from-year").fill(String(y));
    await page.locator("#to-day").fill(String(Number(d)));
    await page.locator("#to-month").fill(String(Number(m)));
    await page.locator("#to-year").fill(String(y));
    await page.getByRole("button", { name: "Show the report" }).click();
    const who = page.getByRole("table", { name: "Who complained" });
    await who.waitFor();
    expect(await who.getByRole("row", { name: /^Parent \d+$/ }).textContent()).toMatch(/Parent\s*[1-9]/);
    await expectNoAxeViolations(page, "annual report");
    expect(await page.locator("svg.staff-chart[aria-hidden=true]").count()).toBeGreaterThan(5);

    const officerEmail = `officer-${tag}@riverside.gov.uk`;
    const other = await open();
    await setUpAndSignIn(other, await addStaff(council, officerEmail, "officer"), officerEmail);
    expect(await other.getByRole("link", { name: "Exports" }).count()).toBe(0);
    expect(await other.getByRole("link", { name: "Annual report" }).count()).toBe(0);
  }, 120_000);
});
