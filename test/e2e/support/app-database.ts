import type { Page } from "playwright-core";
import { vi } from "vitest";

/** Whether the app's IndexedDB exists on this device, asked without opening (so making) it. */
export async function hasAppDatabase(page: Page): Promise<boolean> {
  return page.evaluate(async () => (await indexedDB.databases()).some((database) => database.name === "speak-up"));
}

/**
 * Make sure the app's IndexedDB exists, with its stores, before a test writes into it raw. A first
 * visit to the start page no longer makes it (decision 025); the drafts page does, as it reads the
 * drafts store through the app's own code.
 */
async function openAppDatabase(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/drafts`);
  await page.getByRole("heading", { level: 1, name: "Your drafts" }).waitFor();
  // Listed as soon as the app starts making it; ready once its stores are there. Opened here only
  // once listed: opening a database that does not exist would make an empty one.
  const ready = async () => {
    if (!(await hasAppDatabase(page))) return false;
    return page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const request = indexedDB.open("speak-up");
          request.onsuccess = () => {
            const names = request.result.objectStoreNames;
            request.result.close();
            resolve(names.contains("drafts") && names.contains("settings"));
          };
          request.onerror = () => resolve(false);
        }),
    );
  };
  await vi.waitFor(
    async () => {
      if (!(await ready())) throw new Error("The app has not made its database yet");
    },
    { timeout: 10_000, interval: 100 },
  );
}

/**
 * A draft for example-borough with these answers, on Check your answers and the one Carry on opens,
 * written straight into the app's IndexedDB (the shape db.ts stores, schemaVersion 2). Leaves the
 * page on the drafts page.
 */
export async function writeCurrentDraft(page: Page, baseUrl: string, answers: Record<string, unknown>): Promise<void> {
  await openAppDatabase(page, baseUrl);
  await page.evaluate(async (draftAnswers) => {
    const now = new Date().toISOString();
    const id = crypto.randomUUID();
    const draft = { id, schemaVersion: 2, councilId: "example-borough", answers: draftAnswers, step: "check", createdAt: now, updatedAt: now };
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open("speak-up");
      open.onerror = () => reject(new Error(String(open.error)));
      open.onblocked = () => reject(new Error("blocked"));
      open.onsuccess = () => {
        try {
          const tx = open.result.transaction(["drafts", "settings"], "readwrite");
          tx.objectStore("drafts").put(draft);
          tx.objectStore("settings").put({ key: "currentDraftId", value: id });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
          tx.onabort = () => reject(new Error(`aborted: ${String(tx.error)}`));
        } catch (error) {
          reject(new Error(`${String(error)}; stores: ${[...open.result.objectStoreNames].join(",")} v${open.result.version}`));
        }
      };
    });
  }, answers);
}
