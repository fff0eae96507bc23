import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import fixture from "../../../test/fixtures/complaint.valid.json";
import { complaintSchema } from "../../domain/complaint";
import type { SendResult } from "./api-client";
import { SpeakUpDatabase } from "./db";
import { draftRepository } from "./draft-repository";
import { backoffMs, isStuckSending, isWaitingToSend, outboxRepository, SEND_TIMEOUT_MS, STUCK_SENDING_MS } from "./outbox-repository";

let database: SpeakUpDatabase;
beforeEach(async () => {
  database = new SpeakUpDatabase(`test-${crypto.randomUUID()}`);
  await database.open();
});
afterEach(async () => {
  await database.delete();
});

describe("draft repository", () => {
  it("creates a draft, makes it current and saves answers field by field", async () => {
    const drafts = draftRepository(database);
    const draft = await drafts.create("example-borough", new Date("2026-11-20T10:00:00Z"));
    expect((await drafts.current())?.status).toBe("ok");
    await drafts.saveAnswers(draft.id, { whatHappened: "First" }, "what-happened");
    await drafts.saveAnswers(draft.id, { putRight: "An apology" });
    const loaded = await drafts.get(draft.id);
    expect(loaded).toMatchObject({
      status: "ok",
      draft: { answers: { whatHappened: "First", putRight: "An apology" }, step: "what-happened" },
    });
  });

  it("lets two writers change different fields without losing either (last write wins per field)", async () => {
    const drafts = draftRepository(database);
    const draft = await drafts.create("example-borough");
    await Promise.all([
      drafts.saveAnswers(draft.id, { whatHappened: "from tab one" }),
      drafts.saveAnswers(draft.id, { putRight: "from tab two" }),
      drafts.saveAnswers(draft.id, { whatHappened: "from tab one, later" }),
    ]);
    const loaded = await drafts.get(draft.id);
    expect(loaded?.status === "ok" && loaded.draft.answers).toEqual({
      whatHappened: "from tab one, later",
      putRight: "from tab two",
    });
  });

  it("clears an answer when the patch sets it to undefined", async () => {
    const drafts = draftRepository(database);
    const draft = await drafts.create("example-borough");
    await drafts.saveAnswers(draft.id, { whatHappened: "x", putRight: "y" });
    await drafts.saveAnswers(draft.id, { putRight: undefined });
    const loaded = await drafts.get(draft.id);
    expect(loaded?.status === "ok" && loaded.draft.answers).toEqual({ whatHappened: "x" });
  });

  it("keeps a record it cannot read and reports it as needing checking, never dropping it", async () => {
    const drafts = draftRepository(database);
    await database.drafts.put({ id: "old-1", schemaVersion: 0, answers: "not an object" } as never);
    expect(await drafts.get("old-1")).toEqual({ status: "needs-checking", id: "old-1", raw: expect.anything() });
    expect(await database.drafts.count()).toBe(1);
  });

  it("refuses to save into a draft that no longer exists", async () => {
    await expect(draftRepository(database).saveAnswers(crypto.randomUUID(), { whatHappened: "x" })).rejects.toThrow(/not on this device/);
  });

  it("lists every draft, the most recently changed first, keeping ones that need checking", async () => {
    const drafts = draftRepository(database);
    const oldest = await drafts.create("example-borough", new Date("2026-11-01T10:00:00Z"));
    const newest = await drafts.create("example-borough", new Date("2026-11-02T10:00:00Z"));
    const middle = await drafts.create("example-borough", new Date("2026-11-03T10:00:00Z"));
    // Changing a draft moves it up: `middle` was created last but changed before `newest`.
    await drafts.saveAnswers(newest.id, { whatHappened: "x" }, "what-happened", new Date("2026-11-05T10:00:00Z"));
    await drafts.saveAnswers(middle.id, { putRight: "y" }, undefined, new Date("2026-11-04T10:00:00Z"));
    await database.drafts.put({ id: "old-1", schemaVersion: 0, updatedAt: "2026-11-06T10:00:00.000Z", answers: "broken" } as never);
    // An older version's record with no `updatedAt` is not in that index, but still listed (last).
    await database.drafts.put({ id: "old-2", schemaVersion: 0 } as never);

    const listed = await drafts.list();
    expect(listed.map((entry) => (entry.status === "ok" ? entry.draft.id : entry.id))).toEqual(["old-1", newest.id, middle.id, oldest.id, "old-2"]);
    expect(listed.map((entry) => entry.status)).toEqual(["needs-checking", "ok", "ok", "ok", "needs-checking"]);
    expect(await drafts.count()).toBe(5);
  });

  it("lists nothing when there are no drafts", async () => {
    expect(await draftRepository(database).list()).toEqual([]);
    expect(await draftRepository(database).count()).toBe(0);
  });

  it("renames a draft, trimmed, without changing when it was last changed; an empty name clears it", async () => {
    const drafts = draftRepository(database);
    const draft = await drafts.create("example-borough", new Date("2026-11-01T10:00:00Z"));
    await drafts.rename(draft.id, "  JB  ");
    expect(await drafts.get(draft.id)).toMatchObject({ status: "ok", draft: { label: "JB", updatedAt: "2026-11-01T10:00:00.000Z" } });
    await drafts.rename(draft.id, "x".repeat(60));
    expect(await drafts.get(draft.id)).toMatchObject({ status: "ok", draft: { label: "x".repeat(60) } });
    await drafts.rename(draft.id, "   ");
    const cleared = await drafts.get(draft.id);
    expect(cleared?.status === "ok" && "label" in cleared.draft).toBe(false);
    expect(cleared?.status).toBe("ok");
  });

  it("refuses a name over 60 characters, and a draft that is not there", async () => {
    const drafts = draftRepository(database);
    const draft = await drafts.create("example-borough");
    await drafts.rename(draft.id, "JB");
    await expect(drafts.rename(draft.id, "x".repeat(61))).rejects.toThrow(RangeError);
    expect(await drafts.get(draft.id)).toMatchObject({ draft: { label: "JB" } });
    await expect(drafts.rename(crypto.randomUUID(), "JB")).rejects.toThrow(/not on this device/);
  });

  it("removes a draft, and forgets it as the current draft only when it was the current one", async () => {
    const drafts = draftRepository(database);
    const first = await drafts.create("example-borough");
    const second = await drafts.create("example-borough");
    // `second` is current (created last).
    await drafts.remove(first.id);
    expect(await drafts.get(first.id)).toBeUndefined();
    expect(await drafts.current()).toMatchObject({ status: "ok", draft: { id: second.id } });
    await drafts.remove(second.id);
    expect(await drafts.current()).toBeUndefined();
    expect(await database.settings.get("currentDraftId")).toBeUndefined();
    expect(await drafts.count()).toBe(0);
  });

  it("removes a draft that needs checking", async () => {
    const drafts = draftRepository(database);
    await database.drafts.put({ id: "old-1", schemaVersion: 0, answers: "not an object" } as never);
    await drafts.remove("old-1");
    expect(await drafts.list()).toEqual([]);
  });
});

