import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import {
  REFERENCE_ATTEMPTS,
  ReferenceExhaustedError,
  StoreConfigError,
  type ComplaintStore,
  type EscalationInsertResult,
  type InsertResult,
  type NewComplaint,
  type NewEscalation,
  storedComplaintOf,
  type ComplaintRow,
  type StoredEscalation,
} from "./complaint-store";
import { DELIVERY_INSERT_NAMED, deliveryRows } from "../notifications/delivery-store";
import { loadMigrations } from "./migrations";
import { sqliteSql } from "./sql";

interface EscalationRow {
  id: string;
  complaint_id: string;
  to_stage: number;
  body: string;
  body_hash: string;
  reply_received_on: string | null;
  received_at: string;
}

function toStoredEscalation(row: EscalationRow): StoredEscalation {
  return {
    id: row.id,
    complaintId: row.complaint_id,
    toStage: row.to_stage,
    body: row.body,
    bodyHash: row.body_hash,
    replyReceivedOn: row.reply_received_on,
    receivedAt: row.received_at,
  };
}

/**
 * Settings every connection gets. `synchronous = FULL`: in WAL mode NORMAL (the default) does not
 * sync the log on commit, so a power cut can lose complaints the phone was told were stored and has
 * forgotten. FULL syncs on every commit; `npm run bench` measures what that costs.
 */
export function configureConnection(db: Database.Database, synchronous: "FULL" | "NORMAL" = "FULL"): void {
  db.pragma("journal_mode = WAL");
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
}

/**
 * Complaints are personal: the folder is made 0700 and the file 0600, whatever the umask, so
 * nobody else on the machine can read them. SQLite gives its -wal and -shm files the database
 * file's permissions.
 */
function createPrivately(file: string): void {
  const folder = dirname(file);
  if (!existsSync(folder)) {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    chmodSync(folder, 0o700);
  }
  if (!existsSync(file)) {
    closeSync(openSync(file, "a", 0o600));
    chmodSync(file, 0o600);
  }
}

/**
 * Open (creating if needed) a SQLite file and run its migrations. `:memory:` works for tests.
 * `synchronous` is for `npm run bench` to measure what FULL costs; nothing else sets it.
 */
