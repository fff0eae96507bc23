import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testStores } from "../../../test/setup/stores";
import type { ComplaintStore, NewComplaint } from "../storage/complaint-store";
import { claimDueDeliveries, listDeliveries, resendDelivery, settleDelivery, type PlannedDelivery } from "./delivery-store";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const ID_A = "7d7a9a5e-1f3b-4c2e-9d41-0a2b3c4d5e6f";
const ID_B = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
const ESC_1 = "0e6f9b3a-8c1d-4e2f-a3b4-c5d6e7f80911";
const RECEIVED = "2026-11-20T10:00:00.000Z";

const TEAM: PlannedDelivery[] = [
  { kind: "email", receiver: "complaints@example.gov.uk", urgent: false },
  { kind: "webhook", receiver: "https://cases.example.gov.uk/hook", urgent: false },
];

function complaint(id: string, deliveries: readonly PlannedDelivery[] = TEAM, body = `{"id":"${id}"}`): NewComplaint {
  return {
    id,
    councilId: "example-borough",
    schemaVersion: 1,
    body,
    bodyHash: sha256(body),
    receivedAt: RECEIVED,
    statusTokenHash: sha256(id),
    language: null,
    deliveries,
  };
}

const at = (iso: string) => new Date(iso);

describe.each(testStores())("deliveries (the notification outbox): $name", ({ name, open }) => {
  let store: ComplaintStore;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await open());
  });
  afterEach(async () => {
    await cleanup();
  });

  it("writes one pending delivery per receiver with the complaint, due when it arrived", async () => {
    await store.insertComplaint(complaint(ID_A), () => "SU-AAAA-BBBB");
    const deliveries = await listDeliveries(store.sql, ID_A);
    expect(deliveries.map((d) => [d.kind, d.receiver, d.state, d.attempts, d.event, d.urgent])).toEqual([
      ["email", "complaints@example.gov.uk", "pending", 0, "complaint.received", false],
      ["webhook", "https://cases.example.gov.uk/hook", "pending", 0, "complaint.received", false],
    ]);
    expect(deliveries.every((d) => d.nextAttemptAt === RECEIVED && d.complaintId === ID_A && d.escalationId === null)).toBe(true);
    expect(new Set(deliveries.map((d) => d.idempotencyKey)).size).toBe(2);
  });

  it("adds no deliveries when the same complaint comes again, with the same body or another", async () => {
    await store.insertComplaint(complaint(ID_A), () => "SU-AAAA-BBBB");
    await store.insertComplaint(complaint(ID_A), () => "SU-CCCC-DDDD");
    await store.insertComplaint(complaint(ID_A, TEAM, '{"other":true}'), () => "SU-EEEE-FFFF");
    await Promise.all(Array.from({ length: 5 }, () => store.insertComplaint(complaint(ID_A), () => "SU-GGGG-HHHH")));
    expect(await listDeliveries(store.sql, ID_A)).toHaveLength(2);
  });

  it("writes nothing when the complaint cannot be stored (all references taken)", async () => {
    await store.insertComplaint(complaint(ID_A), () => "SU-AAAA-BBBB");
    await expect(store.insertComplaint(complaint(ID_B), () => "SU-AAAA-BBBB")).rejects.toThrow();
    expect(await listDeliveries(store.sql, ID_B)).toEqual([]);
    expect(await store.sql.all("SELECT id FROM deliveries WHERE complaint_id = $1", [ID_B])).toEqual([]);
  });

  it("writes the deliveries of a next-stage request with it, once, marked urgent when asked", async () => {
    await store.insertComplaint(complaint(ID_A, []), () => "SU-AAAA-BBBB");
    const body = JSON.stringify({ id: ESC_1 });
    const request = {
      id: ESC_1,
      complaintId: ID_A,
      toStage: 2,
      body,
      bodyHash: sha256(body),
      replyReceivedOn: null,
      receivedAt: "2026-12-01T09:30:00.000Z",
      deliveries: [{ kind: "webhook" as const, receiver: "https://cases.example.gov.uk/hook", urgent: true }],
    };
    const first = await store.insertEscalation(request);
    expect(first.kind).toBe("created");
    expect(first.kind === "created" && "deliveries" in first.escalation).toBe(false);
    expect((await store.insertEscalation(request)).kind).toBe("duplicate");
    const deliveries = await listDeliveries(store.sql, ID_A);
    expect(deliveries.map((d) => [d.event, d.escalationId, d.urgent])).toEqual([["escalation.received", ESC_1, true]]);
  });

  it("claims due deliveries once, urgent first; a lease that runs out is claimed again and the old claim cannot settle", async () => {
    await store.insertComplaint(complaint(ID_A), () => "SU-AAAA-BBBB");
    await store.insertComplaint(complaint(ID_B, [{ kind: "webhook", receiver: "https://x.example.gov.uk/h", urgent: true }]), () => "SU-CCCC-DDDD");
    expect(await claimDueDeliveries(store.sql, at("2026-11-20T09:59:59.000Z"), 60_000, 10)).toEqual([]);
    const now = at("2026-11-20T10:00:01.000Z");
    const claimed = await claimDueDeliveries(store.sql, now, 60_000, 10);
    expect(claimed.map((d) => [d.complaintId, d.state, d.attempts])).toEqual([
      [ID_B, "sending", 1],
      [ID_A, "sending", 1],
      [ID_A, "sending", 1],
    ]);
    // Claimed rows are not claimed again while their lease holds…
    expect(await claimDueDeliveries(store.sql, at("2026-11-20T10:00:30.000Z"), 60_000, 10)).toEqual([]);
    // …and are after it (the process that claimed them was killed).
    const again = await claimDueDeliveries(store.sql, at("2026-11-20T10:01:02.000Z"), 60_000, 10);
    expect(again.map((d) => d.attempts)).toEqual([2, 2, 2]);
    const one = again[0]!;
    expect(await settleDelivery(store.sql, one.id, 1, { kind: "delivered" }, now)).toBe(false);
    expect(await settleDelivery(store.sql, one.id, 2, { kind: "delivered" }, now)).toBe(true);
    expect((await listDeliveries(store.sql, ID_B))[0]?.state).toBe("delivered");
  });

  it("schedules a retry with its reason, fails for good, and a resend makes it due now", async () => {
    await store.insertComplaint(complaint(ID_A, [TEAM[1]!]), () => "SU-AAAA-BBBB");
    const [first] = await claimDueDeliveries(store.sql, at("2026-11-20T10:00:00.000Z"), 60_000, 10);
    await settleDelivery(store.sql, first!.id, 1, { kind: "retry", at: at("2026-11-20T10:05:00.000Z"), error: "HTTP 503" }, at(RECEIVED));
    let [row] = await listDeliveries(store.sql, ID_A);
    expect([row?.state, row?.lastError, row?.nextAttemptAt]).toEqual(["pending", "HTTP 503", "2026-11-20T10:05:00.000Z"]);
    expect(await claimDueDeliveries(store.sql, at("2026-11-20T10:04:59.000Z"), 60_000, 10)).toEqual([]);
    const [second] = await claimDueDeliveries(store.sql, at("2026-11-20T10:05:00.000Z"), 60_000, 10);
    await settleDelivery(store.sql, second!.id, 2, { kind: "failed", error: "timed out" }, at("2026-11-20T10:05:10.000Z"));
    [row] = await listDeliveries(store.sql, ID_A);
    expect([row?.state, row?.lastError, row?.attempts]).toEqual(["failed", "timed out", 2]);
    expect(await claimDueDeliveries(store.sql, at("2026-12-20T10:00:00.000Z"), 60_000, 10)).toEqual([]);
    expect(await resendDelivery(store.sql, row!.id, at("2026-11-21T08:00:00.000Z"))).toBe(true);
    [row] = await listDeliveries(store.sql, ID_A);
    expect([row?.state, row?.nextAttemptAt, row?.retryFrom]).toEqual(["pending", "2026-11-21T08:00:00.000Z", "2026-11-21T08:00:00.000Z"]);
  });

  it("lets concurrent claimers share the work without claiming a delivery twice", async () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ kind: "webhook" as const, receiver: `https://h${i}.example.gov.uk/`, urgent: false }));
    await store.insertComplaint(complaint(ID_A, many), () => "SU-AAAA-BBBB");
    const now = at("2026-11-20T10:00:00.000Z");
    const claims = await Promise.all(Array.from({ length: 4 }, () => claimDueDeliveries(store.sql, now, 60_000, 6)));
    const ids = claims.flat().map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(20);
  });

  if (name === "postgres") {
    it("a second claimer, while the first's claim is not yet committed, takes other deliveries at once instead of waiting (SKIP LOCKED)", async () => {
      const many = Array.from({ length: 12 }, (_, i) => ({ kind: "webhook" as const, receiver: `https://h${i}.example.gov.uk/`, urgent: false }));
      await store.insertComplaint(complaint(ID_A, many), () => "SU-AAAA-BBBB");
      const now = at("2026-11-20T10:00:00.000Z");
      const [first, second] = await store.sql.transaction(async (tx) => {
        const mine = await claimDueDeliveries(tx, now, 60_000, 6);
        // Another process (another connection) claims while this transaction still holds its rows.
        const theirs = await Promise.race([
          claimDueDeliveries(store.sql, now, 60_000, 6),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error("the second claimer waited for the first")), 3_000)),
        ]);
        return [mine, theirs];
      });
      expect(first).toHaveLength(6);
      expect(second).toHaveLength(6);
      expect(new Set([...first, ...second].map((d) => d.id)).size).toBe(12);
    });
  }
});
