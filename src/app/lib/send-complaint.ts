import type { Complaint } from "../../domain/complaint";
import type { OutboxComplaint, OutboxRecord, SentRecord } from "./db";
import { outboxRepository, sameComplaint, serverMayHold } from "./outbox-repository";
import { requestSend } from "./outbox-sync";

const outbox = outboxRepository();

export type SendOutcome =
  | { kind: "sent"; sent: SentRecord }
  /** Saved on this phone; it will be sent by itself (offline, or the server did not answer). */
  | { kind: "queued"; record: OutboxRecord }
  /** The server said no (a 4xx): the person needs to change something. */
  | { kind: "rejected"; record: OutboxRecord };

/**
 * Put the complaint in the outbox, then try to send it at once. The outbox copy stays until the
 * server confirms, so a failed or interrupted send loses nothing and is tried again by itself
 * with the same id (outbox-sync.ts).
 */
export async function queueAndSend(draftId: string, complaint: Complaint, endpoint: string, label?: string): Promise<SendOutcome & { keptEarlier: boolean }> {
  const queued = await outbox.queue(draftId, complaint, endpoint, new Date(), label);
  // An earlier copy may already be with the council: it is sent instead of the changed answers.
  const keptEarlier = !sameComplaint(queued.payload, complaint);
  await requestSend();
  return { ...(await outcomeOf(complaint.id)), keptEarlier };
}

/** Where a queued complaint has got to. */
export async function outcomeOf(id: string): Promise<SendOutcome> {
  const record = await outbox.get(id);
  if (!record) {
    const sent = await outbox.getSent(id);
    if (sent) return { kind: "sent", sent };
    throw new Error(`Complaint ${id} is neither waiting nor sent`);
  }
  return record.state === "failed" && record.lastError?.kind === "rejected" ? { kind: "rejected", record } : { kind: "queued", record };
}

/**
 * The deliberate step to change a complaint waiting to be sent (bug 4). If the council cannot have
 * it yet it is taken out of the outbox, to be sent again with Send; if it may have it, it is still
 * sent as it is and the draft, with the changes, is kept and offered back (bug 2). False when
 * nothing changed (it is being sent right now): the page says so.
 */
export async function changeWaiting(record: OutboxComplaint): Promise<boolean> {
  return serverMayHold(record) ? outbox.keepLaterChanges(record.id) : outbox.takeBack(record.id);
}
