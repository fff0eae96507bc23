import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import {
  REFERENCE_ATTEMPTS,
  ReferenceExhaustedError,
  StoreConfigError,
  type ComplaintStore,
  type InsertResult,
  type NewComplaint,
  type StoredComplaint,
} from "./complaint-store";
import { loadMigrations } from "./migrations";

interface Row {
  id: string;
  reference: string;
  council_id: string;
  schema_version: number;
  body: string;
  body_hash: string;
  received_at: string;
}

function toStored(row: Row): StoredComplaint {
  return {
    id: row.id,
    reference: row.reference,
    councilId: row.council_id,
    schemaVersion: row.schema_version,
    body: row.body,
    bodyHash: row.body_hash,
    receivedAt: row.received_at,
  };
}

/** Open (creating if needed) a SQLite file and run its migrations. `:memory:` works for tests. */
export function openSqliteStore(file: string): ComplaintStore {
  let db: Database.Database;
  try {
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    db = new Database(file);
  } catch (error) {
    throw new StoreConfigError(
      `Could not open the SQLite database at "${file}": ${(error as Error).message}. ` +
        `Check the folder exists and can be written to, or set DATABASE_URL to another file.`,
      { cause: error },
    );
  }
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  migrate(db);

  const findById = db.prepare<[string], Row>("SELECT * FROM complaints WHERE id = ?");
  const findByRef = db.prepare<[string], Row>("SELECT * FROM complaints WHERE reference = ?");
  const insert = db.prepare(
    `INSERT INTO complaints (id, reference, council_id, schema_version, body, body_hash, received_at)
     VALUES (@id, @reference, @councilId, @schemaVersion, @body, @bodyHash, @receivedAt)`,
  );
  const count = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM complaints");

  // One transaction: check-then-insert cannot interleave with another insert in this process,
  // and SQLite serialises writers across processes.
  const insertOnce = db.transaction((complaint: NewComplaint, makeReference: () => string): InsertResult => {
    const existing = findById.get(complaint.id);
    if (existing) {
      return {
        kind: "duplicate",
        reference: existing.reference,
        receivedAt: existing.received_at,
        sameBody: existing.body_hash === complaint.bodyHash,
      };
    }
    for (let attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt++) {
      const reference = makeReference();
      if (findByRef.get(reference)) continue;
      insert.run({ ...complaint, reference });
      return { kind: "created", reference, receivedAt: complaint.receivedAt };
    }
    throw new ReferenceExhaustedError();
  });

  return {
    kind: "sqlite",
    insertComplaint: async (complaint, makeReference) => insertOnce.immediate(complaint, makeReference),
    findByReference: async (reference) => {
      const row = findByRef.get(reference);
      return row ? toStored(row) : undefined;
    },
    countComplaints: async () => count.get()?.n ?? 0,
    ping: async () => {
      db.prepare("SELECT 1").get();
    },
    close: async () => {
      db.close();
    },
  };
}

function migrate(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    db.prepare<[], { version: number }>("SELECT version FROM schema_migrations").all().map((r) => r.version),
  );
  const record = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  for (const migration of loadMigrations("sqlite")) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }).immediate();
  }
}
