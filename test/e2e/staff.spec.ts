import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { generate } from "otplib";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { formatLongDate } from "../../src/app/lib/format-date";
import { addWorkingDays, todayIso } from "../../src/domain/calendar";
import { expectNoAxeViolations, launchBrowser, openPage, type WatchedPage } from "./support/browser";
import { JourneyRunner, TO_WHAT_HAPPENED } from "./support/journey";

/**
 * The council's staff area (issue 12) in real Chromium against the real server and database: a
 * child sends a complaint from the phone; an officer made with the command line sets up the
 * account from the one-time link (password, then a TOTP code made here with otplib, the server's
 * own library), signs in, finds the complaint marked new, acknowledges it, agrees more time and
 * records the reply; another council's officer gets "not found" for the same reference. axe runs
 * on every staff page and state, and one officer does everything with the keyboard alone.
 */

const baseUrl = inject("baseUrl");
const dbFile = inject("dbFile");
const root = resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

/** `npm run staff -- add …` against the e2e server's database; returns the set-up link it prints. */
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

/**
 * A TOTP code for `secret`, `stepsAhead` 30-second steps from now. Each code works once, so a
 * sign-in after set-up uses the next step (the server accepts one step either side of now).
 */
function totp(secret: string, stepsAhead = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * stepsAhead });
}

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

