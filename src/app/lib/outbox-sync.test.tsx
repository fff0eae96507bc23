import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import fixture from "../../../test/fixtures/complaint.valid.json";
import { complaintSchema } from "../../domain/complaint";
import { db } from "./db";
import { outboxRepository } from "./outbox-repository";
import { requestSend, startOutboxSync } from "./outbox-sync";

const complaint = complaintSchema.parse(fixture);

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
});
afterEach(() => {
  // Stop listening and any wake-up timer this test left.
  startOutboxSync()();
  vi.unstubAllGlobals();
});

describe("requestSend", () => {
  it("on a page that did not start the outbox when it opened (nothing was stored), sends when the connection comes back", async () => {
    let online = false;
    const posted: string[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_url: string, init: RequestInit) => {
        posted.push((JSON.parse(String(init.body)) as { id: string }).id);
        if (!online) throw new TypeError("Failed to fetch");
        return Response.json(
          { id: complaint.id, reference: "SU-2222-ABCD", receivedAt: "2026-12-03T10:00:00.000Z", statusToken: "t".repeat(43) },
          { status: 201 },
        );
      }),
    );
    await outboxRepository().queue("d1", complaint, "/api/v1/complaints");
    await requestSend();
    expect(posted).toEqual([complaint.id]);
    expect(await db.outbox.count()).toBe(1);
    // Back online well before the retry is due (5 s): the page sends at once, exactly once.
    online = true;
    window.dispatchEvent(new Event("online"));
    await vi.waitFor(async () => expect(await db.sent.count()).toBe(1), { timeout: 2_000 });
    expect(posted).toEqual([complaint.id, complaint.id]);
    expect(await db.outbox.count()).toBe(0);
  });
});
