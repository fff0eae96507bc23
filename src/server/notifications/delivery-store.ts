import { createHash, randomUUID } from "node:crypto";
import type { Sql, SqlRow } from "../storage/sql";

/*
 * The notification outbox (issue 13 item 1, docs/decisions/018). Rows are written by the stores in
 * the same transaction as the complaint or next-stage request they tell about
 * (`insertDeliveries`), then claimed, sent and settled by the worker (worker.ts). Written once
 * for both databases through `Sql`; only the claim differs (FOR UPDATE SKIP LOCKED on PostgreSQL).
 */

export type DeliveryKind = "email" | "webhook";
export type DeliveryEvent = "complaint.received" | "escalation.received";
export type DeliveryState = "pending" | "sending" | "delivered" | "failed";

/** One receiver to tell about one arrival. */
export interface PlannedDelivery {
  kind: DeliveryKind;
  /** An email address, or the webhook's address. */
  receiver: string;
  urgent: boolean;
}

export interface Delivery {
  id: string;
  complaintId: string;
  escalationId: string | null;
  event: DeliveryEvent;
  kind: DeliveryKind;
  receiver: string;
  idempotencyKey: string;
  urgent: boolean;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: string;
  leaseUntil: string | null;
  lastAttemptAt: string | null;
  /** A status code or a short reason; never a body. */
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  retryFrom: string;
}

/**
 * The same arrival, kind and receiver always get the same key, so a receiver that records each
 * key once records each notification once however often it is sent.
 */
export function idempotencyKey(sourceId: string, event: DeliveryEvent, kind: DeliveryKind, receiver: string): string {
  return createHash("sha256").update(`${event}\n${sourceId}\n${kind}\n${receiver}`).digest("hex").slice(0, 32);
}

export interface Arrival {
  complaintId: string;
  escalationId: string | null;
  event: DeliveryEvent;
  /** When it arrived (ISO): the first attempt is due then. */
  at: string;
}

/** The rows for one arrival, for the stores to write inside the arrival's own transaction. */
export function deliveryRows(arrival: Arrival, planned: readonly PlannedDelivery[]): Array<Record<string, string | number | null>> {
  return planned.map((p) => ({
    id: randomUUID(),
    complaintId: arrival.complaintId,
    escalationId: arrival.escalationId,
    event: arrival.event,
    kind: p.kind,
    receiver: p.receiver,
    idempotencyKey: idempotencyKey(arrival.escalationId ?? arrival.complaintId, arrival.event, p.kind, p.receiver),
    urgent: p.urgent ? 1 : 0,
    at: arrival.at,
  }));
}

/** The INSERT with named parameters (SQLite); `DELIVERY_INSERT_PG` is the same with $n. */
export const DELIVERY_INSERT_NAMED = `INSERT INTO deliveries (id, complaint_id, escalation_id, event, kind, receiver, idempotency_key, urgent,
  state, attempts, next_attempt_at, created_at, retry_from, updated_at)
  VALUES (@id, @complaintId, @escalationId, @event, @kind, @receiver, @idempotencyKey, @urgent, 'pending', 0, @at, @at, @at, @at)
  ON CONFLICT (idempotency_key) DO NOTHING`;

const PG_ORDER = ["id", "complaintId", "escalationId", "event", "kind", "receiver", "idempotencyKey", "urgent", "at"];
export const DELIVERY_INSERT_PG = DELIVERY_INSERT_NAMED.replace(/@(\w+)/g, (_m, name: string) => `$${PG_ORDER.indexOf(name) + 1}`);
export const pgParams = (row: Record<string, string | number | null>) => PG_ORDER.map((name) => row[name] ?? null);

function toDelivery(row: SqlRow): Delivery {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: String(row.id),
    complaintId: String(row.complaint_id),
    escalationId: text(row.escalation_id),
    event: row.event as DeliveryEvent,
    kind: row.kind as DeliveryKind,
    receiver: String(row.receiver),
    idempotencyKey: String(row.idempotency_key),
    urgent: Number(row.urgent) === 1,
    state: row.state as DeliveryState,
    attempts: Number(row.attempts),
    nextAttemptAt: String(row.next_attempt_at),
    leaseUntil: text(row.lease_until),
    lastAttemptAt: text(row.last_attempt_at),
    lastError: text(row.last_error),
    deliveredAt: text(row.delivered_at),
    createdAt: String(row.created_at),
    retryFrom: String(row.retry_from),
  };
}

