import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import fixture from "../../../test/fixtures/complaint.valid.json";
import { complaintSchema } from "../../domain/complaint";
import { db } from "./db";
import { outboxRepository } from "./outbox-repository";
import { drainForBackgroundSync, drainOutbox } from "./outbox-sender";

const ENDPOINT = "/api/v1/complaints";
const outbox = outboxRepository();
const complaintNumbered = (n: number) => complaintSchema.parse({ ...fixture, id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}` });

/** A fake council server: stores each id once, answers like the real one, and can be switched off. */
function fakeServer() {
  const stored = new Map<string, string>();
  const posts: string[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const control = { down: false };
  const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { id: string };
    posts.push(body.id);
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 5));
    inFlight--;
    if (control.down) throw new TypeError("Failed to fetch");
    const reference = stored.get(body.id) ?? `SU-${String(stored.size + 2).padStart(4, "2")}-ABCD`;
    const created = !stored.has(body.id);
    stored.set(body.id, reference);
    return new Response(JSON.stringify({ id: body.id, reference, receivedAt: "2026-12-03T10:00:00.000Z", statusToken: "t".repeat(43) }), {
      status: created ? 201 : 200,
      headers: { "Content-Type": "application/json" },
    });
  });
  vi.stubGlobal("fetch", fetchMock);
  return { stored, posts, control, mostInFlight: () => mostInFlight };
}

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("drainOutbox", () => {
  it("sends every waiting complaint once, one at a time, oldest first, and moves each to sent", async () => {
    const server = fakeServer();
    const t0 = Date.parse("2026-12-03T09:00:00.000Z");
    for (let n = 1; n <= 5; n++) await outbox.queue(`d${n}`, complaintNumbered(n), ENDPOINT, new Date(t0 + n * 1000));
    await drainOutbox({ locks: null, now: () => new Date(t0 + 10_000) });
    expect(server.posts).toEqual([1, 2, 3, 4, 5].map((n) => complaintNumbered(n).id));
    expect(server.mostInFlight()).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.sent.count()).toBe(5);
    expect((await outbox.getSent(complaintNumbered(1).id))?.statusToken).toBe("t".repeat(43));
  });

  it("keeps everything when the server cannot be reached, backs off, and sends each exactly once when it is back", async () => {
    const server = fakeServer();
    server.control.down = true;
    await outbox.queue("d1", complaintNumbered(1), ENDPOINT);
    await outbox.queue("d2", complaintNumbered(2), ENDPOINT);
    const now = new Date();
    await drainOutbox({ locks: null, now: () => now });
    expect(await db.outbox.count()).toBe(2);
    expect(await outbox.get(complaintNumbered(1).id)).toMatchObject({ state: "waiting", attempts: 1, lastError: { kind: "network" } });
    // Still backing off: nothing is tried.
    server.posts.length = 0;
    await drainOutbox({ locks: null, now: () => now });
    expect(server.posts).toEqual([]);
    // Back online, after the back-off.
    server.control.down = false;
    await drainOutbox({ locks: null, now: () => new Date(now.getTime() + 5_001) });
    expect(server.stored.size).toBe(2);
    expect(await db.outbox.count()).toBe(0);
  });

  it("with two senders at once (two tabs, fallback lease), each complaint is posted exactly once", async () => {
    const server = fakeServer();
    for (let n = 1; n <= 4; n++) await outbox.queue(`d${n}`, complaintNumbered(n), ENDPOINT);
    // Two tabs are two module instances; here two drains on separate repositories race for the lease.
    await Promise.all([drainOutbox({ locks: null, repository: outboxRepository() }), drainOutboxFromAnotherTab()]);
    expect(server.posts.sort()).toEqual([1, 2, 3, 4].map((n) => complaintNumbered(n).id).sort());
    expect(await db.sent.count()).toBe(4);
  });

  it("with the Web Locks API, a second sender waits for the first and finds nothing left to post", async () => {
    const server = fakeServer();
    for (let n = 1; n <= 3; n++) await outbox.queue(`d${n}`, complaintNumbered(n), ENDPOINT);
    let held = Promise.resolve();
    const locks = {
      request: vi.fn((_name: string, work: () => Promise<void>) => {
        const run = held.then(work);
        held = run.catch(() => {});
        return run;
      }),
    } as unknown as LockManager;
    await Promise.all([drainOutbox({ locks }), drainOutboxFromAnotherTab(locks)]);
    expect(server.posts).toHaveLength(3);
    expect(locks.request).toHaveBeenCalledTimes(2);
  });

  it("does not retry a complaint the server rejected, and says why", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response(JSON.stringify({ error: "invalid-complaint", fields: [{ field: "councilId", key: "x" }] }), { status: 400 })),
    );
    await outbox.queue("d1", complaintNumbered(1), ENDPOINT);
    await drainOutbox({ locks: null });
    await drainOutbox({ locks: null });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await outbox.get(complaintNumbered(1).id)).toMatchObject({
      state: "failed",
      lastError: { kind: "rejected", code: "invalid-complaint", fields: ["councilId"] },
    });
  });
});

describe("drainOutbox and the person acting at the same moment", () => {
  it("never sends an item deleted after it was found and before it was sent", async () => {
    const server = fakeServer();
    await outbox.queue("d1", complaintNumbered(1), ENDPOINT);
    const repository = outboxRepository();
    const racing: typeof repository = {
      ...repository,
      nextDue: async (now) => {
        const due = await repository.nextDue(now);
        // The person confirms Delete just after the sender found it.
        if (due) await repository.remove(due.id);
        return due;
      },
    };
    await drainOutbox({ locks: null, repository: racing });
    expect(server.posts).toEqual([]);
    expect(await db.outbox.count()).toBe(0);
  });

  it("sends the body as stored when sending starts, and keeps a body the server may already have once it was tried", async () => {
    const server = fakeServer();
    server.control.down = true;
    const first = complaintNumbered(1);
    await outbox.queue("d1", first, ENDPOINT);
    await drainOutbox({ locks: null });
    // Tried once (maybe stored by the server): pressing Send after changing an answer keeps the first body.
    await outbox.queue("d1", { ...first, putRight: "Changed after the first try" }, ENDPOINT);
    const kept = await outbox.get(first.id);
    expect(kept?.kind === "complaint" ? kept.payload.putRight : undefined).toBe(first.putRight);
    server.control.down = false;
    await drainOutbox({ locks: null });
    expect(server.posts).toEqual([first.id, first.id]);
    expect(await db.sent.count()).toBe(1);
  });
});

describe("drainForBackgroundSync", () => {
  it("sends what is still backing off, and rejects while anything still waits so the browser tries again", async () => {
    const server = fakeServer();
    server.control.down = true;
    await outbox.queue("d1", complaintNumbered(1), ENDPOINT);
    await drainOutbox({ locks: null });
    // Backing off now; the sync fires when the connection is back.
    server.control.down = false;
    await drainForBackgroundSync();
    expect(await db.sent.count()).toBe(1);
    server.control.down = true;
    await outbox.queue("d2", complaintNumbered(2), ENDPOINT);
    await expect(drainForBackgroundSync()).rejects.toThrow(/still waiting/);
  });
});

/** Another tab: a fresh copy of the module, with its own in-memory state, sharing the same IndexedDB. */
async function drainOutboxFromAnotherTab(locks: LockManager | null = null): Promise<void> {
  vi.resetModules();
  const other = await import("./outbox-sender");
  await other.drainOutbox({ locks });
}

describe("a server that asks the phone to wait (429 or 503 with Retry-After, issue 10)", () => {
  it.each([
    { header: "120", waitMs: 120_000 },
    { header: "Thu, 03 Dec 2026 10:02:00 GMT", waitMs: 120_000 },
    { header: "86400", waitMs: 60 * 60_000 },
    { header: "soon", waitMs: 5_000 },
    { header: "1", waitMs: 5_000 },
    { header: null, waitMs: 5_000 },
  ])("Retry-After $header: the next try is $waitMs ms later (never sooner than the backoff, never over an hour)", async ({ header, waitMs }) => {
    const now = new Date("2026-12-03T10:00:00.000Z");
    vi.stubGlobal(
      "fetch",
      vi.fn(
        async () =>
          new Response(JSON.stringify({ error: "too-many-requests", message: "Too many requests." }), {
            status: 429,
            headers: {
              "Content-Type": "application/json",
              Date: "Thu, 03 Dec 2026 10:00:00 GMT",
              ...(header === null ? {} : { "Retry-After": header }),
            },
          }),
      ),
    );
    await outbox.queue("d1", complaintNumbered(1), ENDPOINT, now);
    await drainOutbox({ locks: null, now: () => now });
    const [record] = await db.outbox.toArray();
    expect(record?.state).toBe("waiting");
    expect(record?.lastError).toEqual({ kind: "server", status: 429 });
    expect(Date.parse(record?.nextAttemptAt ?? "") - now.getTime()).toBe(waitMs);
  });
});
