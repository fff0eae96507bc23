import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import fixture from "../../../test/fixtures/complaint.valid.json";
import { complaintSchema } from "../../domain/complaint";
import { sentSummaryOf } from "../../domain/sent-summary";
import { SpeakUpDatabase, type SentRecord } from "./db";
import { outboxRepository } from "./outbox-repository";

/* Stored records are parsed on every read (issue 11): a record this version cannot read is set aside — counted, never sent, never changed. */

let database: SpeakUpDatabase;
beforeEach(async () => {
  database = new SpeakUpDatabase(`test-${crypto.randomUUID()}`);
  await database.open();
});
afterEach(async () => {
  await database.delete();
});

const complaint = complaintSchema.parse(fixture);
const NOW = new Date("2026-11-20T10:00:00Z");

function sent(overrides: Partial<SentRecord> = {}): SentRecord {
  return {
    id: complaint.id,
    schemaVersion: 1,
    reference: "SU-7KQ4-M9XD",
    councilId: complaint.councilId,
    receivedOn: "2026-11-20",
    receivedAt: NOW.toISOString(),
    payload: sentSummaryOf(complaint),
    ...overrides,
  };
}

describe("the outbox, read through its schema", () => {
  it("sets aside a record whose body no longer parses as a complaint: counted, never sent, left as it was", async () => {
    const outbox = outboxRepository(database);
    await outbox.queue("draft-1", complaint, "/api/v1/complaints", NOW);
    const broken = { ...(await database.outbox.get(complaint.id))!, id: "broken-1", payload: { ...complaint, id: "broken-1", whatHappened: 42 } };
    await database.outbox.put(broken as never);

    const read = await outbox.read();
    expect(read.records.map((r) => r.id)).toEqual([complaint.id]);
    expect(read.setAside).toBe(1);
    expect(await outbox.get("broken-1")).toBeUndefined();
    expect(await outbox.markSending("broken-1", NOW)).toBeUndefined();
    expect((await outbox.nextDue(NOW))?.id).toBe(complaint.id);
    expect(await database.outbox.get("broken-1")).toEqual(broken);
  });

  it("sends the body as the complaint schema reads it", async () => {
    const outbox = outboxRepository(database);
    await outbox.queue("draft-1", complaint, "/api/v1/complaints", NOW);
    const due = await outbox.markSending(complaint.id, NOW);
    expect(due?.kind === "complaint" ? due.payload : undefined).toEqual(complaintSchema.parse(complaint));
  });

  it("keeps a field a newer version added through a read and a write by this one", async () => {
    const outbox = outboxRepository(database);
    await outbox.queue("draft-1", complaint, "/api/v1/complaints", NOW);
    await database.outbox.update(complaint.id, { fromNewerVersion: "kept" } as never);
    await outbox.markSending(complaint.id, NOW);
    expect(await database.outbox.get(complaint.id)).toMatchObject({ state: "sending", fromNewerVersion: "kept" });
  });
});

describe("the sent list, read through its schema", () => {
  it("sets aside a sent record it cannot read, and lists the rest", async () => {
    const outbox = outboxRepository(database);
    await database.sent.put(sent());
    await database.sent.put({ ...sent({ id: "other", reference: "not a reference" }) });
    const read = await outbox.readSent();
    expect(read.records.map((r) => r.id)).toEqual([complaint.id]);
    expect(read.setAside).toBe(1);
    expect(await outbox.getSent("other")).toBeUndefined();
    expect(await database.sent.get("other")).toMatchObject({ reference: "not a reference" });
  });

  it("drops a last status it cannot read, not the complaint: the status is asked for again", async () => {
    const outbox = outboxRepository(database);
    await database.sent.put({ ...sent(), status: { procedure: "statutory", stage: "two" } } as never);
    const read = await outbox.getSent(complaint.id);
    expect(read?.reference).toBe("SU-7KQ4-M9XD");
    expect(read?.status).toBeUndefined();
  });

  it("reads a record an earlier version kept with the whole complaint, before decision 008", async () => {
    const outbox = outboxRepository(database);
    await database.sent.put({ ...sent(), payload: complaint });
    expect((await outbox.listSent()).map((r) => r.id)).toEqual([complaint.id]);
  });
});
