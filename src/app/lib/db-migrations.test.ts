import "fake-indexeddb/auto";
import Dexie from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import { DRAFT_SCHEMA_VERSION } from "../../domain/draft";
import { SpeakUpDatabase } from "./db";
import { draftRepository } from "./draft-repository";

/** The database exactly as version 1 of the app declared it. */
function openVersion1(name: string): Dexie {
  const v1 = new Dexie(name);
  v1.version(1).stores({
    drafts: "id, updatedAt",
    outbox: "id, state, queuedAt",
    sent: "id, &reference, receivedAt",
    settings: "key",
  });
  return v1;
}

function v1Draft(n: number) {
  return {
    id: crypto.randomUUID(),
    schemaVersion: 1,
    councilId: "example-borough",
    label: `Draft ${n}`,
    answers: { role: "young-person", whatHappened: `Story number ${n}`, childAge: "nine" },
    step: "what-happened",
    createdAt: `2026-11-${String(n).padStart(2, "0")}T10:00:00.000Z`,
    updatedAt: `2026-11-${String(n).padStart(2, "0")}T11:00:00.000Z`,
  };
}

const LATEST = 3;
const names: string[] = [];
afterEach(async () => {
  await Promise.all(names.splice(0).map((name) => Dexie.delete(name)));
});

describe("database migrations", () => {
  it("opens a version 1 database with drafts, upgrades it, and every draft is still there and valid", async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    names.push(name);
    const old = openVersion1(name);
    const drafts = Array.from({ length: 25 }, (_, i) => v1Draft(i + 1));
    const broken = { id: "not-a-uuid", schemaVersion: 1, answers: "this was never valid" };
    await old.table("drafts").bulkAdd([...drafts, broken]);
    await old.table("settings").put({ key: "currentDraftId", value: drafts[3]?.id });
    await old.table("outbox").put({ id: "o1", state: "waiting", queuedAt: "2026-11-20T10:00:00.000Z" });
    old.close();

    const upgraded = new SpeakUpDatabase(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(LATEST);
    const repository = draftRepository(upgraded);
    for (const draft of drafts) {
      const loaded = await repository.get(draft.id);
      expect(loaded?.status, draft.id).toBe("ok");
      if (loaded?.status !== "ok") continue;
      // Nothing typed is changed by the upgrade, not even an age that isn't a number yet.
      expect(loaded.draft).toEqual({ ...draft, schemaVersion: DRAFT_SCHEMA_VERSION });
    }
    // A record that was already broken is kept, to be shown as "needs checking", never dropped.
    expect(await upgraded.drafts.count()).toBe(26);
    expect((await repository.get("not-a-uuid"))?.status).toBe("needs-checking");
    // The rest of the database is untouched.
    expect((await repository.current())?.status).toBe("ok");
    expect(await upgraded.outbox.count()).toBe(1);
    upgraded.close();
  });

  it("opens an empty version 1 database and a brand new one at the latest version", async () => {
    const name = `empty-${crypto.randomUUID()}`;
    names.push(name);
    const old = openVersion1(name);
    await old.open();
    old.close();
    const upgraded = new SpeakUpDatabase(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(LATEST);
    expect(await upgraded.drafts.count()).toBe(0);
    upgraded.close();

    const fresh = new SpeakUpDatabase(`fresh-${crypto.randomUUID()}`);
    names.push(fresh.name);
    await fresh.open();
    expect(fresh.verno).toBe(LATEST);
    fresh.close();
  });

  it("keeps a complaint waiting in a version 2 outbox: it becomes a due complaint with its endpoint, and one cut off mid-send is waiting again", async () => {
    const name = `outbox-${crypto.randomUUID()}`;
    names.push(name);
    const v2 = new Dexie(name);
    v2.version(2).stores({ drafts: "id, updatedAt", outbox: "id, state, queuedAt", sent: "id, &reference, receivedAt", settings: "key" });
    const payload = { id: "3f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b", councilId: "example-borough", whatHappened: { text: "Kept" } };
    await v2.table("outbox").bulkPut([
      { id: payload.id, schemaVersion: 1, draftId: "d1", payload, state: "sending", attempts: 2, queuedAt: "2026-11-20T10:00:00.000Z" },
      { id: "broken", state: "waiting" },
    ]);
    await v2.table("sent").put({
      id: "s1",
      schemaVersion: 1,
      reference: "SU-ABCD-EFGH",
      councilId: "example-borough",
      receivedOn: "2026-11-20",
      receivedAt: "2026-11-20T10:06:00.000Z",
      payload: {
        id: "s1",
        councilId: "example-borough",
        schemaVersion: 1,
        role: "young-person",
        whatHappened: { text: "Private words" },
        contact: { method: "email", email: "me@example.com" },
        createdAt: "2026-11-20T10:00:00.000Z",
        submittedAt: "2026-11-20T10:05:00.000Z",
      },
    });
    v2.close();

    const upgraded = new SpeakUpDatabase(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(LATEST);
    expect(await upgraded.outbox.get(payload.id)).toEqual({
      id: payload.id,
      schemaVersion: 2,
      kind: "complaint",
      draftId: "d1",
      payload,
      state: "waiting",
      attempts: 2,
      queuedAt: "2026-11-20T10:00:00.000Z",
      nextAttemptAt: "2026-11-20T10:00:00.000Z",
      endpoint: "/api/v1/complaints",
    });
    // A record that was never valid is kept as it was.
    expect(await upgraded.outbox.get("broken")).toEqual({ id: "broken", state: "waiting" });
    // A sent complaint keeps only what the pages need, not what was written (decision 008).
    expect((await upgraded.sent.get("s1"))?.payload).toEqual({
      id: "s1",
      councilId: "example-borough",
      schemaVersion: 1,
      role: "young-person",
      createdAt: "2026-11-20T10:00:00.000Z",
      submittedAt: "2026-11-20T10:05:00.000Z",
    });
    upgraded.close();
  });
});