/** Staff pages' own checks: axe, and every control at least 44 × 44 CSS pixels. */
async function checkStaffPage(page: Page, label: string): Promise<void> {
  await expectNoAxeViolations(page, `staff: ${label}`);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("button, input, textarea, select, .choices__label")]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 44 || box.width < 44)
      .map(({ el, box }) => `${el.tagName.toLowerCase()}#${el.id || el.textContent?.trim().slice(0, 30)} ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
  expect(small, `staff: ${label}: tap targets under 44px`).toEqual([]);
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `staff: ${label} scrolls sideways`).toBeLessThanOrEqual(widths.client);
}

/** Mouse or keyboard, as the test asks: the keyboard only ever uses Tab, Shift+Tab, arrows, Space and Enter. */
class Staff {
  constructor(
    readonly page: Page,
    private readonly keyboard: boolean,
  ) {}

  async heading(name: string | RegExp): Promise<void> {
    await this.page.getByRole("heading", { level: 1, name }).waitFor();
  }

  private async tabTo(target: Locator): Promise<void> {
    for (let i = 0; i < 120; i++) {
      if (await isFocused(target)) return;
      await this.page.keyboard.press("Tab");
    }
    throw new Error(`Could not reach ${target.toString()} with the Tab key`);
  }

  async fill(label: string | RegExp, value: string): Promise<void> {
    const field = this.page.getByLabel(label, typeof label === "string" ? { exact: true } : undefined);
    if (!this.keyboard) return field.fill(value);
    await this.tabTo(field);
    await this.page.keyboard.press("ControlOrMeta+a");
    await this.page.keyboard.press("Backspace");
    await this.page.keyboard.type(value);
  }

  /** A date field: typed as the browser's date control takes it (day, month, year). */
  async date(label: string, iso: string): Promise<void> {
    const field = this.page.getByLabel(label, { exact: true });
    if (!this.keyboard) return field.fill(iso);
    await this.tabTo(field);
    const [y, m, d] = iso.split("-");
    // Chromium orders the parts by its own language (month first in headless): type day first, and
    // if that was the wrong order go back to the first part (Shift+Tab) and type month first.
    await this.page.keyboard.type(`${d}${m}${y}`);
    if ((await field.inputValue()) !== iso) {
      await this.page.keyboard.press("Shift+Tab");
      await this.page.keyboard.press("Shift+Tab");
      await this.page.keyboard.type(`${m}${d}${y}`);
    }
    expect(await field.inputValue()).toBe(iso);
  }

  /** A select box: Tab to it, then arrow keys until the option is chosen (a closed select changes with the arrows). */
  async select(label: string, option: string): Promise<void> {
    const field = this.page.getByLabel(label, { exact: true });
    if (!this.keyboard) {
      await field.selectOption({ label: option });
      return;
    }
    await this.tabTo(field);
    for (let i = 0; i < 12; i++) {
      if ((await field.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent)) === option) return;
      await this.page.keyboard.press("ArrowDown");
    }
    throw new Error(`Could not choose ${option} in ${label} with the arrow keys`);
  }

  async radio(name: string): Promise<void> {
    const radio = this.page.getByRole("radio", { name, exact: true });
    if (!this.keyboard) return radio.check();
    const group = await radio.getAttribute("name");
    for (let i = 0; i < 120; i++) {
      if (await this.page.evaluate((n) => (document.activeElement as HTMLInputElement | null)?.name === n, group)) break;
      await this.page.keyboard.press("Tab");
    }
    for (let i = 0; i < 10 && !(await isFocused(radio)); i++) await this.page.keyboard.press("ArrowDown");
    await this.page.keyboard.press("Space");
    expect(await radio.isChecked()).toBe(true);
  }

  async press(target: Locator): Promise<void> {
    if (!this.keyboard) return target.click();
    await this.tabTo(target);
    await this.page.keyboard.press("Enter");
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole("button", { name, exact: typeof name === "string" });
  }

  link(name: string | RegExp): Locator {
    return this.page.getByRole("link", { name, exact: typeof name === "string" });
  }

  /** Set up the account from its link; returns the TOTP secret. Checks every step's page. */
  async setUp(link: string, password: string): Promise<string> {
    await this.page.goto(link);
    await this.heading("Choose a password");
    await checkStaffPage(this.page, "set-up: password");
    await this.fill("Password", "too short");
    await this.fill("Type the password again", "too short");
    await this.press(this.button("Continue"));
    await this.page.locator(".error-summary").getByRole("link", { name: "Enter a password of at least 12 characters" }).waitFor();
    expect(await isFocused(this.page.locator(".error-summary"))).toBe(true);
    await checkStaffPage(this.page, "set-up: password too short");
    await this.fill("Password", password);
    await this.fill("Type the password again", password);
    await this.press(this.button("Continue"));
    await this.heading("Set up your authenticator app");
    await checkStaffPage(this.page, "set-up: authenticator");
    const secret = ((await this.page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s+/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await this.link(/open this key/).getAttribute("href")).toMatch(/^otpauth:\/\/totp\/.+secret=/);
    await this.fill("Security code", await totp(secret));
    await this.press(this.button("Confirm"));
    await this.heading("Save your recovery codes");
    await checkStaffPage(this.page, "set-up: recovery codes");
    expect(await this.page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").count()).toBe(10);
    return secret;
  }

  async signIn(email: string, password: string, secret: string): Promise<void> {
    await this.heading("Sign in");
    await checkStaffPage(this.page, "sign in");
    await this.fill("Email address", email);
    await this.fill("Password", "not the password at all");
    await this.press(this.button("Continue"));
    await this.page.locator(".error-summary").getByRole("link", { name: "The email address or password is not right" }).waitFor();
    await checkStaffPage(this.page, "sign in: wrong password");
    await this.fill("Password", password);
    await this.press(this.button("Continue"));
    await this.heading("Enter your security code");
    await checkStaffPage(this.page, "sign in: security code");
    await this.fill("Security code", await totp(secret, 1));
    await this.press(this.button("Sign in"));
  }
}

describe("the staff area, in real Chromium against the real server", () => {
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
    for (const w of watched.splice(0)) {
      expect(w.foreignRequests).toEqual([]);
      // The browser logs each 4xx the tests cause on purpose (a wrong password, a refused event, not found).
      expect(w.errors.filter((e) => !/^Failed to load resource: the server responded with a status of 40[1349]/.test(e))).toEqual([]);
    }
    for (const context of contexts.splice(0)) await context.close();
  });

  async function open(width = 1024): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 800 }, locale: "en-GB" });
    contexts.push(context);
    const w = await openPage(context, baseUrl);
    watched.push(w);
    return w.page;
  }

  async function childSends(story: string): Promise<{ reference: string; phone: Page }> {
    const page = await open(390);
    await page.goto(baseUrl);
    const journey = new JourneyRunner(page);
    await journey.run([
      ...TO_WHAT_HAPPENED,
      { heading: "What happened?", actions: [{ fill: "Tell us what happened, in your own words", value: story }] },
      { heading: "What would put things right for you? (optional)" },
      { heading: /easier for you to take part/ },
      { heading: "Would you like a free advocate?", actions: [{ radio: "No, thank you" }] },
      {
        heading: "How should the council contact you about your complaint?",
        actions: [{ radio: "Email" }, { fill: "Email address", value: "jay@example.org" }],
      },
    ]);
    return { reference: await journey.send(), phone: page };
  }

  /** The child asks for Stage 2 from Your complaints on the phone. */
  async function childAsksForStage2(phone: Page, reference: string): Promise<void> {
    await phone.getByRole("navigation", { name: "Help with complaining" }).getByRole("link", { name: "Your complaints" }).click();
    await phone.getByRole("link", { name: new RegExp(`See where it is and what happens next\\s*for complaint ${reference}`) }).click();
    await phone.getByRole("heading", { name: `Complaint ${reference}` }).waitFor();
    // What the officer recorded reaches the phone: the reply's date and what it said, the Stage 2
    // window counted from that day, and no "late".
    const today = todayIso(new Date());
    await phone
      .getByTestId("replied")
      .getByText(`The council replied on ${formatLongDate(today, "en-GB")}.`)
      .waitFor({ timeout: 15_000 });
    await phone.getByText("The council agreed with part of your complaint.").waitFor();
    expect(await phone.getByTestId("ask-by").textContent()).toContain(`ask for Stage 2 by ${formatLongDate(addWorkingDays(today, 20), "en-GB")}`);
    expect(await phone.getByRole("heading", { name: "The council is late" }).count()).toBe(0);
    await expectNoAxeViolations(phone, "phone: the complaint after the council's reply");
    await phone.getByRole("link", { name: "I'm not happy with the reply" }).click();
    await phone.getByRole("heading", { name: "Ask for Stage 2" }).waitFor();
    await phone.getByLabel("Why are you not happy with the reply?").fill("The reply did not answer what I asked.");
    await phone.getByRole("button", { name: "Send my request" }).click();
    await phone.getByTestId("stage").getByText("Stage 2: someone from outside looks into it").waitFor({ timeout: 15_000 });
  }

  it("a child's complaint reaches the officer, who (by keyboard alone) acknowledges it, agrees more time and records the reply; the child asks for Stage 2; another council's officer cannot see it", async () => {
    const story = "They moved me and nobody asked me. <script>alert('x')</script> I miss my school.";
    const { reference, phone } = await childSends(story);

    const link = await addStaff("example-borough", "officer.e2e@example.gov.uk", "officer");
    const page = await open();
    // The officer does everything with the keyboard alone.
    const staff = new Staff(page, true);
    const password = "a long staff password for e2e";
    const secret = await staff.setUp(link, password);
    await staff.press(staff.link("I have saved my codes: sign in"));
    await staff.signIn("officer.e2e@example.gov.uk", password, secret);

    // The inbox: the child's complaint, marked new.
    await staff.heading("Complaints");
    await checkStaffPage(page, "inbox");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: reference }) });
    await row.waitFor();
    expect(await row.textContent()).toContain("New");
    expect(await row.textContent()).toContain("Child or young person");
    expect(await row.textContent()).toMatch(/(Acknowledgement|Reply) by \w{3} \d{1,2} \w{3} \d{4}/);

    // Filters: one that matches nothing says so.
    await staff.select("State", "Closed");
    await staff.press(staff.button("Apply filters"));
    await page.getByText("No complaints match these filters.").waitFor();
    await checkStaffPage(page, "inbox: no matches");
    await staff.press(staff.link("Clear filters"));
    await row.waitFor();

    // The case page: the child's words as text, never as HTML.
    await staff.press(row.getByRole("link", { name: reference }));
    await staff.heading(new RegExp(reference));
    await checkStaffPage(page, "case");
    const words = page.getByText(story, { exact: true });
    expect(await words.getAttribute("dir")).toBe("auto");
    expect(await page.locator("main script").count()).toBe(0);

    // Acknowledge.
    await staff.press(staff.link("Acknowledged"));
    await staff.heading(/Acknowledged/);
    await checkStaffPage(page, "record: acknowledged");
    await staff.press(staff.button("Save"));
    await page.getByText("Recorded: Acknowledged").waitFor();
    await checkStaffPage(page, "case: recorded");

    // More time: beyond the council's maximum is refused, naming the field; then a real date.
    const today = todayIso(new Date());
    await staff.press(staff.link("More time agreed"));
    await staff.heading(/More time agreed/);
    await staff.date("New date the reply is due", addWorkingDays(today, 40));
    await staff.fill("Reason", "We are waiting for records from another team.");
    await staff.press(staff.button("Save"));
    const summary = page.locator(".error-summary");
    await summary.waitFor();
    expect(await isFocused(summary)).toBe(true);
    expect(await page.title()).toMatch(/^Error: /);
    await checkStaffPage(page, "record: more time, refused");
    expect(await page.getByLabel("Reason").inputValue()).toBe("We are waiting for records from another team.");
    const extended = addWorkingDays(today, 15);
    await staff.date("New date the reply is due", extended);
    await staff.press(staff.button("Save"));
    await page.getByText("Recorded: More time agreed").waitFor();

    // The reply.
    await staff.press(staff.link("Replied (stage response)"));
    await staff.heading(/Replied/);
    await staff.radio("Partly upheld");
    await staff.press(staff.button("Save"));
    await page.getByText("Recorded: Replied (stage response)").waitFor();
    const timeline = page.getByRole("region", { name: "What has happened" });
    for (const entry of ["Complaint received", "Acknowledged", "More time agreed", "Replied (stage response)"]) {
      await timeline.getByRole("heading", { name: entry, exact: true }).waitFor();
    }
    expect(await timeline.textContent()).toContain("Partly upheld");
    expect(await timeline.textContent()).toContain("Recorded by officer.e2e@example.gov.uk");

    // The case as a file to keep (recorded in the audit trail as an export).
    const [download] = await Promise.all([page.waitForEvent("download"), staff.press(staff.link("Download this case as a file (JSON)"))]);
    expect(download.suggestedFilename()).toBe(`${reference}.json`);
    const exported = JSON.parse(readFileSync((await download.path()) ?? "", "utf8")) as { reference: string };
    expect(exported.reference).toBe(reference);

    // Back in the inbox: no longer new, and replied.
    await staff.press(staff.link("Complaints"));
    await row.waitFor();
    expect(await row.textContent()).not.toContain("New");
    expect(await row.textContent()).toContain("Replied");

    // The child is not happy with the reply and asks for Stage 2 from the phone; the officer sees it.
    await childAsksForStage2(phone, reference);
    await page.reload();
    await row.waitFor();
    expect(await row.textContent()).toContain("Stage 2");
    await staff.press(row.getByRole("link", { name: reference }));
    await timeline.getByRole("heading", { name: "Stage 2 asked for" }).waitFor();
    expect(await timeline.textContent()).toContain("The reply did not answer what I asked.");
    await checkStaffPage(page, "case at stage 2");

    // Another council's officer: the same reference is simply not found, in the inbox and by address.
    const otherLink = await addStaff("northmoor", "officer.e2e@northmoor.gov.uk", "officer");
    const otherPage = await open();
    const other = new Staff(otherPage, false);
    const otherSecret = await other.setUp(otherLink, "northmoor officer password");
    await otherPage.goto(`${baseUrl}/staff/complaints/${reference}`);
    // Not signed in yet: sign in, then come back to the same address.
    await other.signIn("officer.e2e@northmoor.gov.uk", "northmoor officer password", otherSecret);
    await other.heading("Not found");
    expect(new URL(otherPage.url()).pathname).toBe(`/staff/complaints/${reference}`);
    await checkStaffPage(otherPage, "not found");
    await otherPage.goto(`${baseUrl}/staff/?q=${reference}`);
    await otherPage.getByText("No complaints match these filters.").waitFor();
    expect(await otherPage.getByText(reference).count()).toBe(0);

    // Sign out: the pages need signing in again.
    await staff.press(staff.button("Sign out"));
    await staff.heading("You have signed out");
    await checkStaffPage(page, "signed out");
    await page.goto(`${baseUrl}/staff/`);
    await staff.heading("Sign in");
  });

  it("a manager invites an officer, sees the staff list and the audit trail; all by keyboard", async () => {
    const link = await addStaff("example-borough", "manager.e2e@example.gov.uk", "manager");
    const page = await open();
    const staff = new Staff(page, true);
    const password = "a long manager password";
    const secret = await staff.setUp(link, password);
    await staff.press(staff.link("I have saved my codes: sign in"));
    await staff.signIn("manager.e2e@example.gov.uk", password, secret);
    await staff.heading("Complaints");

    await staff.press(staff.link("Staff accounts"));
    await staff.heading("Staff accounts");
    await checkStaffPage(page, "staff accounts");
    await staff.press(staff.link("Invite someone"));
    await staff.heading("Invite someone");
    await staff.press(staff.button("Invite"));
    await page.locator(".error-summary").getByRole("link", { name: "Enter their email address" }).waitFor();
    await checkStaffPage(page, "invite: errors");
    await staff.fill("Their work email address", "new.officer@example.gov.uk");
    await staff.radio("Complaints officer");
    await staff.press(staff.button("Invite"));
    await staff.heading("Invitation made");
    await checkStaffPage(page, "invite: done");
    expect(await page.getByTestId("setup-link").textContent()).toMatch(/\/staff\/setup#token=/);

    await staff.press(staff.link("Back to staff accounts"));
    await page.getByRole("row").filter({ hasText: "new.officer@example.gov.uk" }).waitFor();
    await staff.press(staff.link("Remove new.officer@example.gov.uk"));
    await staff.heading("Remove this account?");
    await checkStaffPage(page, "remove account");
    await staff.press(staff.button("Remove account"));
    await staff.heading("Staff accounts");
    await page.getByRole("row").filter({ hasText: "manager.e2e@example.gov.uk" }).waitFor();
    expect(await page.getByRole("row").filter({ hasText: "new.officer@example.gov.uk" }).count()).toBe(0);

    await staff.press(staff.link("Audit trail"));
    await staff.heading("Audit trail");
    await page.getByRole("table").waitFor();
    await checkStaffPage(page, "audit trail");
    expect(await page.getByRole("table").textContent()).toContain("Invited");

    // On a 320px-wide screen nothing scrolls sideways: wide tables scroll inside their own box.
    await page.setViewportSize({ width: 320, height: 640 });
    await checkStaffPage(page, "audit trail at 320px");
    await staff.press(staff.link("Complaints"));
    await staff.heading("Complaints");
    // The list, or its empty state when this test runs on its own.
    await page.getByText(/^(\d+ complaints?|There are no complaints yet\.)$/).waitFor();
    await checkStaffPage(page, "inbox at 320px");

    await staff.press(staff.button("Sign out everywhere"));
    await staff.heading("You have signed out");
  });

  it("keeps the staff area out of the child's app: not in the precache, served fresh from the server, never by the service worker", async () => {
    const sw = readFileSync(join(root, process.env.STATIC_DIR ?? "dist", "sw.js"), "utf8");
    const precached = [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(precached.length).toBeGreaterThan(10);
    expect(precached.filter((url) => url.includes("staff"))).toEqual([]);
    const report = JSON.parse(readFileSync(join(root, "build/first-load.json"), "utf8")) as { appModulesBytes: Record<string, number> };
    expect(Object.keys(report.appModulesBytes).filter((id) => id.includes("staff"))).toEqual([]);

    for (const path of ["/staff", "/staff/", "/staff/complaints/SU-2345-6789"]) {
      const response = await fetch(`${baseUrl}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.text()).toContain("/staff/assets/");
    }

    // With the child's service worker installed and in control, a staff page still comes from the network.
    const page = await open();
    await page.goto(baseUrl);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    const response = await page.goto(`${baseUrl}/staff/sign-in`);
    expect(response?.fromServiceWorker()).toBe(false);
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const urls: string[] = [];
      for (const name of names) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      return urls;
    });
    expect(cached.length).toBeGreaterThan(0);
    expect(cached.filter((url) => url.includes("/staff"))).toEqual([]);
  });
});
