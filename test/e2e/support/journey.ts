import Database from "better-sqlite3";
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { expectNoAxeViolations } from "./browser";

/**
 * Journeys as data: each page's heading, what the person does there, and (optionally) a first try
 * with a mistake so the error state is checked too. One runner drives them with the mouse or with
 * the keyboard alone, running axe on every page and state it meets.
 */
export type Action = { radio: string } | { checkbox: string } | { fill: string | RegExp; value: string } | { see: string | RegExp };

export interface PageStep {
  heading: string | RegExp;
  path?: string;
  /** Press Continue before answering and expect this error summary link. */
  mistake?: string | RegExp;
  actions?: Action[];
  /** Defaults to "Continue". */
  button?: string;
}

export interface JourneyOptions {
  keyboardOnly?: boolean;
  /** Check that nothing on any page scrolls sideways (e.g. at 320 px wide). */
  noSidewaysScroll?: boolean;
}

/** Asked once per device after the first answer: "No, skip this" carries on. */
export const SKIP_PIN_OFFER: PageStep = { heading: "Does anyone else use this phone?", path: "/settings/shared-phone", button: "No, skip this" };

/** The safety question (issue 16) answered "No", which changes nothing: every walk passes it. */
export const NOT_IN_DANGER: PageStep = { heading: "Is anyone hurting you, or are you in danger now?", path: "/complaint/safety", actions: [{ radio: "No" }] };

/** The same question as someone acting for a child is asked it. */
export const CHILD_NOT_IN_DANGER: PageStep = { heading: "Is the child in danger now?", path: "/complaint/safety", actions: [{ radio: "No" }] };

/** From the start page to "What happened?" as a young person in care: the shortest way into a draft. */
export const TO_WHAT_HAPPENED: PageStep[] = [
  { heading: "Make a complaint about children's social care", button: "Start now" },
  { heading: "Who is filling this in?", actions: [{ radio: "I'm the child or young person" }] },
  SKIP_PIN_OFFER,
  NOT_IN_DANGER,
  { heading: "Which of these is true for you?", actions: [{ radio: "I'm in care" }] },
  { heading: "What is your complaint about?", actions: [{ checkbox: "A decision the council made" }] },
  { heading: "When did it happen?", actions: [{ radio: "In the last 12 months" }] },
  { heading: "Is any of this happening at the moment?", actions: [{ checkbox: "None of these, or I don't know" }] },
  { heading: "What happens next for you" },
];

export function countComplaints(dbFile: string): number {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM complaints").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

export function storedComplaint(dbFile: string, reference: string): Record<string, unknown> {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("SELECT body FROM complaints WHERE reference = ?").get(reference) as { body: string } | undefined;
    if (!row) throw new Error(`No complaint ${reference} in the database`);
    return JSON.parse(row.body) as Record<string, unknown>;
  } finally {
    db.close();
  }
}

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

/** Press Tab until `target` has focus (never clicking), failing after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Could not reach ${target.toString()} with the Tab key`);
}

/** The focused control must show a focus indicator (outline or box-shadow). */
async function expectVisibleFocus(target: Locator): Promise<void> {
  const style = await target.evaluate((el) => {
    const s = getComputedStyle(el);
    return { outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow };
  });
  const visible = (style.outline !== "none" && style.width !== "0px") || style.shadow !== "none";
  expect(visible, `focus indicator on ${target.toString()}`).toBe(true);
}

async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `${label} scrolls sideways at ${widths.client}px`).toBeLessThanOrEqual(widths.client);
}

export class JourneyRunner {
  constructor(
    private readonly page: Page,
    private readonly options: JourneyOptions = {},
  ) {}

