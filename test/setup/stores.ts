import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { ComplaintStore } from "../../src/server/storage/complaint-store";
import { openStore } from "../../src/server/storage/open-store";

export interface TestStore {
  name: "sqlite" | "postgres";
  /** Open a fresh, empty store of this kind. */
  open: () => Promise<{ store: ComplaintStore; url: string; cleanup: () => Promise<void> }>;
  /** A fresh database of this kind with no tables at all, not opened (for migration tests). */
  blank: () => Promise<{ url: string; cleanup: () => Promise<void> }>;
}

/** Open the store on a blank database; closing it is part of the cleanup. */
async function openOn(blank: { url: string; cleanup: () => Promise<void> }) {
  const store = await openStore(blank.url);
  return {
    store,
    url: blank.url,
    cleanup: async () => {
      await store.close().catch(() => {});
      await blank.cleanup();
    },
  };
}

/**
 * The stores every server test runs against: SQLite always, PostgreSQL when TEST_DATABASE_URL is
 * set (.ci/run starts one). Each PostgreSQL store gets its own schema so test files can run in parallel.
 */
export function testStores(): TestStore[] {
  // Plain functions, not methods: tests destructure them (`({ open }) => …`).
  const blankSqlite = async () => {
    const dir = mkdtempSync(join(tmpdir(), "speak-up-test-"));
    return {
      url: `sqlite:${join(dir, "complaints.db")}`,
      cleanup: async () => {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  };
  const stores: TestStore[] = [{ name: "sqlite", blank: blankSqlite, open: async () => openOn(await blankSqlite()) }];
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const blankPostgres = async () => {
      const schema = `t_${Math.random().toString(36).slice(2, 10)}`;
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
      const url = `${base}${base.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      return {
        url,
        cleanup: async () => {
          const dropper = new pg.Client({ connectionString: base });
          await dropper.connect();
          await dropper.query(`DROP SCHEMA ${schema} CASCADE`);
          await dropper.end();
        },
      };
    };
    stores.push({ name: "postgres", blank: blankPostgres, open: async () => openOn(await blankPostgres()) });
  }
  return stores;
}
