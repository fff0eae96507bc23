import pg from "pg";
import {
  REFERENCE_ATTEMPTS,
  ReferenceExhaustedError,
  StoreConfigError,
  type ComplaintStore,
  type NewComplaint,
  type StoredComplaint,
} from "./complaint-store";
import { loadMigrations } from "./migrations";

interface Row {
  id: string;
  reference: string;
  council_id: string;
  schema_version: number;
  body: unknown;
  body_hash: string;
  received_at: Date;
}

function toStored(row: Row): StoredComplaint {
  return {
    id: row.id,
    reference: row.reference,
    councilId: row.council_id,
    schemaVersion: row.schema_version,
    // JSONB comes back parsed; the API contract is JSON text.
    body: JSON.stringify(row.body),
    bodyHash: row.body_hash,
    receivedAt: row.received_at.toISOString(),
  };
}

const UNIQUE_VIOLATION = "23505";
/** An arbitrary constant key so concurrent server starts run migrations one at a time. */
const MIGRATION_LOCK = 724_611_001;

/** Connect to PostgreSQL, check it answers and run migrations. */
export async function openPostgresStore(url: string): Promise<ComplaintStore> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection must not crash the server; the next query reconnects.
  pool.on("error", () => {});
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => {});
    const safeUrl = url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
    throw new StoreConfigError(
      `Could not use the PostgreSQL database at ${safeUrl}: ${(error as Error).message}. ` +
        `Check the server is running and DATABASE_URL is right.`,
      { cause: error },
    );
  }

  return {
    kind: "postgres",
    async insertComplaint(complaint: NewComplaint, makeReference: () => string) {
      for (let attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt++) {
        const reference = makeReference();
        try {
          const inserted = await pool.query<{ reference: string; received_at: Date }>(
            `INSERT INTO complaints (id, reference, council_id, schema_version, body, body_hash, received_at)
             VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)
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
            ],
          );
          const row = inserted.rows[0];
          if (row) return { kind: "created" as const, reference: row.reference, receivedAt: row.received_at.toISOString() };
          const existing = await pool.query<Row>("SELECT * FROM complaints WHERE id = $1", [complaint.id]);
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
      const result = await pool.query<Row>("SELECT * FROM complaints WHERE reference = $1", [reference]);
      const row = result.rows[0];
      return row ? toStored(row) : undefined;
    },
    async countComplaints() {
      const result = await pool.query<{ n: string }>("SELECT COUNT(*) AS n FROM complaints");
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

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const applied = new Set(
      (await client.query<{ version: number }>("SELECT version FROM schema_migrations")).rows.map((r) => r.version),
    );
    for (const migration of loadMigrations("postgres")) {
      if (applied.has(migration.version)) continue;
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
          migration.version,
          migration.name,
        ]);
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
