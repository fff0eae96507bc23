import { DB_NAME } from "./storage-keys";

/**
 * Whether this device holds anything of Speak Up's in IndexedDB: drafts, the outbox, sent
 * complaints or a chosen council all live in one database, which Dexie makes on first use. `false`
 * only when the browser says for certain that there is no such database (a first visit), so the
 * start page need not load Dexie and the schemas just to learn there is nothing there (issue 9:
 * on a cheap phone those are the longest tasks after the page is drawn). `undefined` when the
 * browser cannot say (no `indexedDB.databases()`, or it failed): callers then read the stores.
 * Asking never creates the database.
 */
export async function hasStoredData(): Promise<boolean | undefined> {
  try {
    if (typeof indexedDB === "undefined" || typeof indexedDB.databases !== "function") return undefined;
    const databases = await indexedDB.databases();
    return databases.some((database) => database.name === DB_NAME);
  } catch {
    return undefined;
  }
}

/**
 * Whether anything is waiting to be sent (the outbox holds a complaint or a request): `false` when
 * nothing is stored or the outbox is empty, `undefined` when that cannot be told (the sender then
 * reads the outbox itself). Anyone with a draft has the database, so `hasStoredData` alone would
 * say yes whenever a question page opens, and the app would load the sender and the complaint's
 * rules for nothing while the page is still busy starting (issue 9).
 */
export async function hasWaitingToSend(): Promise<boolean | undefined> {
  if ((await hasStoredData()) === false) return false;
  try {
    const { db } = await import("./db");
    return (await db.outbox.count()) > 0;
  } catch {
    return undefined;
  }
}
