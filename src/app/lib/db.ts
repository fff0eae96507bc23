import Dexie, { type EntityTable } from "dexie";
import type { Complaint } from "../../domain/complaint";
import type { DraftAnswers, DraftRecord } from "../../domain/draft";

/**
 * The app's IndexedDB database. Schema versions are declared here once; each later version adds
 * an upgrade function and a test that opens the previous version with data (style.md rule 6).
 * Only this file and `*-repository.ts` modules import Dexie.
 */

export type OutboxState = "waiting" | "sending" | "failed";

export interface OutboxRecord {
  /** The complaint id, which is also the server's idempotency key. */
  id: string;
  schemaVersion: 1;
  draftId: string;
  payload: Complaint;
  state: OutboxState;
  attempts: number;
  /** Why the last try failed: `network`, `server` or `rejected` (a 4xx with fields). */
  lastError?: { kind: "network" | "server" | "rejected"; status?: number; fields?: string[] };
  queuedAt: string;
}

export interface SentRecord {
  id: string;
  schemaVersion: 1;
  reference: string;
  councilId: string;
  /** The date the council received it (Europe/London), which starts every timescale. */
  receivedOn: string;
  receivedAt: string;
  payload: Complaint;
}

/** AES-GCM ciphertext and its IV, base64 (see pin-crypto.ts). */
export interface SealedRecord {
  iv: string;
  data: string;
}

/**
 * A draft as stored. Without a PIN it is a `DraftRecord`. With a PIN, `answers` (and the label,
 * unless the person chose to show it while locked) live only inside `sealed`.
 */
export type StoredDraft = Omit<DraftRecord, "answers"> & {
  answers?: DraftAnswers;
  sealed?: SealedRecord;
  /** The person chose to show the label on the locked drafts list. */
  labelShownWhenLocked?: boolean;
};

export interface SettingRecord {
  key: string;
  value: unknown;
}

export const DB_NAME = "speak-up";

export class SpeakUpDatabase extends Dexie {
  drafts!: EntityTable<StoredDraft, "id">;
  outbox!: EntityTable<OutboxRecord, "id">;
  sent!: EntityTable<SentRecord, "id">;
  settings!: EntityTable<SettingRecord, "key">;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores({
      drafts: "id, updatedAt",
      outbox: "id, state, queuedAt",
      sent: "id, &reference, receivedAt",
      settings: "key",
    });
    // v2: drafts may be sealed with a PIN; each record says which shape it has (schemaVersion 2).
    // Records from v1 are the same shape, so they are relabelled, never rewritten or dropped; a
    // record that was already broken stays as it was and is shown as "needs checking".
    this.version(2)
      .stores({ drafts: "id, updatedAt" })
      .upgrade((tx) =>
        tx
          .table("drafts")
          .toCollection()
          .modify((draft: { schemaVersion?: unknown }) => {
            if (draft.schemaVersion === 1) draft.schemaVersion = 2;
          }),
      );
  }
}

export const db = new SpeakUpDatabase();
