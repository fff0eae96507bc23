import { postComplaint, postEscalation } from "./api-client";
import { db, type OutboxRecord } from "./db";
import { outboxRepository, SEND_TIMEOUT_MS, type OutboxRepository } from "./outbox-repository";
import { SETTING_KEYS } from "./storage-keys";

/**
 * The sender, safe in the service worker as in a page (no window, no document): the worker's
 * Background Sync and the pages' outbox-sync.ts both drain through it.
 *
 * Sending what waits in the outbox (issue 6): one item at a time, oldest first, in only one tab
 * (or the service worker) at once. It starts when the app opens, when the connection comes back,
 * when the page is shown again, when something is queued, through Background Sync where the
 * browser has it, and after each back-off (5 seconds up to 5 minutes). A record leaves the outbox
 * only in the transaction that records the server's confirmation (outbox-repository.ts).
 *
 * Only one sender: the Web Locks API where the browser has it; elsewhere a lease in IndexedDB
 * that another tab may take over once it has not been renewed for `LEASE_MS`.
 */

/** The Background Sync tag the service worker listens for. */
export const OUTBOX_SYNC_TAG = "speak-up-outbox";
const LOCK_NAME = "speak-up-outbox";
const LEASE_KEY = SETTING_KEYS.outboxLease;
export const LEASE_MS = 60_000;

export interface DrainOptions {
  repository?: OutboxRepository;
  now?: () => Date;
  /** Which lock to use; tests force the fallback. */
  locks?: Pick<LockManager, "request"> | null;
}

const me = typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : String(Math.random());

async function takeLease(now: number): Promise<boolean> {
  return db.transaction("rw", db.settings, async () => {
    const lease = (await db.settings.get(LEASE_KEY))?.value as { owner?: string; until?: number } | undefined;
    if (lease?.owner && lease.owner !== me && (lease.until ?? 0) > now) return false;
    await db.settings.put({ key: LEASE_KEY, value: { owner: me, until: now + LEASE_MS } });
    return true;
  });
}

async function dropLease(): Promise<void> {
  await db.transaction("rw", db.settings, async () => {
    const lease = (await db.settings.get(LEASE_KEY))?.value as { owner?: string } | undefined;
    if (lease?.owner === me) await db.settings.delete(LEASE_KEY);
  });
}

/** Run `work` as the only sender. Returns false when another tab holds the fallback lease (it will send). */
async function asOnlySender(work: (renew: () => Promise<boolean>) => Promise<void>, options: DrainOptions): Promise<boolean> {
  const locks = options.locks === undefined ? (typeof navigator !== "undefined" ? navigator.locks : undefined) : options.locks;
  if (locks) {
    await locks.request(LOCK_NAME, () => work(async () => true));
    return true;
  }
  const now = () => (options.now?.() ?? new Date()).getTime();
  if (!(await takeLease(now()))) return false;
  try {
    await work(() => takeLease(now()));
  } finally {
    await dropLease();
  }
  return true;
}

/** An abort signal after `ms` (AbortSignal.timeout is missing from older Safari). */
function timeoutSignal(ms: number): { signal: AbortSignal; clear: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}

async function sendOne(due: OutboxRecord, repository: OutboxRepository, now: () => Date): Promise<void> {
  // Send what is stored at this moment; nothing if it was deleted since it was found.
  const record = await repository.markSending(due.id, now());
  if (!record) return;
  const timeout = timeoutSignal(SEND_TIMEOUT_MS);
  try {
    if (record.kind === "complaint") {
      const result = await postComplaint(record.endpoint, record.payload, timeout.signal);
      await repository.settle(record.id, result, now());
      return;
    }
    const sent = await db.sent.get(record.complaintId);
    if (!sent?.statusToken) {
      // Without the token the server cannot accept it; say so instead of trying for ever.
      await repository.settleEscalation(record.id, { kind: "rejected", status: 401, error: "token-missing", fields: [] }, now());
      return;
    }
    const result = await postEscalation(record.endpoint, record.reference, sent.statusToken, record.payload, timeout.signal);
    await repository.settleEscalation(record.id, result, now());
  } finally {
    timeout.clear();
  }
}

/**
 * For Background Sync (the service worker): everything waiting is due now, send it, and reject if
 * something is still waiting (not refused) so the browser tries the sync again later.
 */
export async function drainForBackgroundSync(repository: OutboxRepository = outboxRepository()): Promise<void> {
  await repository.dueNow();
  await drainOutbox({ repository });
  if ((await repository.nextWake()) !== undefined) throw new Error("Some of the outbox is still waiting to be sent");
}

/** The browser knows it has no network (navigator.onLine false is reliable; true is only a maybe). */
function isOffline(): boolean {
  return typeof navigator !== "undefined" && navigator.onLine === false;
}

let draining: Promise<void> | undefined;
let again = false;

/** Send every item that is due, one at a time, in only one tab or worker at once. Never rejects. */
export function drainOutbox(options: DrainOptions = {}): Promise<void> {
  // A drain already running here picks up anything queued meanwhile: ask it to look once more.
  if (draining) {
    again = true;
    return draining;
  }
  const repository = options.repository ?? outboxRepository();
  const now = options.now ?? (() => new Date());
  draining = (async () => {
    try {
      do {
        again = false;
        await asOnlySender(async (renew) => {
          for (;;) {
            // With no connection at all nothing is tried: a try that surely never left the phone
            // would count as one the server may hold. The "online" event starts sending again.
            if (isOffline()) return;
            const due = await repository.nextDue(now());
            if (!due) return;
            if (!(await renew())) return;
            await sendOne(due, repository, now);
          }
        }, options);
      } while (again);
    } catch {
      // Storage trouble is shown by the pages that read the outbox; sending tries again later.
    } finally {
      draining = undefined;
    }
  })();
  return draining;
}
