import { useLiveQuery } from "dexie-react-hooks";
import { useEffect, useState } from "react";
import { db, isWaitingToSend, type OutboxRecord, type SentRecord } from "./db";
import { useLiveAnswer } from "./use-live-answer";
import type { OutboxRepository } from "./outbox-repository";

let loading: Promise<OutboxRepository> | undefined;
let loaded: OutboxRepository | undefined;

/**
 * The outbox's code, loaded when first needed: reading a record checks it with the complaint's
 * rules, which a question page does not need (`useWaitingToSend`; issue 9, decision 027). Outside
 * the live queries: Dexie observes a query only while it awaits Dexie's own promises.
 */
function useRepository(needed: boolean): OutboxRepository | undefined {
  const [outbox, setOutbox] = useState(loaded);
  const [failed, setFailed] = useState<unknown>();
  useEffect(() => {
    if (!needed || outbox) return;
    let current = true;
    loading ??= import("./outbox-repository").then(({ outboxRepository }) => (loaded = outboxRepository()));
    loading.then(
      (repository) => current && setOutbox(repository),
      (error: unknown) => {
        loading = undefined;
        if (current) setFailed(error);
      },
    );
    return () => {
      current = false;
    };
  }, [needed, outbox]);
  // Like a failed read, for the page's error boundary ("Something went wrong", Try again).
  if (failed !== undefined) throw failed;
  return outbox;
}

export type OutboxView =
  | {
      status: "ok";
      waiting: OutboxRecord[];
      sent: SentRecord[];
      /** Records this version cannot read (stored-records.ts): kept as they are, and the person is told. */
      setAside: number;
    }
  | { status: "unavailable" };

/** Everything waiting to be sent and everything sent, live: a change in any tab (or the service worker) shows at once. Undefined while loading. */
export function useOutbox(): OutboxView | undefined {
  const outbox = useRepository(true);
  return useLiveQuery(
    () =>
      outbox &&
      Promise.all([outbox.read(), outbox.readSent()]).then(
        ([waiting, sent]): OutboxView => ({ status: "ok", waiting: waiting.records, sent: sent.records, setAside: waiting.setAside + sent.setAside }),
        (): OutboxView => ({ status: "unavailable" }),
      ),
    [outbox],
  );
}

export type ItemView = { status: "waiting"; record: OutboxRecord } | { status: "sent"; sent: SentRecord } | { status: "gone" };

/** One queued complaint or request, live: waiting (with its state), sent, or gone (deleted). Undefined while loading. */
export function useOutboxItem(id: string | undefined): ItemView | undefined {
  const outbox = useRepository(id !== undefined);
  return useLiveAnswer(id, async (): Promise<ItemView | undefined> => {
    if (!id) return { status: "gone" };
    if (!outbox) return undefined;
    const record = await outbox.get(id);
    if (record) return { status: "waiting", record };
    const sent = await outbox.getSent(id);
    return sent ? { status: "sent", sent } : { status: "gone" };
  }, [outbox]);
}

/**
 * Whether the complaint made from draft `draftId` is on its way and holds all of the draft
 * (waiting, not refused, no later changes): then its questions are not opened, Check your answers
 * is (bug 4). Live; undefined while loading. Reads the record as stored, without the outbox's
 * code and the complaint's rules, so a question page never waits for those (issue 9): a record
 * this version cannot read then sends the person to Check your answers, which says what it can.
 */
export function useWaitingToSend(draftId: string | undefined): boolean | undefined {
  return useLiveAnswer(draftId, async () => {
    if (!draftId) return false;
    const record = (await db.outbox.get(draftId)) as OutboxRecord | undefined;
    return isWaitingToSend(record) && !record.laterChanges;
  }, []);
}