const ENDPOINT = "/api/v1/complaints";

describe("outbox repository", () => {
  const complaint = complaintSchema.parse({ ...fixture, id: "3f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b" });

  it("moves an accepted complaint to sent and removes its outbox copy and draft in one step", async () => {
    const drafts = draftRepository(database);
    const outbox = outboxRepository(database);
    const draft = await drafts.create("example-borough");
    await outbox.queue(draft.id, complaint, ENDPOINT);
    const sent = await outbox.settle(complaint.id, { kind: "accepted", reference: "SU-ABCD-EFGH", receivedAt: "2026-12-03T16:30:00.000Z" });
    expect(sent).toMatchObject({ reference: "SU-ABCD-EFGH", receivedOn: "2026-12-03" });
    // What the person wrote has gone to the council and does not stay on the phone.
    expect(sent?.payload).toEqual({
      id: complaint.id,
      councilId: complaint.councilId,
      schemaVersion: 1,
      role: complaint.role,
      eligibility: complaint.eligibility,
      wantsAdvocate: complaint.wantsAdvocate,
      createdAt: complaint.createdAt,
      submittedAt: complaint.submittedAt,
    });
    expect(JSON.stringify(await database.sent.toArray())).not.toContain(complaint.whatHappened.text);
    expect(await outbox.get(complaint.id)).toBeUndefined();
    expect(await drafts.get(draft.id)).toBeUndefined();
    expect((await outbox.sentByReference("SU-ABCD-EFGH"))?.id).toBe(complaint.id);
  });

  it("dates a complaint received late at night in summer by the UK date, not UTC", async () => {
    const outbox = outboxRepository(database);
    await outbox.queue("d", complaint, ENDPOINT);
    const sent = await outbox.settle(complaint.id, { kind: "accepted", reference: "SU-ABCD-EFGH", receivedAt: "2026-06-30T23:30:00.000Z" });
    expect(sent?.receivedOn).toBe("2026-07-01");
  });

  const failures: Array<[SendResult, string, object]> = [
    [{ kind: "network" }, "waiting", { kind: "network" }],
    [{ kind: "server", status: 503 }, "waiting", { kind: "server", status: 503 }],
    [
      { kind: "rejected", status: 400, error: "invalid-complaint", fields: [{ field: "councilId", key: "k" }] },
      "failed",
      { kind: "rejected", status: 400, code: "invalid-complaint", fields: ["councilId"] },
    ],
  ];
  it.each(failures)("keeps the complaint after %o, state %s", async (result, state, lastError) => {
    const outbox = outboxRepository(database);
    await outbox.queue("d", complaint, ENDPOINT);
    await outbox.markSending(complaint.id);
    expect(await outbox.settle(complaint.id, result)).toBeUndefined();
    expect(await outbox.get(complaint.id)).toMatchObject({ state, attempts: 1, lastError, payload: complaint });
  });
});

