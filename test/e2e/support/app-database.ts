import type { Page } from "playwright-core";
import { vi } from "vitest";

/**
 * Make sure the app's IndexedDB exists, with its stores, before a test writes into it raw. A first
 * visit to the start page no longer makes it (decision 025); the drafts page does, as it reads the
 * drafts store through the app's own code.
 */
export async function openAppDatabase(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/drafts`);
  await page.getByRole("heading", { level: 1, name: "Your drafts" }).waitFor();
  // Listed as soon as the app starts making it; ready once its stores are there. Opened here only
  // once listed: opening a database that does not exist would make an empty one.
  const ready = () =>
    page.evaluate(async () => {
      if (!(await indexedDB.databases()).some((database) => database.name === "speak-up")) return false;
      return new Promise<boolean>((resolve) => {
        const request = indexedDB.open("speak-up");
        request.onsuccess = () => {
          const names = request.result.objectStoreNames;
          request.result.close();
          resolve(names.contains("drafts") && names.contains("settings"));
        };
        request.onerror = () => resolve(false);
      });
    });
  await vi.waitFor(
    async () => {
      if (!(await ready())) throw new Error("The app has not made its database yet");
    },
    { timeout: 10_000, interval: 100 },
  );
}
