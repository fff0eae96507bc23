import { useLiveQuery } from "dexie-react-hooks";
import type { OutboxRecord, SentRecord } from "./db";
import { outboxRepository } from "./outbox-repository";

const repository = outboxRepository();

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
  return useLiveQuery(
    () =>
      Promise.all([repository.read(), repository.readSent()]).then(
        ([waiting, sent]): OutboxView => ({ status: "ok", waiting: waiting.records, sent: sent.records, setAside: waiting.setAside + sent.setAside }),
        (): OutboxView => ({ status: "unavailable" }),
      ),
    [],
  );
}

export type ItemView = { status: "waiting"; record: OutboxRecord } | { status: "sent"; sent: SentRecord } | { status: "gone" };

/** One queued complaint or request, live: waiting (with its state), sent, or gone (deleted). Undefined while loading. */
export function useOutboxItem(id: string | undefined): ItemView | undefined {
  return useLiveQuery(async (): Promise<ItemView> => {
    if (!id) return { status: "gone" };
    const record = await repository.get(id);
    if (record) return { status: "waiting", record };
    const sent = await repository.getSent(id);
    return sent ? { status: "sent", sent } : { status: "gone" };
  }, [id]);
}
