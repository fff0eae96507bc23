import { randomUUID } from "node:crypto";
import { todayIso, type IsoDate } from "../domain/calendar";
import type { CouncilSettings } from "../domain/council";
import { deleteFrom, retentionWords } from "../domain/retention";
import { effectiveEvents, type StaffEvent } from "../domain/staff-events";
import type { Sql } from "./storage/sql";

/*
 * Retention (issue 13 item 4; docs/decisions/020). Once a day the server deletes each complaint
 * whose council has set `dataProtection.retention` and which was closed (an effective `closed`
 * staff event) at least that long ago, counted from the later of the closed date and the last
 * request the phone sent. Each complaint goes in its own transaction with every row hanging off
 * it; the audit trail gets the counts, never a reference or any content.
 */

/**
 * Every table with rows that hang off a complaint, deleted (in this order) before the complaint
 * itself. ONE place: a new table that references `complaints` must be added here, and the
 * retention tests (src/server/retention.test.ts) fail on a foreign key until it is.
 */
export const COMPLAINT_TABLES: readonly string[] = ["case_summaries", "deliveries", "escalations", "staff_events"];

/** Once a day; the first run a minute after start, so start-up is not slowed. */
export const RETENTION_INTERVAL_MS = 24 * 60 * 60 * 1000;
export const RETENTION_FIRST_RUN_MS = 60 * 1000;

export interface RetentionRun {
  /** Per council that has a setting: how many complaints were deleted, how many failed. */
  councils: Array<{ councilId: string; deleted: number; failed: number }>;
}

export interface RetentionOptions {
  sql: Sql;
  councils: Map<string, CouncilSettings>;
  now: () => Date;
  /** Told about a complaint that could not be deleted (no reference, no content). */
  onError?: (councilId: string, error: unknown) => void;
  /** Tests only: the tables to delete from, to make one fail mid-way. */
  tables?: readonly string[];
}

/** What the start-up log says, one line per council: plainly, when nothing will be deleted. */
export function retentionStartupLines(councils: Map<string, CouncilSettings>): string[] {
  return [...councils.values()].map((council) => {
    const retention = council.dataProtection.retention;
    if (!retention) {
      return `Retention: nothing is deleted for ${council.name} (${council.id}): its settings file does not set dataProtection.retention.`;
    }
    return `Retention: closed complaints for ${council.name} (${council.id}) are deleted ${retentionWords(retention, "en-GB")} after they were closed.`;
  });
}

interface CandidateRow {
  id: string;
  [key: string]: unknown;
}

/** When the complaint's retention started, read inside the transaction; undefined: not closed. */
async function retentionStart(tx: Sql, complaintId: string): Promise<IsoDate | undefined> {
  const rows = await tx.all<{ id: string; body: unknown; [key: string]: unknown }>("SELECT id, body FROM staff_events WHERE complaint_id = $1 ORDER BY seq", [
    complaintId,
  ]);
  const events = rows.map((r) => ({ ...((typeof r.body === "string" ? JSON.parse(r.body) : r.body) as StaffEvent), id: r.id }));
  const closed = effectiveEvents(events).find((e) => e.type === "closed");
  if (!closed) return undefined;
  const asked = await tx.all<{ received_at: string; [key: string]: unknown }>(
    "SELECT received_at FROM escalations WHERE complaint_id = $1 ORDER BY received_at DESC LIMIT 1",
    [complaintId],
  );
  const lastAsked = asked[0] ? todayIso(new Date(asked[0].received_at)) : undefined;
  return lastAsked !== undefined && lastAsked > closed.date ? lastAsked : closed.date;
}

/** Delete every complaint past retention, one transaction each. Safe to run in several processes at once. */
export async function runRetention(options: RetentionOptions): Promise<RetentionRun> {
  const { sql, councils, now } = options;
  const tables = options.tables ?? COMPLAINT_TABLES;
  const run: RetentionRun = { councils: [] };
  for (const council of councils.values()) {
    const retention = council.dataProtection.retention;
    if (!retention) continue; // Not set: nothing is deleted (the start-up log and the staff area say so).
    const today = todayIso(now());
    const tally = { councilId: council.id, deleted: 0, failed: 0 };
    // Only complaints with a closed event can be due; the rest are never read.
    const candidates = await sql.all<CandidateRow>(
      `SELECT c.id FROM complaints c WHERE c.council_id = $1
         AND EXISTS (SELECT 1 FROM staff_events e WHERE e.complaint_id = c.id AND e.type = 'closed')`,
      [council.id],
    );
    for (const { id } of candidates) {
      try {
        const deleted = await sql.transaction(async (tx) => {
          // Lock the row (PostgreSQL): another process deleting it, or a request arriving, waits.
          const locked = await tx.all(`SELECT id FROM complaints WHERE id = $1${tx.kind === "postgres" ? " FOR UPDATE" : ""}`, [id]);
          if (locked.length === 0) return false; // Another process deleted it first.
          const from = await retentionStart(tx, id);
          if (from === undefined || today < deleteFrom(from, retention)) return false;
          const counts: Record<string, number> = {};
          for (const table of tables) counts[table] = await tx.run(`DELETE FROM ${table} WHERE complaint_id = $1`, [id]);
          counts.complaints = await tx.run("DELETE FROM complaints WHERE id = $1", [id]);
          // Counts only: no reference, no id, no content.
          await tx.run(
            "INSERT INTO staff_audit (id, council_id, account_id, at, action, complaint_id, reference, detail) VALUES ($1, $2, NULL, $3, 'retention-delete', NULL, NULL, $4)",
            [randomUUID(), council.id, now().toISOString(), JSON.stringify(counts)],
          );
          return true;
        });
        if (deleted) tally.deleted++;
      } catch (error) {
        tally.failed++;
        options.onError?.(council.id, error);
      }
    }
    run.councils.push(tally);
  }
  return run;
}

/** Run the job now-ish and then every `intervalMs`; stop() ends it (and waits for a run in progress). */
export function startRetentionJob(options: RetentionOptions & { intervalMs?: number; firstRunMs?: number; onRun?: (run: RetentionRun) => void }): {
  stop: () => Promise<void>;
} {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = runRetention(options)
      .then((run) => options.onRun?.(run))
      .catch((error: unknown) => options.onError?.("*", error))
      .finally(() => {
        running = undefined;
      });
  };
  const first = setTimeout(tick, options.firstRunMs ?? RETENTION_FIRST_RUN_MS);
  const every = setInterval(tick, options.intervalMs ?? RETENTION_INTERVAL_MS);
  first.unref();
  every.unref();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