export function openSqliteStore(file: string, options: { synchronous?: "FULL" | "NORMAL" } = {}): ComplaintStore {
  let db: Database.Database;
  try {
    if (file !== ":memory:") createPrivately(file);
    db = new Database(file);
  } catch (error) {
    throw new StoreConfigError(
      `Could not open the SQLite database at "${file}": ${(error as Error).message}. ` +
        `Check the folder exists and can be written to, or set DATABASE_URL to another file.`,
      { cause: error },
    );
  }
  configureConnection(db, options.synchronous);
  migrate(db);

  const findById = db.prepare<[string], ComplaintRow>("SELECT * FROM complaints WHERE id = ?");
  const findByRef = db.prepare<[string], ComplaintRow>("SELECT * FROM complaints WHERE reference = ?");
  const credentialsByRef = db.prepare<[string], { id: string; status_token_hash: string | null; access_code_hash: string | null }>(
    "SELECT id, status_token_hash, access_code_hash FROM complaints WHERE reference = ?",
  );
  const insert = db.prepare(
    `INSERT INTO complaints (id, reference, council_id, schema_version, body, body_hash, received_at, status_token_hash, access_code_hash, language)
     VALUES (@id, @reference, @councilId, @schemaVersion, @body, @bodyHash, @receivedAt, @statusTokenHash, @accessCodeHash, @language)`,
  );
  const rotateToken = db.prepare<[string, string]>("UPDATE complaints SET status_token_hash = ? WHERE id = ?");
  const rotateAccessCode = db.prepare<[string, string]>("UPDATE complaints SET access_code_hash = ? WHERE id = ?");
  const count = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM complaints");
  const escalationById = db.prepare<[string], EscalationRow>("SELECT * FROM escalations WHERE id = ?");
  const escalationAtStage = db.prepare<[string, number], EscalationRow>("SELECT * FROM escalations WHERE complaint_id = ? AND to_stage = ?");
  const escalationsOf = db.prepare<[string], EscalationRow>("SELECT * FROM escalations WHERE complaint_id = ? ORDER BY to_stage");
  const insertEscalationRow = db.prepare(
    `INSERT INTO escalations (id, complaint_id, to_stage, body, body_hash, reply_received_on, received_at)
     VALUES (@id, @complaintId, @toStage, @body, @bodyHash, @replyReceivedOn, @receivedAt)`,
  );
  const insertDelivery = db.prepare(DELIVERY_INSERT_NAMED);
  const countEscalationRows = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM escalations");

  // One transaction: check-then-insert cannot interleave with another insert in this process,
  // and SQLite serialises writers across processes.
  const insertOnce = db.transaction((complaint: NewComplaint, makeReference: () => string): InsertResult => {
    const existing = findById.get(complaint.id);
    if (existing) {
      const sameBody = existing.body_hash === complaint.bodyHash;
      // The same complaint again: its sender never got the first answer, so the new token replaces the old.
      // The access code went with the lost answer too, so it is replaced with the token.
      if (sameBody) {
        rotateToken.run(complaint.statusTokenHash, complaint.id);
        if (complaint.accessCodeHash) rotateAccessCode.run(complaint.accessCodeHash(existing.reference), complaint.id);
      }
      return { kind: "duplicate", reference: existing.reference, receivedAt: existing.received_at, sameBody };
    }
    for (let attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt++) {
      const reference = makeReference();
      if (findByRef.get(reference)) continue;
      const { accessCodeHash, deliveries = [], ...row } = complaint;
      insert.run({ ...row, reference, accessCodeHash: accessCodeHash ? accessCodeHash(reference) : null });
      const arrival = { complaintId: complaint.id, escalationId: null, event: "complaint.received" as const, at: complaint.receivedAt };
      for (const delivery of deliveryRows(arrival, deliveries)) insertDelivery.run(delivery);
      return { kind: "created", reference, receivedAt: complaint.receivedAt };
    }
    throw new ReferenceExhaustedError();
  });

  const insertEscalationOnce = db.transaction((escalation: NewEscalation): EscalationInsertResult => {
    const existing = escalationById.get(escalation.id);
    if (existing) {
      const same = existing.complaint_id === escalation.complaintId && existing.body_hash === escalation.bodyHash;
      return same ? { kind: "duplicate", escalation: toStoredEscalation(existing) } : { kind: "id-reused" };
    }
    const taken = escalationAtStage.get(escalation.complaintId, escalation.toStage);
    if (taken) return { kind: "stage-taken", escalation: toStoredEscalation(taken) };
    const { deliveries = [], ...stored } = escalation;
    insertEscalationRow.run(stored);
    const arrival = { complaintId: escalation.complaintId, escalationId: escalation.id, event: "escalation.received" as const, at: escalation.receivedAt };
    for (const delivery of deliveryRows(arrival, deliveries)) insertDelivery.run(delivery);
    return { kind: "created", escalation: stored };
  });

  return {
    kind: "sqlite",
    sql: sqliteSql(db),
    insertComplaint: async (complaint, makeReference) => insertOnce.immediate(complaint, makeReference),
    findByReference: async (reference) => {
      const row = findByRef.get(reference);
      return row ? storedComplaintOf(row) : undefined;
    },
    findCredentials: async (reference) => {
      const row = credentialsByRef.get(reference);
      return row ? { id: row.id, statusTokenHash: row.status_token_hash, accessCodeHash: row.access_code_hash } : undefined;
    },
    countComplaints: async () => count.get()?.n ?? 0,
    replaceStatusToken: async (id, statusTokenHash) => {
      rotateToken.run(statusTokenHash, id);
    },
    replaceAccessCode: async (id, accessCodeHash) => {
      rotateAccessCode.run(accessCodeHash, id);
    },
    insertEscalation: async (escalation) => insertEscalationOnce.immediate(escalation),
    listEscalations: async (complaintId) => escalationsOf.all(complaintId).map(toStoredEscalation),
    countEscalations: async () => countEscalationRows.get()?.n ?? 0,
    durability: async () => `synchronous=${String(db.pragma("synchronous", { simple: true }))}`,
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
    db
      .prepare<[], { version: number }>("SELECT version FROM schema_migrations")
      .all()
      .map((r) => r.version),
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
