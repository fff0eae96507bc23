import { drainOutbox, OUTBOX_SYNC_TAG } from "./outbox-sender";
import { outboxRepository, type OutboxRepository } from "./outbox-repository";

/*
 * The page's side of sending (outbox-sender.ts sends): start when the app opens, when the
 * connection comes back and when the page is shown again; wake for the next back-off; ask for
 * Background Sync in case the app closes first.
 */

let wakeTimer: ReturnType<typeof setTimeout> | undefined;

/** After a drain, wake up when the next backed-off item is due. */
async function scheduleWake(repository: OutboxRepository): Promise<void> {
  const next = await repository.nextWake().catch(() => undefined);
  if (wakeTimer !== undefined) clearTimeout(wakeTimer);
  wakeTimer = undefined;
  if (next === undefined) return;
  // At least a second: an item that is due while another tab holds the fallback lease is not polled in a tight loop.
  wakeTimer = setTimeout(() => void syncNow(), Math.max(1_000, next - Date.now() + 50));
}

/** Send what is due now, then sleep until the next retry. */
export async function syncNow(): Promise<void> {
  const repository = outboxRepository();
  await drainOutbox({ repository });
  await scheduleWake(repository);
}

/** Ask the browser to send later even if the app is closed (Background Sync, where there is one). */
async function registerBackgroundSync(): Promise<void> {
  try {
    if (!("serviceWorker" in navigator)) return;
    const registration = (await Promise.race([navigator.serviceWorker.ready, new Promise((resolve) => setTimeout(resolve, 2_000, undefined))])) as
      (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined;
    await registration?.sync?.register(OUTBOX_SYNC_TAG);
  } catch {
    // Not allowed or not supported: the app sends when it is next open.
  }
}

/** Something was just queued: try at once, and ask for Background Sync in case the app closes first. */
export async function requestSend(): Promise<void> {
  // A page that found nothing to send when it opened did not start listening (main.tsx): from now
  // on it sends again when the connection comes back.
  listenForChances();
  void registerBackgroundSync();
  await syncNow();
}

/** "Send now" / "Try again" on one item, or everything when the connection comes back. */
export async function sendNow(ids?: string[]): Promise<void> {
  await outboxRepository().dueNow(ids);
  await syncNow();
}

/** Stops listening, while the page listens for the connection coming back and for being shown again. */
let stopListening: (() => void) | undefined;

/** Send when the connection comes back and when the page is shown again (once per page). Returns a stop function. */
function listenForChances(): () => void {
  if (stopListening) return stopListening;
  const onOnline = () => void sendNow();
  const onVisible = () => {
    if (document.visibilityState === "visible") void syncNow();
  };
  window.addEventListener("online", onOnline);
  document.addEventListener("visibilitychange", onVisible);
  const stop = () => {
    window.removeEventListener("online", onOnline);
    document.removeEventListener("visibilitychange", onVisible);
    if (wakeTimer !== undefined) clearTimeout(wakeTimer);
    if (stopListening === stop) stopListening = undefined;
  };
  stopListening = stop;
  return stop;
}

/** Start sending by itself: now (the app opened), when back online, and when the page is shown again. Returns a stop function. */
export function startOutboxSync(): () => void {
  const stop = listenForChances();
  void syncNow();
  return stop;
}
