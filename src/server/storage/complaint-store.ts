import type { PlannedDelivery } from "../notifications/delivery-store";
import type { Sql } from "./sql";

/**
 * The storage interface the API depends on. Two adapters implement it: SQLite (embedded default)
 * and PostgreSQL (production). Both must pass the same contract tests (`complaint-store.test.ts`).
 */

export interface NewComplaint {
  id: string;
  councilId: string;
  schemaVersion: number;
  /** The validated complaint as JSON text. Stored as sent: never escaped or rendered as HTML. */
  body: string;
  /** sha-256 of `body`, so a retry with the same id can be told from a different complaint. */
  bodyHash: string;
  receivedAt: string;
  /** sha-256 (hex) of the status token given to the sender; the token itself is never stored. */
  statusTokenHash: string;
  /**
   * sha-256 (hex) of the access code bound to the reference (docs/decisions/015). It is made from
   * the reference, so the store calls this once the reference is chosen; absent: no code.
   */
  accessCodeHash?: (reference: string) => string;
  /** The language the complaint was written in (issue 14); null from clients that did not say. */
  language: string | null;
  /**
   * The notifications to send about it (issue 13), written in the same transaction as the
   * complaint, and only when it is new: a duplicate adds none.
   */
  deliveries?: readonly PlannedDelivery[];
}

export interface StoredComplaint extends Omit<NewComplaint, "statusTokenHash" | "accessCodeHash" | "deliveries"> {
  reference: string;
  /** Null for complaints stored before status tokens existed: nobody can ask for their status. */
  statusTokenHash: string | null;
}

/**
 * A `complaints` row as either store returns it (the columns StoredComplaint is read from):
 * `received_at` is ISO text, or a Date from pg without the Sql wrapper's normalising.
 */
export type ComplaintRow<At extends string | Date = string> = {
  id: string;
  reference: string;
  council_id: string;
  schema_version: number | string;
  /** TEXT on SQLite; JSONB, already parsed, on PostgreSQL. */
  body: unknown;
  body_hash: string;
  received_at: At;
  /** Left out by queries that never need it (staff reads): read as null. */
  status_token_hash?: string | null;
  language: string | null;
};

/** The one mapping from a row to a StoredComplaint, for both stores and the staff reads. */
export function storedComplaintOf(row: ComplaintRow<string | Date>): StoredComplaint {
  return {
    id: row.id,
    reference: row.reference,
    councilId: row.council_id,
    schemaVersion: Number(row.schema_version),
    // The store's contract is JSON text.
    body: typeof row.body === "string" ? row.body : JSON.stringify(row.body),
    bodyHash: row.body_hash,
    receivedAt: row.received_at instanceof Date ? row.received_at.toISOString() : row.received_at,
    statusTokenHash: row.status_token_hash ?? null,
    language: row.language ?? null,
  };
}

export interface StoredCredentials {
  id: string;
  statusTokenHash: string | null;
  /** Null for complaints stored before access codes existed (migration 004). */
  accessCodeHash: string | null;
}

export type InsertResult =
  { kind: "created"; reference: string; receivedAt: string } | { kind: "duplicate"; reference: string; receivedAt: string; sameBody: boolean };

/** A request for the next stage (`escalations` table). `body` is the validated request as JSON text. */
export interface NewEscalation {
  id: string;
  complaintId: string;
  toStage: number;
  body: string;
  /** sha-256 of `body`, so a retry with the same id can be told from a different request. */
  bodyHash: string;
  /** yyyy-mm-dd, when the person said when the previous stage's reply came. */
  replyReceivedOn: string | null;
  receivedAt: string;
  /** The notifications to send about it, written with it and only when it is new. */
  deliveries?: readonly PlannedDelivery[];
}

export type StoredEscalation = Omit<NewEscalation, "deliveries">;

export type EscalationInsertResult =
  | { kind: "created"; escalation: StoredEscalation }
  /** The same id with the same body for the same complaint: nothing new stored; this is the first. */
  | { kind: "duplicate"; escalation: StoredEscalation }
  /** The id is already used for a different body or another complaint: nothing stored. */
  | { kind: "id-reused" }
  /** The complaint already has a request for this stage (another device asked first): nothing stored. */
  | { kind: "stage-taken"; escalation: StoredEscalation };

export interface ComplaintStore {
  readonly kind: "sqlite" | "postgres";
  /** Plain SQL on the same database, for the staff tables (src/server/staff). */
  readonly sql: Sql;
  /**
   * Insert once per id. A second insert with the same id stores nothing new and returns the first
   * reference; with the same body it replaces the status token hash (docs/decisions/006), with a
   * different body it changes nothing.
   */
  insertComplaint(complaint: NewComplaint, makeReference: () => string): Promise<InsertResult>;
  findByReference(reference: string): Promise<StoredComplaint | undefined>;
  /**
   * Only what checking a status token needs, read from the row without its body, so refusing a
   * wrong token takes as long for a large complaint as for a small one or none.
   */
  findCredentials(reference: string): Promise<StoredCredentials | undefined>;
  countComplaints(): Promise<number>;
  /** Give a complaint a new status token hash (Check a complaint, decision 015); the old token stops working. */
  replaceStatusToken(id: string, statusTokenHash: string): Promise<void>;
  /** Give a complaint a new access code hash; the old code stops working. */
  replaceAccessCode(id: string, accessCodeHash: string): Promise<void>;
  /** Store a request for the next stage once per id and once per stage of a complaint; never half-written. */
  insertEscalation(escalation: NewEscalation): Promise<EscalationInsertResult>;
  /** A complaint's requests for later stages, by stage. */
  listEscalations(complaintId: string): Promise<StoredEscalation[]>;
  countEscalations(): Promise<number>;
  /** How the database makes a commit durable, as it reports it (`synchronous=2` on SQLite). */
  durability(): Promise<string>;
  /** Resolves when the database answers; used by the health endpoint and at start-up. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** How many fresh references to try when one is already taken (1 in 852 billion per try). */
export const REFERENCE_ATTEMPTS = 5;

export class ReferenceExhaustedError extends Error {
  constructor() {
    super(`Could not find a free reference after ${REFERENCE_ATTEMPTS} tries`);
    this.name = "ReferenceExhaustedError";
  }
}

/** A start-up problem with the database, with a message a person can act on. */
export class StoreConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreConfigError";
  }
}