  /** Checks for every page and state: axe, and sideways scrolling when asked. */
  async checkPage(label: string): Promise<void> {
    await expectNoAxeViolations(this.page, label);
    // The help pages and the quick exit are on every page.
    const help = this.page.getByRole("navigation", { name: "Help with complaining" });
    expect(await help.getByRole("link", { name: "What happens after I complain" }).count(), `${label}: help link`).toBe(1);
    expect(await help.getByRole("link", { name: "Words you might not know" }).count(), `${label}: words link`).toBe(1);
    expect(await this.page.getByRole("button", { name: "Exit this page" }).count(), `${label}: exit button`).toBe(1);
    // The two notices are in every page's footer (issue 16).
    const footer = this.page.getByRole("contentinfo");
    expect(await footer.getByRole("link", { name: "Accessibility statement" }).count(), `${label}: accessibility statement link`).toBe(1);
    expect(await footer.getByRole("link", { name: "How your information is used" }).count(), `${label}: privacy notice link`).toBe(1);
    // Tap targets: every button, field and choice is at least 44 × 44 CSS pixels.
    const small = await this.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("button, input, textarea, select, .choices__label")]
        .filter((el) => el.offsetParent !== null)
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.height < 44 || box.width < 44)
        .map(({ el, box }) => `${el.tagName.toLowerCase()}#${el.id || el.textContent?.trim().slice(0, 30)} ${Math.round(box.width)}×${Math.round(box.height)}`),
    );
    expect(small, `${label}: tap targets under 44px`).toEqual([]);
    if (this.options.noSidewaysScroll) await expectNoSidewaysScroll(this.page, label);
  }

  async press(button: Locator): Promise<void> {
    if (this.options.keyboardOnly) {
      await tabTo(this.page, button);
      await expectVisibleFocus(button);
      await this.page.keyboard.press("Enter");
    } else {
      await button.click();
    }
  }

  private async chooseRadio(name: string): Promise<void> {
    const radio = this.page.getByRole("radio", { name, exact: true });
    if (!this.options.keyboardOnly) {
      await radio.check();
      return;
    }
    const groupName = await radio.getAttribute("name");
    const group = this.page.locator(`input[type=radio][name="${groupName}"]`);
    // Tab into the group, then arrow through it (arrows choose as they move, as in every browser).
    for (let i = 0; i < 80; i++) {
      const inGroup = await this.page.evaluate((n) => (document.activeElement as HTMLInputElement | null)?.name === n, groupName);
      if (inGroup) break;
      await this.page.keyboard.press("Tab");
    }
    const count = await group.count();
    for (let i = 0; i <= count; i++) {
      if (await isFocused(radio)) break;
      await this.page.keyboard.press("ArrowDown");
    }
    await this.page.keyboard.press("Space");
    expect(await radio.isChecked()).toBe(true);
  }

  private async tick(name: string): Promise<void> {
    const box = this.page.getByRole("checkbox", { name, exact: true });
    if (!this.options.keyboardOnly) {
      await box.check();
      return;
    }
    await tabTo(this.page, box);
    await this.page.keyboard.press("Space");
    expect(await box.isChecked()).toBe(true);
  }

  private async fill(label: string | RegExp, value: string): Promise<void> {
    const field = this.page.getByLabel(label, typeof label === "string" ? { exact: true } : undefined);
    if (!this.options.keyboardOnly) {
      await field.fill(value);
      return;
    }
    await tabTo(this.page, field);
    await expectVisibleFocus(field);
    await this.page.keyboard.type(value);
  }

  async run(steps: PageStep[]): Promise<void> {
    for (const step of steps) {
      const heading = this.page.getByRole("heading", { level: 1, name: step.heading });
      await heading.waitFor();
      if (step.path) expect(new URL(this.page.url()).pathname).toBe(step.path);
      const label = String(step.heading);
      await this.checkPage(label);
      const button = this.page.getByRole("button", { name: step.button ?? "Continue", exact: true });
      if (step.mistake) {
        await this.press(button);
        const summary = this.page.locator(".error-summary");
        await summary.getByRole("link", { name: step.mistake }).waitFor();
        expect(await isFocused(summary)).toBe(true);
        expect(await this.page.title()).toMatch(/^Error: /);
        await this.checkPage(`${label} with an error`);
      }
      for (const action of step.actions ?? []) {
        if ("radio" in action) await this.chooseRadio(action.radio);
        else if ("checkbox" in action) await this.tick(action.checkbox);
        else if ("fill" in action) await this.fill(action.fill, action.value);
        else await this.page.getByText(action.see).first().waitFor();
      }
      await this.press(button);
    }
  }

  /** Send from check answers and return the reference on the confirmation page. */
  async send(): Promise<string> {
    await this.page.getByRole("heading", { level: 1, name: "Check your answers before you send" }).waitFor();
    await this.checkPage("check answers");
    await this.press(this.page.getByRole("button", { name: "Send complaint" }));
    await this.page.getByRole("heading", { level: 1, name: "Complaint sent" }).waitFor();
    await this.checkPage("confirmation");
    const reference = (await this.page.getByTestId("reference").textContent()) ?? "";
    expect(reference).toMatch(/^SU-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    return reference;
  }
}
