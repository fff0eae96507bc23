import type { Complaint } from "../../domain/complaint";
import { postComplaint, type SendResult } from "./api-client";
import type { SentRecord } from "./db";
import { outboxRepository } from "./outbox-repository";

const outbox = outboxRepository();

export type SendOutcome =
  | { kind: "sent"; sent: SentRecord }
  | { kind: "queued"; result: Extract<SendResult, { kind: "network" | "server" }> }
  | { kind: "rejected"; result: Extract<SendResult, { kind: "rejected" }> };

/**
 * Put the complaint in the outbox, then try to send it. The outbox copy stays until the server
 * confirms, so a failed or interrupted send loses nothing and can be tried again with the same id.
 */
export async function queueAndSend(draftId: string, complaint: Complaint, endpoint: string): Promise<SendOutcome> {
  await outbox.queue(draftId, complaint);
  return sendQueued(complaint.id, endpoint);
}

export async function sendQueued(id: string, endpoint: string): Promise<SendOutcome> {
  const record = await outbox.get(id);
  if (!record) {
    throw new Error(`Complaint ${id} is not in the outbox`);
  }
  await outbox.markSending(id);
  const result = await postComplaint(endpoint, record.payload);
  const sent = await outbox.settle(id, result);
  if (result.kind === "accepted" && sent) return { kind: "sent", sent };
  if (result.kind === "rejected") return { kind: "rejected", result };
  if (result.kind === "accepted") return { kind: "queued", result: { kind: "server", status: 200 } };
  return { kind: "queued", result };
}
