import type { Complaint } from "../../domain/complaint";
import { todayIso } from "../../domain/calendar";
import type { SendResult } from "./api-client";
import { db, type OutboxRecord, type SentRecord, type SpeakUpDatabase } from "./db";

/**
 * The outbox is the source of truth for sending: a complaint is written here first and leaves only
 * when the server has confirmed it, in the same transaction that records it as sent and removes
 * its draft. Sending the same id twice is safe: the server answers with the same reference.
 */
export function outboxRepository(database: SpeakUpDatabase = db) {
  return {
    async queue(draftId: string, payload: Complaint, now: Date = new Date()): Promise<OutboxRecord> {
      const record: OutboxRecord = {
        id: payload.id,
        schemaVersion: 1,
        draftId,
        payload,
        state: "waiting",
        attempts: 0,
        queuedAt: now.toISOString(),
      };
      // put, not add: queueing again after an edit replaces the waiting copy (same id, new content).
      await database.outbox.put(record);
      return record;
    },

    async get(id: string): Promise<OutboxRecord | undefined> {
      return database.outbox.get(id);
    },

    async markSending(id: string): Promise<void> {
      await database.outbox.update(id, { state: "sending" });
    },

    /** Record the server's answer. Returns the sent record when the complaint was accepted. */
    async settle(id: string, result: SendResult): Promise<SentRecord | undefined> {
      return database.transaction("rw", database.outbox, database.sent, database.drafts, async () => {
        const record = await database.outbox.get(id);
        if (!record) return database.sent.get(id);
        if (result.kind === "accepted") {
          const sent: SentRecord = {
            id,
            schemaVersion: 1,
            reference: result.reference,
            councilId: record.payload.councilId,
            receivedAt: result.receivedAt,
            receivedOn: todayIso(new Date(result.receivedAt)),
            payload: record.payload,
          };
          await database.sent.put(sent);
          await database.outbox.delete(id);
          await database.drafts.delete(record.draftId);
          return sent;
        }
        await database.outbox.update(id, {
          state: result.kind === "rejected" ? "failed" : "waiting",
          attempts: record.attempts + 1,
          lastError:
            result.kind === "rejected"
              ? { kind: "rejected", status: result.status, fields: result.fields.map((f) => f.field) }
              : result.kind === "server"
                ? { kind: "server", status: result.status }
                : { kind: "network" },
        });
        return undefined;
      });
    },

    async sentByReference(reference: string): Promise<SentRecord | undefined> {
      return database.sent.where("reference").equals(reference).first();
    },
  };
}

export type OutboxRepository = ReturnType<typeof outboxRepository>;
