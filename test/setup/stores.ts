import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { ComplaintStore } from "../../src/server/storage/complaint-store";
import { openStore } from "../../src/server/storage/open-store";

export interface TestStore {
  name: string;
  /** Open a fresh, empty store of this kind. */
  open: () => Promise<{ store: ComplaintStore; url: string; cleanup: () => Promise<void> }>;
}

/**
 * The stores every server test runs against: SQLite always, PostgreSQL when TEST_DATABASE_URL is
 * set (.ci/run starts one). Each PostgreSQL store gets its own schema so test files can run in parallel.
 */
export function testStores(): TestStore[] {
  const stores: TestStore[] = [
    {
      name: "sqlite",
      async open() {
        const dir = mkdtempSync(join(tmpdir(), "speak-up-test-"));
        const url = `sqlite:${join(dir, "complaints.db")}`;
        const store = await openStore(url);
        return {
          store,
          url,
          cleanup: async () => {
            await store.close().catch(() => {});
            rmSync(dir, { recursive: true, force: true });
          },
        };
      },
    },
  ];
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    stores.push({
      name: "postgres",
      async open() {
        const schema = `t_${Math.random().toString(36).slice(2, 10)}`;
        const admin = new pg.Client({ connectionString: base });
        await admin.connect();
        await admin.query(`CREATE SCHEMA ${schema}`);
        await admin.end();
        const url = `${base}${base.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
        const store = await openStore(url);
        return {
          store,
          url,
          cleanup: async () => {
            await store.close().catch(() => {});
            const dropper = new pg.Client({ connectionString: base });
            await dropper.connect();
            await dropper.query(`DROP SCHEMA ${schema} CASCADE`);
            await dropper.end();
          },
        };
      },
    });
  }
  return stores;
}
