import pg from "pg";
import {
  REFERENCE_ATTEMPTS,
  ReferenceExhaustedError,
  StoreConfigError,
  type ComplaintStore,
  type EscalationInsertResult,
  type NewComplaint,
  type NewEscalation,
  storedComplaintOf,
  type ComplaintRow,
  type StoredEscalation,
} from "./complaint-store";
import { DELIVERY_INSERT_PG, deliveryRows, pgParams, type Arrival, type PlannedDelivery } from "../notifications/delivery-store";
import { loadMigrations } from "./migrations";
import { postgresSql } from "./sql";

interface EscalationRow {
  id: string;
  complaint_id: string;
  to_stage: number;
  body: unknown;
  body_hash: string;
  reply_received_on: string | null;
  received_at: Date;
}

/**
 * The escalation columns, with the DATE as yyyy-mm-dd text: pg would otherwise turn it into a
 * JavaScript Date at local midnight, and to_char does not depend on the session's DateStyle.
 */
const ESCALATION_COLUMNS = `id, complaint_id, to_stage, body, body_hash,
  to_char(reply_received_on, 'YYYY-MM-DD') AS reply_received_on, received_at`;

function toStoredEscalation(row: EscalationRow): StoredEscalation {
  return {
    id: row.id,
    complaintId: row.complaint_id,
    toStage: row.to_stage,
    // JSONB comes back parsed; the store's contract is JSON text.
    body: JSON.stringify(row.body),
    bodyHash: row.body_hash,
    replyReceivedOn: row.reply_received_on,
    receivedAt: row.received_at.toISOString(),
  };
}

const UNIQUE_VIOLATION = "23505";
/** An arbitrary constant key so concurrent server starts run migrations one at a time. */
const MIGRATION_LOCK = 724_611_001;

/**
 * The URL with `synchronous_commit=on` for every connection: a 2xx means the complaint is on disk,
 * whatever the server's or the role's default (set through `options`, so no extra round trip).
 */
function durableUrl(url: string): string {
  const parsed = new URL(url);
  const options = parsed.searchParams.get("options") ?? "";
  parsed.searchParams.set("options", `${options} -c synchronous_commit=on`.trim());
  return parsed.toString();
}