describe("outbox repository: when to try again", () => {
  const complaint = complaintSchema.parse({ ...fixture, id: "5a1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b" });
  const other = complaintSchema.parse({ ...fixture, id: "6b1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b" });

  it("backs off from 5 seconds, doubling, to at most 5 minutes", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map(backoffMs)).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
  });

  it("offers the oldest due item first, skips one backing off or rejected, and makes waiting ones due when back online", async () => {
    const outbox = outboxRepository(database);
    const t0 = new Date("2026-12-03T10:00:00.000Z");
    await outbox.queue("d1", complaint, ENDPOINT, t0);
    await outbox.queue("d2", other, ENDPOINT, new Date(t0.getTime() + 1_000));
    const now = new Date(t0.getTime() + 2_000);
    expect((await outbox.nextDue(now))?.id).toBe(complaint.id);
    await outbox.settle(complaint.id, { kind: "network" }, now);
    expect(await outbox.get(complaint.id)).toMatchObject({ state: "waiting", nextAttemptAt: new Date(now.getTime() + 5_000).toISOString() });
    expect((await outbox.nextDue(now))?.id).toBe(other.id);
    await outbox.settle(other.id, { kind: "rejected", status: 400, error: "invalid-complaint", fields: [] }, now);
    expect(await outbox.nextDue(now)).toBeUndefined();
    expect(await outbox.nextWake()).toBe(now.getTime() + 5_000);
    expect((await outbox.nextDue(new Date(now.getTime() + 5_000)))?.id).toBe(complaint.id);
    // Back online: the waiting one is due now; the rejected one still waits for the person.
    await outbox.dueNow(undefined, now);
    expect((await outbox.nextDue(now))?.id).toBe(complaint.id);
    expect((await outbox.get(other.id))?.state).toBe("failed");
    // "Try again" on the rejected one.
    await outbox.dueNow([other.id], now);
    expect((await outbox.get(other.id))?.state).toBe("waiting");
  });

  it("keeps the status token with the sent complaint, and never deletes an item that is being sent", async () => {
    const outbox = outboxRepository(database);
    await outbox.queue("d", complaint, ENDPOINT);
    await outbox.markSending(complaint.id);
    expect(await outbox.remove(complaint.id)).toBe(false);
    expect(await outbox.get(complaint.id)).toBeDefined();
    const token = "a".repeat(43);
    const sent = await outbox.settle(complaint.id, { kind: "accepted", reference: "SU-ABCD-EFGH", receivedAt: "2026-12-03T16:30:00.000Z", statusToken: token });
    expect(sent).toMatchObject({ statusToken: token, endpoint: ENDPOINT });
    expect(await outbox.remove(complaint.id)).toBe(false);
  });

  it('lets an item left "sending" by a closed page be sent again or deleted once its try can no longer be running', async () => {
    const outbox = outboxRepository(database);
    const t0 = new Date("2026-12-03T10:00:00.000Z");
    await outbox.queue("d", complaint, ENDPOINT, t0);
    await outbox.markSending(complaint.id, t0);
    const soon = new Date(t0.getTime() + SEND_TIMEOUT_MS);
    expect(isStuckSending((await outbox.get(complaint.id))!, soon)).toBe(false);
    expect(await outbox.remove(complaint.id, soon)).toBe(false);
    await outbox.dueNow([complaint.id], soon);
    expect((await outbox.get(complaint.id))?.state).toBe("sending");

    const later = new Date(t0.getTime() + STUCK_SENDING_MS + 1);
    expect(isStuckSending((await outbox.get(complaint.id))!, later)).toBe(true);
    await outbox.dueNow([complaint.id], later);
    expect(await outbox.get(complaint.id)).toMatchObject({ state: "waiting", nextAttemptAt: later.toISOString() });
    await outbox.markSending(complaint.id, t0);
    expect(await outbox.remove(complaint.id, later)).toBe(true);
    expect(await outbox.get(complaint.id)).toBeUndefined();
  });

  it("records an accepted request for the next stage on the sent complaint, and removes it from the outbox", async () => {
    const outbox = outboxRepository(database);
    await outbox.queue("d", complaint, ENDPOINT);
    const sent = await outbox.settle(complaint.id, {
      kind: "accepted",
      reference: "SU-ABCD-EFGH",
      receivedAt: "2026-12-03T16:30:00.000Z",
      statusToken: "b".repeat(43),
    });
    if (!sent) throw new Error("not sent");
    const request = {
      id: crypto.randomUUID(),
      schemaVersion: 1 as const,
      toStage: 2,
      why: "They did not listen",
      replyReceivedOn: "2026-12-20",
      submittedAt: "2026-12-22T10:00:00.000Z",
    };
    const queued = await outbox.queueEscalation(sent, request);
    expect(queued).toMatchObject({ kind: "escalation", reference: "SU-ABCD-EFGH", endpoint: ENDPOINT, state: "waiting" });
    const updated = await outbox.settleEscalation(request.id, { kind: "accepted", stage: 2, receivedAt: "2026-12-22T10:00:01.000Z" });
    expect(updated?.escalations).toEqual([
      { id: request.id, toStage: 2, requestedOn: "2026-12-22", replyReceivedOn: "2026-12-20", why: "They did not listen" },
    ]);
    expect(await outbox.get(request.id)).toBeUndefined();
  });
});

