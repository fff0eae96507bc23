import type { Complaint } from "../../domain/complaint";
import { todayIso } from "../../domain/calendar";
import type { EscalationRequest } from "../../domain/progress";
import type { EscalationResult, SendResult } from "./api-client";
import {
  db,
  DEFAULT_ENDPOINT,
  type KnownStatus,
  type OutboxEscalation,
  type OutboxError,
  type OutboxComplaint,
  type OutboxRecord,
  type SentRecord,
  type SpeakUpDatabase,
  type StoredDraft,
} from "./db";
import { sentSummaryOf } from "../../domain/sent-summary";
import { outboxRecordSchema, readRecord, readRecords, sentRecordSchema, type ReadRecords } from "./stored-records";

/** A record this version can read (stored-records.ts); any other is left as it is and set aside. */
const readOutbox = (raw: unknown) => readRecord(outboxRecordSchema, raw);
const readSent = (raw: unknown) => readRecord(sentRecordSchema, raw);

/** Back off after a failed try: 5 s, 10 s, 20 s… up to 5 minutes. `failures` counts from 1. */
export function backoffMs(failures: number): number {
  const first = 5_000;
  const most = 5 * 60_000;
  return Math.min(most, first * 2 ** Math.max(0, Math.min(failures - 1, 16)));
}

/** The longest a server's Retry-After is obeyed: a wrong header must not park a complaint for days. */
export const MOST_RETRY_AFTER_MS = 60 * 60_000;

/** When to try again after a failed try: the backoff, or later if the server asked (Retry-After). */
export function retryDelayMs(failures: number, retryAfterMs: number | undefined): number {
  return Math.max(backoffMs(failures), Math.min(retryAfterMs ?? 0, MOST_RETRY_AFTER_MS));
}

/** A send that has had no answer for this long is given up and tried again later (outbox-sync.ts). */
export const SEND_TIMEOUT_MS = 30_000;

/**
 * A "sending" item whose try began longer ago than this was left by a page or worker that closed
 * or crashed mid-send (a live send gives up at SEND_TIMEOUT_MS and records why). The person can
 * then send it again or delete it instead of waiting for another send run to pick it up.
 */
export const STUCK_SENDING_MS = SEND_TIMEOUT_MS + 15_000;

/** Marked "sending" by a try that can no longer be running. */
export function isStuckSending(record: OutboxRecord, now: Date = new Date()): boolean {
  if (record.state !== "sending") return false;
  const began = Date.parse(record.lastTriedAt ?? "");
  return Number.isNaN(began) || now.getTime() - began > STUCK_SENDING_MS;
}

/** Being sent right now by a try that may still get an answer: left alone until it settles. */
function beingSent(record: OutboxRecord, now: Date): boolean {
  return record.state === "sending" && !isStuckSending(record, now);
}

/** The same complaint apart from when Send was pressed. */
export function sameComplaint(a: Complaint, b: Complaint): boolean {
  return JSON.stringify({ ...a, submittedAt: "" }) === JSON.stringify({ ...b, submittedAt: "" });
}

/**
 * Whether the server may have stored this copy: it was tried and the last answer was not a
 * refusal (no answer, a 5xx, or a send cut short). A 4xx means nothing was stored, except
 * id-reused (409), where the server holds an earlier body under this id.
 */
export function serverMayHold(record: OutboxRecord): boolean {
  if (record.lastTriedAt === undefined) return false;
  if (record.state === "sending") return true;
  return !(record.lastError?.kind === "rejected" && record.lastError.code !== "id-reused");
}

export { isWaitingToSend } from "./db";

/**
 * Whether the draft a complaint came from holds answers the body sent does not: Send was pressed
 * again with changes while the earlier body was kept, or the draft was saved after the body was
 * queued (its Change links, another tab). `updatedAt` is outside the PIN seal, so this works in
 * the service worker with no key; a save that changed nothing only keeps a draft too many.
 */
export function holdsLaterChanges(record: OutboxComplaint, draft: Pick<StoredDraft, "updatedAt">): boolean {
  return record.laterChanges === true || Date.parse(draft.updatedAt) > Date.parse(record.queuedAt);
}

function errorFrom(result: Exclude<SendResult, { kind: "accepted" }>): OutboxError {
  if (result.kind === "rejected") {
    const problems = result.fields.map(({ field, key }) => ({ field, key }));
    return { kind: "rejected", status: result.status, code: result.error, fields: problems.map((f) => f.field), ...(problems.length > 0 ? { problems } : {}) };
  }
  if (result.kind === "server") return { kind: "server", status: result.status };
  return { kind: "network" };
}