/** Connect to PostgreSQL, check it answers and run migrations. */
export async function openPostgresStore(url: string): Promise<ComplaintStore> {
  const pool = new pg.Pool({ connectionString: durableUrl(url), max: 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection must not crash the server; the next query reconnects.
  pool.on("error", () => {});

  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => {});
    const safeUrl = url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
    throw new StoreConfigError(
      `Could not use the PostgreSQL database at ${safeUrl}: ${(error as Error).message}. ` + `Check the server is running and DATABASE_URL is right.`,
      { cause: error },
    );
  }

  return {
    kind: "postgres",
    sql: postgresSql(pool),
    async insertComplaint(complaint: NewComplaint, makeReference: () => string) {
      for (let attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt++) {
        const reference = makeReference();
        try {
          const arrival = (): Arrival => ({ complaintId: complaint.id, escalationId: null, event: "complaint.received", at: complaint.receivedAt });
          const inserted = await inTransaction(pool, complaint.deliveries ?? [], arrival, (client) =>
            client.query<{ reference: string; received_at: Date }>(
              `INSERT INTO complaints (id, reference, council_id, schema_version, body, body_hash, received_at, status_token_hash, access_code_hash, language)
               VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10)
               ON CONFLICT (id) DO NOTHING
               RETURNING reference, received_at`,
              [
                complaint.id,
                reference,
                complaint.councilId,
                complaint.schemaVersion,
                complaint.body,
                complaint.bodyHash,
                complaint.receivedAt,
                complaint.statusTokenHash,
                complaint.accessCodeHash ? complaint.accessCodeHash(reference) : null,
                complaint.language,
              ],
            ),
          );
          const row = inserted.rows[0];
          if (row) return { kind: "created" as const, reference: row.reference, receivedAt: row.received_at.toISOString() };
          // The same complaint again: its sender never got the first answer, so the new token (and
          // access code) replace the old. One statement, so it happens only when the body matches.
          // The code's hash is bound to the stored reference, read first (a reference never changes).
          const stored = await pool.query<{ reference: string }>("SELECT reference FROM complaints WHERE id = $1", [complaint.id]);
          const storedReference = stored.rows[0]?.reference;
          const accessCodeHash = storedReference && complaint.accessCodeHash ? complaint.accessCodeHash(storedReference) : null;
          const rotated = await pool.query<{ reference: string; received_at: Date }>(
            `UPDATE complaints SET status_token_hash = $2, access_code_hash = COALESCE($4, access_code_hash)
             WHERE id = $1 AND body_hash = $3 AND reference = $5 RETURNING reference, received_at`,
            [complaint.id, complaint.statusTokenHash, complaint.bodyHash, accessCodeHash, storedReference ?? ""],
          );
          const same = rotated.rows[0];
          if (same) {
            return { kind: "duplicate" as const, reference: same.reference, receivedAt: same.received_at.toISOString(), sameBody: true };
          }
          const existing = await pool.query<ComplaintRow<Date>>("SELECT * FROM complaints WHERE id = $1", [complaint.id]);
          const found = existing.rows[0];
          if (!found) continue; // deleted between the two statements; try again
          return {
            kind: "duplicate" as const,
            reference: found.reference,
            receivedAt: found.received_at.toISOString(),
            sameBody: found.body_hash === complaint.bodyHash,
          };
        } catch (error) {
          // A reference clash is the only unique violation left once ON CONFLICT (id) is handled.
          if ((error as { code?: string }).code === UNIQUE_VIOLATION) continue;
          throw error;
        }
      }
      throw new ReferenceExhaustedError();
    },
    async findByReference(reference) {
      const result = await pool.query<ComplaintRow<Date>>("SELECT * FROM complaints WHERE reference = $1", [reference]);
      const row = result.rows[0];
      return row ? storedComplaintOf(row) : undefined;
    },
    async findCredentials(reference) {
      const result = await pool.query<{ id: string; status_token_hash: string | null; access_code_hash: string | null }>(
        "SELECT id, status_token_hash, access_code_hash FROM complaints WHERE reference = $1",
        [reference],
      );
      const row = result.rows[0];
      return row ? { id: row.id, statusTokenHash: row.status_token_hash, accessCodeHash: row.access_code_hash } : undefined;
    },
    async replaceStatusToken(id, statusTokenHash) {
      await pool.query("UPDATE complaints SET status_token_hash = $2 WHERE id = $1", [id, statusTokenHash]);
    },
    async replaceAccessCode(id, accessCodeHash) {
      await pool.query("UPDATE complaints SET access_code_hash = $2 WHERE id = $1", [id, accessCodeHash]);
    },
    async durability() {
      const result = await pool.query<{ synchronous_commit: string }>("SHOW synchronous_commit");
      return `synchronous_commit=${result.rows[0]?.synchronous_commit ?? "unknown"}`;
    },
    async countComplaints() {
      const result = await pool.query<{ n: string }>("SELECT COUNT(*) AS n FROM complaints");
      return Number(result.rows[0]?.n ?? 0);
    },
    insertEscalation: (escalation) => insertEscalation(pool, escalation),
    async listEscalations(complaintId) {
      const result = await pool.query<EscalationRow>(`SELECT ${ESCALATION_COLUMNS} FROM escalations WHERE complaint_id = $1 ORDER BY to_stage`, [complaintId]);
      return result.rows.map(toStoredEscalation);
    },
    async countEscalations() {
      const result = await pool.query<{ n: string }>("SELECT COUNT(*) AS n FROM escalations");
      return Number(result.rows[0]?.n ?? 0);
    },
    async ping() {
      await pool.query("SELECT 1");
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * One INSERT decides: ON CONFLICT covers both the id and the (complaint, stage) constraint, waiting
 * for a concurrent insert of either to commit. Only when it stored nothing do the reads below say
 * which one it was; rows are never updated or deleted, so what they find is what blocked it.
 */
async function insertEscalation(pool: pg.Pool, escalation: NewEscalation): Promise<EscalationInsertResult> {
  const arrival = (): Arrival => ({
    complaintId: escalation.complaintId,
    escalationId: escalation.id,
    event: "escalation.received",
    at: escalation.receivedAt,
  });
  const inserted = await inTransaction(pool, escalation.deliveries ?? [], arrival, (client) =>
    client.query<EscalationRow>(
      `INSERT INTO escalations (id, complaint_id, to_stage, body, body_hash, reply_received_on, received_at)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6::date, $7)
     ON CONFLICT DO NOTHING
     RETURNING ${ESCALATION_COLUMNS}`,
      [escalation.id, escalation.complaintId, escalation.toStage, escalation.body, escalation.bodyHash, escalation.replyReceivedOn, escalation.receivedAt],
    ),
  );
  const row = inserted.rows[0];
  if (row) return { kind: "created", escalation: toStoredEscalation(row) };
  const byId = await pool.query<EscalationRow>(`SELECT ${ESCALATION_COLUMNS} FROM escalations WHERE id = $1`, [escalation.id]);
  const existing = byId.rows[0];
  if (existing) {
    const same = existing.complaint_id === escalation.complaintId && existing.body_hash === escalation.bodyHash;
    return same ? { kind: "duplicate", escalation: toStoredEscalation(existing) } : { kind: "id-reused" };
  }
  const atStage = await pool.query<EscalationRow>(`SELECT ${ESCALATION_COLUMNS} FROM escalations WHERE complaint_id = $1 AND to_stage = $2`, [
    escalation.complaintId,
    escalation.toStage,
  ]);
  const taken = atStage.rows[0];
  if (taken) return { kind: "stage-taken", escalation: toStoredEscalation(taken) };
  throw new Error(`Escalation ${escalation.id} was neither stored nor blocked by another row`);
}

/**
 * Run one INSERT … RETURNING and, when it stored a row, write its deliveries in the same
 * transaction: a notification is never stored without what it tells about, nor the other way.
 */
async function inTransaction<R extends pg.QueryResultRow>(
  pool: pg.Pool,
  deliveries: readonly PlannedDelivery[],
  arrival: () => Arrival,
  insert: (client: pg.PoolClient) => Promise<pg.QueryResult<R>>,
): Promise<pg.QueryResult<R>> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await insert(client);
    if (result.rows.length > 0) {
      for (const row of deliveryRows(arrival(), deliveries)) await client.query(DELIVERY_INSERT_PG, pgParams(row));
    }
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const applied = new Set((await client.query<{ version: number }>("SELECT version FROM schema_migrations")).rows.map((r) => r.version));
    for (const migration of loadMigrations("postgres")) {
      if (applied.has(migration.version)) continue;
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [migration.version, migration.name]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}
