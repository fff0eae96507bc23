import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, watchedBrowser } from "./support/browser";

const baseUrl = inject("baseUrl");

/**
 * The real councils from the seed pages (issue 13 item 5), chosen in real Chromium: the start page
 * shows only the numbers each council's page publishes, and 999 and Childline always.
 */
describe("choosing a real council, in real Chromium", () => {
  const chromium = watchedBrowser(baseUrl);

  async function choose(page: Page, name: string) {
    await page.goto(`${baseUrl}/council`);
    await page.getByRole("radio", { name }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByText(`Your complaint will go to ${name}.`).waitFor();
  }

  const dangerLinks = async (page: Page) => {
    const box = page.getByRole("region", { name: "Are you in danger now?" });
    await box.waitFor();
    return box.getByRole("link").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  };

  it("offers them in the picker, and shows each one's published numbers on the start page, passing axe", async () => {
    const watched = await chromium.open({ viewport: { width: 320, height: 740 } });
    const page = watched.page;
    await page.goto(`${baseUrl}/council`);
    for (const name of ["Birmingham Children's Trust", "Cambridgeshire County Council", "Norfolk County Council"]) {
      await page.getByRole("radio", { name }).waitFor();
    }
    await expectNoAxeViolations(page, "/council with the real councils");

    await choose(page, "Cambridgeshire County Council");
    expect(await dangerLinks(page)).toEqual(["tel:999", "tel:08001111", "tel:03450455203"]);
    await expectNoAxeViolations(page, "/ for Cambridgeshire");

    // Norfolk's page publishes neither number: 999 and Childline only, never an empty link.
    await choose(page, "Norfolk County Council");
    expect(await dangerLinks(page)).toEqual(["tel:999", "tel:08001111"]);
    await expectNoAxeViolations(page, "/ for Norfolk");

    await page.goto(`${baseUrl}/privacy`);
    await page.getByTestId("privacy-full").getByText("Norfolk County Council is the data controller", { exact: false }).waitFor();
    expect(await page.getByText("own privacy notice").count()).toBe(0);
    await expectNoAxeViolations(page, "/privacy for Norfolk");
  });
});
