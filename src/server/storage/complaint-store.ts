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
}

export interface StoredComplaint extends NewComplaint {
  reference: string;
}

export type InsertResult =
  | { kind: "created"; reference: string; receivedAt: string }
  | { kind: "duplicate"; reference: string; receivedAt: string; sameBody: boolean };

export interface ComplaintStore {
  readonly kind: "sqlite" | "postgres";
  /** Insert once per id. A second insert with the same id stores nothing and returns the first reference. */
  insertComplaint(complaint: NewComplaint, makeReference: () => string): Promise<InsertResult>;
  findByReference(reference: string): Promise<StoredComplaint | undefined>;
  countComplaints(): Promise<number>;
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
