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
