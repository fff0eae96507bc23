import "fake-indexeddb/auto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SpeakUpDatabase } from "./db";
import { DB_NAME } from "./storage-keys";
import { hasStoredData, hasWaitingToSend } from "./stored-data";

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe("hasStoredData", () => {
  it("is false on a first visit, and asking does not make the database", async () => {
    expect(await hasStoredData()).toBe(false);
    expect(await hasStoredData()).toBe(false);
    expect((await indexedDB.databases()).map((database) => database.name)).not.toContain(DB_NAME);
  });

  it("is true once Speak Up has stored anything, and false again after Delete everything removes the database", async () => {
    const database = new SpeakUpDatabase();
    await database.settings.put({ key: "councilId", value: "northmoor" });
    expect(await hasStoredData()).toBe(true);
    await database.delete();
    expect(await hasStoredData()).toBe(false);
  });

  it("is undefined, so the stores are read, where the browser cannot list its databases", async () => {
    vi.spyOn(indexedDB, "databases").mockRejectedValue(new DOMException("Not allowed", "SecurityError"));
    expect(await hasStoredData()).toBeUndefined();
    // Firefox before 126 has no indexedDB.databases().
    vi.stubGlobal("indexedDB", { open: indexedDB.open.bind(indexedDB) });
    expect(await hasStoredData()).toBeUndefined();
  });
});

describe("hasWaitingToSend", () => {
  it("is false on a first visit without making the database, and while the database holds nothing to send", async () => {
    expect(await hasWaitingToSend()).toBe(false);
    expect((await indexedDB.databases()).map((database) => database.name)).not.toContain(DB_NAME);
    // A question page opens the database as it starts: stored data, but nothing to send.
    const database = new SpeakUpDatabase();
    await database.settings.put({ key: "councilId", value: "northmoor" });
    expect(await hasStoredData()).toBe(true);
    expect(await hasWaitingToSend()).toBe(false);
    await database.delete();
  });

  it("is true while the outbox holds something", async () => {
    const { db } = await import("./db");
    await db.outbox.put({ id: "9a1f0a8e-2f4c-4b8e-9d3a-1c2b3d4e5f60" } as never);
    expect(await hasWaitingToSend()).toBe(true);
    await db.delete();
  });
});
