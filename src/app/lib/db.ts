import Dexie, { type EntityTable } from "dexie";
import { DB_NAME } from "./storage-keys";
import type { Complaint } from "../../domain/complaint";
import type { DraftAnswers, DraftRecord } from "../../domain/draft";
import type { EscalationRequest } from "../../domain/progress";
import type { PublicEvent } from "../../domain/staff-events";
import { sentSummaryOf, type SentSummary } from "../../domain/sent-summary";
import type { TimelineEvent } from "../../domain/timeline";

/**
 * The app's IndexedDB database. Schema versions are declared here once; each later version adds
 * an upgrade function and a test that opens the previous version with data (style.md rule 6).
 * Only this file and `*-repository.ts` modules import Dexie.
 */

export type OutboxState = "waiting" | "sending" | "failed";

/** Why the last try failed: `network` (no answer), `server` (5xx) or `rejected` (a 4xx: trying again will not help). */
export interface OutboxError {
  kind: "network" | "server" | "rejected";
  status?: number;
  /** The server's error code, e.g. `invalid-complaint`, `stage-not-next`. */
  code?: string;
  fields?: string[];
  /** What the server said about each field (its i18n key), shown against the answers on Check your answers. */
  problems?: Array<{ field: string; key: string }>;
}

interface OutboxCommon {
  /** The client id, which is also the server's idempotency key. */
  id: string;
  schemaVersion: 2;
  state: OutboxState;
  attempts: number;
  lastError?: OutboxError;
  queuedAt: string;
  /** Not tried again before this time (backing off from 5 seconds to 5 minutes). */
  nextAttemptAt: string;
  lastTriedAt?: string;
  /** Where it goes: the council's submission endpoint when it was queued. */
  endpoint: string;
}

/** A complaint waiting to be sent. */
export type OutboxComplaint = OutboxCommon & {
  kind: "complaint";
  draftId: string;
  payload: Complaint;
  /**
   * Send was pressed again with changed answers, but this earlier body was kept (the server may
   * hold it): the draft then holds words the council will not get, so it is kept when this is sent.
   */
  laterChanges?: true;
  /** The draft's name when Send was pressed (chosen, or initials and topic: issue 15), kept with the complaint once sent. */
  label?: string;
};

/**
 * A complaint that is on its way: queued and not refused. Its draft is shown as waiting everywhere
 * (Check your answers, the start page), and changing it is a deliberate step (issue 11, bug 4).
 * Here with the record's type, so a question page can ask without the outbox's code (issue 9).
 */
export function isWaitingToSend(record: OutboxRecord | undefined): record is OutboxComplaint {
  return record?.kind === "complaint" && record.state !== "failed";
}

/** A request for the next stage of a sent complaint, waiting to be sent. */
export type OutboxEscalation = OutboxCommon & {
  kind: "escalation";
  /** The sent complaint it belongs to (its SentRecord id) and that complaint's reference. */
  complaintId: string;
  reference: string;
  payload: EscalationRequest;
};

export type OutboxRecord = OutboxComplaint | OutboxEscalation;

/** A request for the next stage, once the server has it. */
export interface SentEscalation {
  id: string;
  toStage: number;
  /** The date the council received the request (Europe/London). */
  requestedOn: string;
  replyReceivedOn?: string;
  why: string;
  wantNow?: string;
}

/** The last status the server gave (`GET /api/v1/complaints/:reference`). */
export interface KnownStatus {
  procedure: "statutory" | "local";
  stage: number;
  lastStage: number;
  events: TimelineEvent[];
  /** What the council recorded, the part the person may see (decision 012); absent in a status kept before the staff area. */
  staffEvents?: PublicEvent[];
  checkedAt: string;
}

export interface SentRecord {
  id: string;
  schemaVersion: 1;
  reference: string;
  councilId: string;
  /** The date the council received it (Europe/London), which starts every timescale. */
  receivedOn: string;
  receivedAt: string;
  payload: SentSummary;
  /** The secret that lets this device ask the server for the status. Kept only here; the server has its hash. */
  statusToken?: string;
  /** Where the server answers for this complaint (status, escalations). */
  endpoint?: string;
  escalations?: SentEscalation[];
  status?: KnownStatus;
  /** The last time asking for the status failed, and why (`network`, `not-found`…). */
  statusProblem?: { at: string; kind: string };
  /**
   * The person chose not to be contacted ("Don't contact me"): the council cannot reply to them, so
   * the pages never say it will. Only the choice is kept, never contact details (decision 008).
   */
  noContact?: true;
  /** The draft (a new id) holding answers changed after the body that was sent: offered back, never deleted. */
  laterChangesDraftId?: string;
  /**
   * The access code the server gave (decision 015), kept so it can be shown (at confirmation, on
   * the complaint's page and in the copy) when the complaint was sent offline. Not sealed, like
   * the token (decision 008); the pages show it only when unlocked.
   */
  accessCode?: string;
  /** The draft's name (issue 15): chosen, or the child's initials and the topic. Shown only when unlocked. */
  label?: string;
  /** This device follows the complaint through Check a complaint: it did not send it. */
  followed?: true;
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

export class SpeakUpDatabase extends Dexie {
  drafts!: EntityTable<StoredDraft, "id">;
  outbox!: EntityTable<OutboxRecord, "id">;
  sent!: EntityTable<SentRecord, "id">;
  settings!: EntityTable<SettingRecord, "key">;

  constructor(name: string = DB_NAME) {
    // No shared query cache: a live query must always show what is stored now (with the cache, a
    // page opened just after an outbox item failed could keep showing it as waiting).
    super(name, { cache: "disabled" });
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
    // v3: the outbox holds complaints and requests for the next stage (`kind`), each with when to
    // try next (`nextAttemptAt`) and where it goes (`endpoint`). Waiting complaints from v2 are kept
    // and become due at once; a record without a payload is left as it is for the outbox to show.
    this.version(3)
      .stores({ outbox: "id, state, queuedAt" })
      .upgrade((tx) =>
        tx
          .table("outbox")
          .toCollection()
          .modify((record: Record<string, unknown>) => {
            if (record.schemaVersion !== 1) return;
            record.schemaVersion = 2;
            record.kind = "complaint";
            record.nextAttemptAt = typeof record.queuedAt === "string" ? record.queuedAt : new Date(0).toISOString();
            record.endpoint ??= DEFAULT_ENDPOINT;
            if (record.state === "sending") record.state = "waiting";
          })
          .then(() =>
            // Sent complaints keep only their route-finding answers, never what was written (decision 008).
            tx
              .table("sent")
              .toCollection()
              .modify((sent: { payload?: unknown }) => {
                if (typeof sent.payload === "object" && sent.payload !== null && "id" in sent.payload) {
                  sent.payload = sentSummaryOf(sent.payload as SentSummary);
                }
              }),
          ),
      );
  }
}

/** The default council's endpoint, for records from before endpoints were stored (v2). */
export const DEFAULT_ENDPOINT = "/api/v1/complaints";

export const db = new SpeakUpDatabase();