/** A complaint's deliveries, oldest first. */
export async function listDeliveries(sql: Sql, complaintId: string): Promise<Delivery[]> {
  const rows = await sql.all("SELECT * FROM deliveries WHERE complaint_id = $1 ORDER BY created_at, event, kind, receiver", [complaintId]);
  return rows.map(toDelivery);
}

export async function findDelivery(sql: Sql, id: string): Promise<Delivery | undefined> {
  const rows = await sql.all("SELECT * FROM deliveries WHERE id = $1", [id]);
  return rows[0] ? toDelivery(rows[0]) : undefined;
}

/**
 * Claim up to `limit` due deliveries: pending ones whose time has come, and claims whose lease ran
 * out (a process killed while sending). Each claim counts as an attempt. On PostgreSQL the rows are
 * locked with SKIP LOCKED, so several processes claim different rows; on SQLite the one UPDATE
 * runs alone (SQLite serialises writers).
 */
export async function claimDueDeliveries(sql: Sql, now: Date, leaseMs: number, limit: number): Promise<Delivery[]> {
  const at = now.toISOString();
  const lease = new Date(now.getTime() + leaseMs).toISOString();
  const due = `SELECT id FROM deliveries
    WHERE (state = 'pending' AND next_attempt_at <= $1) OR (state = 'sending' AND lease_until <= $1)
    ORDER BY urgent DESC, next_attempt_at, id LIMIT $3`;
  const rows = await sql.all(
    `UPDATE deliveries SET state = 'sending', attempts = attempts + 1, last_attempt_at = $1, lease_until = $2, updated_at = $1
     WHERE id IN (${due}${sql.kind === "postgres" ? " FOR UPDATE SKIP LOCKED" : ""})
     RETURNING *`,
    [at, lease, limit],
  );
  return rows.map(toDelivery).sort((a, b) => Number(b.urgent) - Number(a.urgent) || a.nextAttemptAt.localeCompare(b.nextAttemptAt));
}

export type Outcome = { kind: "delivered" } | { kind: "retry"; at: Date; error: string } | { kind: "failed"; error: string };

/**
 * Settle one claimed attempt. Only the claim that made attempt `attempt` may settle it: a process
 * whose lease ran out (and whose row was claimed again) changes nothing. True when it was settled.
 */
export async function settleDelivery(sql: Sql, id: string, attempt: number, outcome: Outcome, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const where = "WHERE id = $1 AND state = 'sending' AND attempts = $2";
  if (outcome.kind === "delivered") {
    return (
      (await sql.run(`UPDATE deliveries SET state = 'delivered', delivered_at = $3, lease_until = NULL, last_error = NULL, updated_at = $3 ${where}`, [
        id,
        attempt,
        at,
      ])) === 1
    );
  }
  const error = outcome.error.slice(0, 200);
  if (outcome.kind === "retry") {
    return (
      (await sql.run(`UPDATE deliveries SET state = 'pending', next_attempt_at = $3, lease_until = NULL, last_error = $4, updated_at = $5 ${where}`, [
        id,
        attempt,
        outcome.at.toISOString(),
        error,
        at,
      ])) === 1
    );
  }
  return (
    (await sql.run(`UPDATE deliveries SET state = 'failed', lease_until = NULL, last_error = $3, updated_at = $4 ${where}`, [id, attempt, error, at])) === 1
  );
}

/**
 * Staff asked to send it again: due now, with a fresh 24 hours of retries. A delivery being sent
 * right now is left alone (false). The idempotency key stays: a receiver that already has it
 * records it once.
 */
export async function resendDelivery(sql: Sql, id: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  return (
    (await sql.run(
      `UPDATE deliveries SET state = 'pending', next_attempt_at = $2, retry_from = $2, lease_until = NULL, updated_at = $2
       WHERE id = $1 AND state <> 'sending'`,
      [id, at],
    )) === 1
  );
}