describe("outbox repository: Send pressed again", () => {
  const complaint = complaintSchema.parse({ ...fixture, id: "8d1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b" });

  it("keeps the waiting copy (and its body) when nothing changed, so a server that already has it answers with the same reference", async () => {
    const outbox = outboxRepository(database);
    await outbox.queue("d", complaint, ENDPOINT);
    await outbox.settle(complaint.id, { kind: "network" });
    await outbox.queue("d", { ...complaint, submittedAt: "2030-01-01T00:00:00.000Z" }, ENDPOINT);
    const stored = await outbox.get(complaint.id);
    expect(stored).toMatchObject({ state: "waiting", payload: { submittedAt: complaint.submittedAt } });
    expect(Date.parse(stored?.nextAttemptAt ?? "")).toBeLessThanOrEqual(Date.now());
  });

  const changed = { ...complaint, putRight: "Corrected after the council said no" };
  const tried: Array<[string, SendResult, string | undefined]> = [
    ["no answer (the server may have it)", { kind: "network" }, complaint.putRight],
    ["a 5xx (the server may have it)", { kind: "server", status: 503 }, complaint.putRight],
    ["a 400 (the server stored nothing)", { kind: "rejected", status: 400, error: "invalid-complaint", fields: [] }, changed.putRight],
    ["a 409 id-reused (the server holds an earlier body)", { kind: "rejected", status: 409, error: "id-reused", fields: [] }, complaint.putRight],
  ];
  it.each(tried)("after %s, Send with changed answers queues the body the server can take", async (_name, result, putRight) => {
    const outbox = outboxRepository(database);
    await outbox.queue("d", complaint, ENDPOINT);
    await outbox.markSending(complaint.id);
    await outbox.settle(complaint.id, result);
    await outbox.queue("d", changed, ENDPOINT);
    const stored = await outbox.get(complaint.id);
    expect(stored?.kind === "complaint" ? stored.payload.putRight : undefined).toBe(putRight);
    expect(stored?.state).toBe("waiting");
  });

  it("keeps the copy cut short mid-send (the server may have it) when the answers changed", async () => {
    const outbox = outboxRepository(database);
    await outbox.queue("d", complaint, ENDPOINT);
    await outbox.markSending(complaint.id);
    await outbox.queue("d", changed, ENDPOINT);
    const stored = await outbox.get(complaint.id);
    expect(stored?.kind === "complaint" ? stored.payload.putRight : undefined).toBe(complaint.putRight);
  });

  it("replaces the waiting copy when the answers changed", async () => {
    const outbox = outboxRepository(database);
    await outbox.queue("d", complaint, ENDPOINT);
    const changed = { ...complaint, putRight: "Something else" };
    await outbox.queue("d", changed, ENDPOINT);
    expect((await outbox.get(complaint.id))?.payload).toEqual(changed);
  });
});