/**
 * The outbox is the source of truth for sending: a complaint (or a request for the next stage) is
 * written here first and leaves only when the server has confirmed it, in the same transaction
 * that records it as sent. Sending the same id twice is safe: the server answers with the same
 * reference. Only outbox-sync.ts sends; pages queue, list, "send now" and delete.
 */
export function outboxRepository(database: SpeakUpDatabase = db) {
  const common = (id: string, endpoint: string, now: Date) => ({
    id,
    schemaVersion: 2 as const,
    state: "waiting" as const,
    attempts: 0,
    queuedAt: now.toISOString(),
    nextAttemptAt: now.toISOString(),
    endpoint,
  });

  return {
    async queue(draftId: string, payload: Complaint, endpoint: string, now: Date = new Date(), label?: string): Promise<OutboxComplaint> {
      const named = label ? { label } : {};
      const record: OutboxComplaint = { ...common(payload.id, endpoint, now), kind: "complaint", draftId, payload, ...named };
      // put, not add: queueing again after an edit replaces the waiting copy (same id, new content).
      // A copy being sent right now is left alone: the sender settles it.
      return database.transaction("rw", database.outbox, async () => {
        const existing = readOutbox(await database.outbox.get(payload.id));
        if (existing?.kind === "complaint" && beingSent(existing, now)) return existing;
        // Send pressed again with the same answers: keep the copy already waiting (same body, so
        // if the server got it but its answer was lost, it answers with the same reference).
        // Where the server may hold that copy it is never replaced either: a changed body with the
        // same id would be refused (id-reused) and never sent. After a refusal it holds nothing, so
        // the corrected answers replace it.
        if (existing?.kind === "complaint" && (sameComplaint(existing.payload, payload) || serverMayHold(existing))) {
          const kept = existing.laterChanges || !sameComplaint(existing.payload, payload);
          const due: OutboxComplaint = {
            ...existing,
            ...named,
            state: "waiting",
            nextAttemptAt: now.toISOString(),
            ...(kept ? { laterChanges: true as const } : {}),
          };
          await database.outbox.put(due);
          return due;
        }
        await database.outbox.put(record);
        return record;
      });
    },

    async queueEscalation(sent: SentRecord, payload: EscalationRequest, now: Date = new Date()): Promise<OutboxEscalation> {
      const record: OutboxEscalation = {
        ...common(payload.id, sent.endpoint ?? DEFAULT_ENDPOINT, now),
        kind: "escalation",
        complaintId: sent.id,
        reference: sent.reference,
        payload,
      };
      await database.outbox.put(record);
      return record;
    },

    async get(id: string): Promise<OutboxRecord | undefined> {
      return readOutbox(await database.outbox.get(id));
    },

    /** Everything waiting, oldest first. A record this version cannot read is kept in the database, not listed or sent. */
    async list(): Promise<OutboxRecord[]> {
      return readRecords(outboxRecordSchema, await database.outbox.orderBy("queuedAt").toArray()).records;
    },

    /** Everything waiting, oldest first, and how many records this version cannot read (kept as they are). */
    async read(): Promise<ReadRecords<OutboxRecord>> {
      return readRecords(outboxRecordSchema, await database.outbox.orderBy("queuedAt").toArray());
    },

    /** The next item that is due (not failed, not backing off), oldest first. */
    async nextDue(now: Date = new Date()): Promise<OutboxRecord | undefined> {
      // A cursor that stops at the first match, not the whole outbox per send.
      const due = await database.outbox
        .orderBy("queuedAt")
        .filter((raw) => {
          const record = readOutbox(raw);
          return record !== undefined && record.state !== "failed" && Date.parse(record.nextAttemptAt) <= now.getTime();
        })
        .first();
      return readOutbox(due);
    },

    /** When the next waiting item becomes due, if any is backing off. */
    async nextWake(): Promise<number | undefined> {
      const all = readRecords(outboxRecordSchema, await database.outbox.toArray()).records;
      const times = all.filter((r) => r.state !== "failed").map((r) => Date.parse(r.nextAttemptAt));
      return times.length > 0 ? Math.min(...times) : undefined;
    },

    /**
     * Make items due now: the ones named ("Send now", "Try again"), or, with no ids, everything
     * waiting (the connection came back); a rejected one then still waits for the person.
     */
    async dueNow(ids?: string[], now: Date = new Date()): Promise<void> {
      await database.transaction("rw", database.outbox, async () => {
        const all = await database.outbox.toArray();
        for (const record of all) {
          if (beingSent(record, now)) continue;
          if (ids ? !ids.includes(record.id) : record.state === "failed") continue;
          await database.outbox.update(record.id, { state: "waiting", nextAttemptAt: now.toISOString() });
        }
      });
    },

    /**
     * Take an item for sending: in one transaction, check it is still there, not failed and due,
     * mark it "sending" and return it as stored now. Undefined when it was deleted or changed to
     * not due meanwhile, so a deleted item is never sent and the body sent is the one stored.
     */
    async markSending(id: string, now: Date = new Date()): Promise<OutboxRecord | undefined> {
      return database.transaction("rw", database.outbox, async () => {
        const record = readOutbox(await database.outbox.get(id));
        if (!record || record.state === "failed" || Date.parse(record.nextAttemptAt) > now.getTime()) return undefined;
        const taken: OutboxRecord = { ...record, state: "sending", lastTriedAt: now.toISOString() };
        await database.outbox.put(taken);
        return taken;
      });
    },

    /**
     * "Change my answers" on a waiting complaint the server cannot hold (never tried, or refused):
     * take it out of the outbox so its draft is a draft again, sent only when Send is pressed again.
     * False when it may be with the council already or is being sent right now: it stays.
     */
    async takeBack(id: string, now: Date = new Date()): Promise<boolean> {
      return database.transaction("rw", database.outbox, async () => {
        const record = readOutbox(await database.outbox.get(id));
        if (record?.kind !== "complaint" || beingSent(record, now) || serverMayHold(record)) return false;
        await database.outbox.delete(id);
        return true;
      });
    },

    /**
     * "Change my answers anyway" on a waiting complaint the server may hold: it is still sent as it
     * is, and the draft, with whatever the person changes, is kept when it settles (bug 2).
     */
    async keepLaterChanges(id: string): Promise<boolean> {
      return database.transaction("rw", database.outbox, async () => {
        const record = readOutbox(await database.outbox.get(id));
        if (record?.kind !== "complaint") return false;
        const kept: OutboxComplaint = { ...record, laterChanges: true };
        await database.outbox.put(kept);
        return true;
      });
    },

    /** Delete a waiting item (after the person confirms). One being sent right now is not deleted; one stuck "sending" is. */
    async remove(id: string, now: Date = new Date()): Promise<boolean> {
      return database.transaction("rw", database.outbox, async () => {
        const record = await database.outbox.get(id);
        if (!record || beingSent(record, now)) return false;
        await database.outbox.delete(id);
        return true;
      });
    },

    /** Record the server's answer to a complaint. Returns the sent record when it was accepted. */
    async settle(id: string, result: SendResult, now: Date = new Date()): Promise<SentRecord | undefined> {
      return database.transaction("rw", database.outbox, database.sent, database.drafts, async () => {
        const record = readOutbox(await database.outbox.get(id));
        if (!record || record.kind !== "complaint") return readSent(await database.sent.get(id));
        if (result.kind === "accepted") {
          const earlier = readSent(await database.sent.get(id));
          const sent: SentRecord = {
            ...earlier,
            id,
            schemaVersion: 1,
            reference: result.reference,
            councilId: record.payload.councilId,
            receivedAt: result.receivedAt,
            receivedOn: todayIso(new Date(result.receivedAt)),
            // What was written goes to the council and leaves this phone: only the route-finding answers stay.
            payload: sentSummaryOf(record.payload),
            endpoint: record.endpoint,
            ...(record.payload.contact === undefined || record.payload.contact.method === "none" ? { noContact: true as const } : {}),
            ...(result.statusToken ? { statusToken: result.statusToken } : {}),
            ...(result.accessCode ? { accessCode: result.accessCode } : {}),
            ...(record.label ? { label: record.label } : {}),
          };
          await database.outbox.delete(id);
          const draft = await database.drafts.get(record.draftId);
          await database.drafts.delete(record.draftId);
          if (draft && holdsLaterChanges(record, draft)) {
            // The council got the earlier body; the draft holds words typed since. They are kept,
            // under a new id (a new complaint if sent; this id is the council's now) and offered back.
            // The id is outside the PIN seal, so a sealed draft moves without the key.
            const laterChangesDraftId = crypto.randomUUID();
            await database.drafts.put({ ...draft, id: laterChangesDraftId });
            const withDraft: SentRecord = { ...sent, laterChangesDraftId };
            await database.sent.put(withDraft);
            return withDraft;
          }
          await database.sent.put(sent);
          return sent;
        }
        await failed(record, result, now);
        return undefined;
      });
    },

    /** Record the server's answer to a request for the next stage. Returns the updated sent complaint when accepted. */
    async settleEscalation(id: string, result: EscalationResult, now: Date = new Date()): Promise<SentRecord | undefined> {
      return database.transaction("rw", database.outbox, database.sent, async () => {
        const record = readOutbox(await database.outbox.get(id));
        if (!record || record.kind !== "escalation") return undefined;
        if (result.kind === "accepted") {
          const sent = readSent(await database.sent.get(record.complaintId));
          await database.outbox.delete(id);
          if (!sent) return undefined;
          const escalation = {
            id,
            toStage: result.stage,
            requestedOn: todayIso(new Date(result.receivedAt)),
            why: record.payload.why,
            ...(record.payload.wantNow ? { wantNow: record.payload.wantNow } : {}),
            ...(record.payload.replyReceivedOn ? { replyReceivedOn: record.payload.replyReceivedOn } : {}),
          };
          const escalations = [...(sent.escalations ?? []).filter((e) => e.id !== id), escalation].sort((a, b) => a.toStage - b.toStage);
          const updated: SentRecord = { ...sent, escalations };
          await database.sent.put(updated);
          return updated;
        }
        await failed(record, result, now);
        return undefined;
      });
    },

    async getSent(id: string): Promise<SentRecord | undefined> {
      return readSent(await database.sent.get(id));
    },

    async sentByReference(reference: string): Promise<SentRecord | undefined> {
      return readSent(await database.sent.where("reference").equals(reference).first());
    },

    /** Every sent complaint, the newest first. */
    async listSent(): Promise<SentRecord[]> {
      return readRecords(sentRecordSchema, await database.sent.orderBy("receivedAt").reverse().toArray()).records;
    },

    /** Every sent complaint, the newest first, and how many records this version cannot read (kept as they are). */
    async readSent(): Promise<ReadRecords<SentRecord>> {
      return readRecords(sentRecordSchema, await database.sent.orderBy("receivedAt").reverse().toArray());
    },

    async saveStatus(id: string, status: KnownStatus): Promise<void> {
      await database.sent
        .where("id")
        .equals(id)
        .modify((sent) => {
          sent.status = status;
          delete sent.statusProblem;
        });
    },

    /**
     * Follow a complaint found with Check a complaint: a new sent record, or the one already here
     * with its new token (the old one has stopped working). What this phone knew is kept.
     */
    async follow(found: Omit<SentRecord, "schemaVersion">): Promise<SentRecord> {
      return database.transaction("rw", database.sent, async () => {
        const earlier = readSent(await database.sent.get(found.id)) ?? readSent(await database.sent.where("reference").equals(found.reference).first());
        const record: SentRecord = earlier
          ? { ...earlier, statusToken: found.statusToken, ...(found.endpoint ? { endpoint: found.endpoint } : {}) }
          : { ...found, schemaVersion: 1 };
        if (earlier && earlier.id !== record.id) await database.sent.delete(earlier.id);
        await database.sent.put(record);
        return record;
      });
    },

    /** Keep a new access code (the old one has stopped working). */
    async saveAccessCode(id: string, accessCode: string): Promise<void> {
      await database.sent.update(id, { accessCode });
    },

    async saveStatusProblem(id: string, kind: string, now: Date = new Date()): Promise<void> {
      await database.sent.update(id, { statusProblem: { at: now.toISOString(), kind } });
    },
  };

  async function failed(record: OutboxRecord, result: Exclude<SendResult, { kind: "accepted" }>, now: Date): Promise<void> {
    const attempts = record.attempts + 1;
    await database.outbox.update(record.id, {
      // A 4xx will not change by trying again: it waits for the person ("failed", with what to do).
      state: result.kind === "rejected" ? "failed" : "waiting",
      attempts,
      lastError: errorFrom(result),
      nextAttemptAt: new Date(
        now.getTime() + (result.kind === "rejected" ? 0 : retryDelayMs(attempts, result.kind === "server" ? result.retryAfterMs : undefined)),
      ).toISOString(),
    });
  }
}

export type OutboxRepository = ReturnType<typeof outboxRepository>;