describe("outbox repository: words typed after the body that was kept (issue 11, bug 2)", () => {
  const t0 = new Date("2026-12-03T10:00:00.000Z");
  const accepted: SendResult = { kind: "accepted", reference: "SU-ABCD-EFGH", receivedAt: "2026-12-03T16:30:00.000Z" };

  async function queuedFromDraft() {
    const drafts = draftRepository(database);
    const outbox = outboxRepository(database);
    const draft = await drafts.create("example-borough", t0);
    await drafts.saveAnswers(draft.id, { whatHappened: "The words sent first" }, "check", t0);
    const complaint = complaintSchema.parse({ ...fixture, id: draft.id });
    await outbox.queue(draft.id, complaint, ENDPOINT, new Date(t0.getTime() + 1_000));
    // Tried with no answer: the server may hold this body, so it is the one that will be sent.
    await outbox.markSending(complaint.id, new Date(t0.getTime() + 2_000));
    await outbox.settle(complaint.id, { kind: "network" }, new Date(t0.getTime() + 3_000));
    return { drafts, outbox, draft, complaint };
  }

  it("keeps a draft changed after it was queued (no second Send) under a new id, named on the sent record", async () => {
    const { drafts, outbox, draft, complaint } = await queuedFromDraft();
    await drafts.saveAnswers(draft.id, { whatHappened: "Words I added after pressing Send" }, "check", new Date(t0.getTime() + 4_000));
    const sent = await outbox.settle(complaint.id, accepted);
    expect(sent?.laterChangesDraftId).toEqual(expect.any(String));
    expect(sent?.laterChangesDraftId).not.toBe(draft.id);
    const kept = await drafts.get(sent?.laterChangesDraftId ?? "");
    expect(kept?.status === "ok" ? kept.draft.answers.whatHappened : kept).toBe("Words I added after pressing Send");
    expect(await drafts.get(draft.id)).toBeUndefined();
    expect((await outbox.getSent(complaint.id))?.laterChangesDraftId).toBe(sent?.laterChangesDraftId);
  });

  it("keeps the draft when Send was pressed again with changed answers and the earlier body was kept", async () => {
    const { drafts, outbox, draft, complaint } = await queuedFromDraft();
    await outbox.queue(draft.id, { ...complaint, putRight: "Changed, but the earlier body is kept" }, ENDPOINT, new Date(t0.getTime() + 4_000));
    const sent = await outbox.settle(complaint.id, accepted);
    expect(await drafts.get(sent?.laterChangesDraftId ?? "")).toMatchObject({ status: "ok" });
  });

  it("deletes the draft when nothing changed after the body was queued", async () => {
    const { drafts, outbox, draft, complaint } = await queuedFromDraft();
    const sent = await outbox.settle(complaint.id, accepted);
    expect(sent?.laterChangesDraftId).toBeUndefined();
    expect(await drafts.count()).toBe(0);
    expect(await drafts.get(draft.id)).toBeUndefined();
  });
});

describe("outbox repository: changing a complaint waiting to be sent (issue 11, bug 4)", () => {
  const complaint = complaintSchema.parse({ ...fixture, id: "5a1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b" });

  it("takes back a complaint never tried, so its draft is a draft again", async () => {
    const outbox = outboxRepository(database);
    await outbox.queue("d", complaint, ENDPOINT);
    expect(isWaitingToSend(await outbox.get(complaint.id))).toBe(true);
    expect(await outbox.takeBack(complaint.id)).toBe(true);
    expect(await outbox.get(complaint.id)).toBeUndefined();
  });

  it("never takes back one the council may hold, or one being sent; it can be marked to keep the later changes", async () => {
    const outbox = outboxRepository(database);
    await outbox.queue("d", complaint, ENDPOINT);
    await outbox.markSending(complaint.id);
    expect(await outbox.takeBack(complaint.id)).toBe(false);
    await outbox.settle(complaint.id, { kind: "network" });
    expect(await outbox.takeBack(complaint.id)).toBe(false);
    expect(await outbox.keepLaterChanges(complaint.id)).toBe(true);
    expect(await outbox.get(complaint.id)).toMatchObject({ laterChanges: true, payload: complaint });
  });

  it("a refused complaint is not waiting: its draft is changed and sent again as usual", async () => {
    const outbox = outboxRepository(database);
    await outbox.queue("d", complaint, ENDPOINT);
    await outbox.settle(complaint.id, { kind: "rejected", status: 400, error: "invalid-complaint", fields: [] });
    expect(isWaitingToSend(await outbox.get(complaint.id))).toBe(false);
  });
});
