import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testStores } from "../../../test/setup/stores";
import { StoreConfigError, type ComplaintStore, type NewComplaint } from "./complaint-store";
import { openStore } from "./open-store";

function complaint(id: string, body = `{"id":"${id}"}`): NewComplaint {
  return {
    id,
    councilId: "example-borough",
    schemaVersion: 1,
    body,
    bodyHash: createHash("sha256").update(body).digest("hex"),
    receivedAt: "2026-11-20T10:00:00.000Z",
  };
}

const ID_A = "7d7a9a5e-1f3b-4c2e-9d41-0a2b3c4d5e6f";
const ID_B = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

describe.each(testStores())("complaint store contract: $name", ({ open }) => {
  let store: ComplaintStore;
  let cleanup: () => Promise<void>;
  let url: string;
  beforeEach(async () => {
    ({ store, cleanup, url } = await open());
  });
  afterEach(async () => {
    await cleanup();
  });

  it("stores a new complaint with the reference it was given", async () => {
    const result = await store.insertComplaint(complaint(ID_A), () => "SU-AAAA-BBBB");
    expect(result).toEqual({ kind: "created", reference: "SU-AAAA-BBBB", receivedAt: "2026-11-20T10:00:00.000Z" });
    expect(await store.countComplaints()).toBe(1);
    const found = await store.findByReference("SU-AAAA-BBBB");
    expect(found?.id).toBe(ID_A);
    expect(JSON.parse(found?.body ?? "null")).toEqual({ id: ID_A });
  });

  it("returns the first reference and stores nothing new when the same id comes again", async () => {
    await store.insertComplaint(complaint(ID_A), () => "SU-AAAA-BBBB");
    const again = await store.insertComplaint(complaint(ID_A), () => "SU-CCCC-DDDD");
    expect(again).toMatchObject({ kind: "duplicate", reference: "SU-AAAA-BBBB", sameBody: true });
    expect(await store.countComplaints()).toBe(1);
    expect(await store.findByReference("SU-CCCC-DDDD")).toBeUndefined();
  });

  it("tells a retry from a different complaint reusing the id", async () => {
    await store.insertComplaint(complaint(ID_A), () => "SU-AAAA-BBBB");
    const other = await store.insertComplaint(complaint(ID_A, '{"different":true}'), () => "SU-CCCC-DDDD");
    expect(other).toMatchObject({ kind: "duplicate", reference: "SU-AAAA-BBBB", sameBody: false });
  });

  it("tries a fresh reference when one is already taken", async () => {
    await store.insertComplaint(complaint(ID_A), () => "SU-AAAA-BBBB");
    const refs = ["SU-AAAA-BBBB", "SU-EEEE-FFFF"];
    const result = await store.insertComplaint(complaint(ID_B), () => refs.shift() ?? "SU-ZZZZ-ZZZZ");
    expect(result).toMatchObject({ kind: "created", reference: "SU-EEEE-FFFF" });
    expect(await store.countComplaints()).toBe(2);
  });

  it("gives up with an error after five taken references, writing nothing", async () => {
    await store.insertComplaint(complaint(ID_A), () => "SU-AAAA-BBBB");
    await expect(store.insertComplaint(complaint(ID_B), () => "SU-AAAA-BBBB")).rejects.toThrow(/free reference/);
    expect(await store.countComplaints()).toBe(1);
  });

  it("keeps text exactly as sent, HTML and all", async () => {
    const body = JSON.stringify({ text: "<script>alert(1)</script> & \u00e9 \u{1F600} 'quotes' \"double\"" });
    await store.insertComplaint(complaint(ID_A, body), () => "SU-AAAA-BBBB");
    expect(JSON.parse((await store.findByReference("SU-AAAA-BBBB"))?.body ?? "null")).toEqual(JSON.parse(body));
  });

  it("answers ping, and runs migrations only once when opened again", async () => {
    await store.ping();
    await store.insertComplaint(complaint(ID_A), () => "SU-AAAA-BBBB");
    const second = await openStore(url);
    try {
      expect(await second.countComplaints()).toBe(1);
    } finally {
      await second.close();
    }
  });

  it("stores each of many concurrent sends of the same id once", async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => store.insertComplaint(complaint(ID_A), () => `SU-AAAA-BBB${"23456789"[i]}`)),
    );
    expect(new Set(results.map((r) => r.reference)).size).toBe(1);
    expect(results.filter((r) => r.kind === "created")).toHaveLength(1);
    expect(await store.countComplaints()).toBe(1);
  });
});

describe("openStore: DATABASE_URL", () => {
  it.each([
    ["mysql://localhost/db", /not supported/],
    ["sqlite:", /has no file name/],
    ["complaints.db", /not supported/],
    ["postgres://[bad", /not a valid PostgreSQL address/],
  ])("rejects %s with a clear message", async (url, message) => {
    const attempt = openStore(url);
    await expect(attempt).rejects.toBeInstanceOf(StoreConfigError);
    await expect(attempt).rejects.toThrow(message);
  });

  it("explains an unreachable PostgreSQL server without showing the password", async () => {
    const attempt = openStore("postgres://someone:secret@127.0.0.1:1/nothing");
    await expect(attempt).rejects.toThrow(/Could not use the PostgreSQL database at postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/nothing/);
    await expect(attempt).rejects.not.toThrow(/secret/);
  });

  it("explains a SQLite file that cannot be created", async () => {
    await expect(openStore("sqlite:/etc/hostname/inside-a-file/complaints.db")).rejects.toThrow(/Could not open the SQLite database/);
  });
});
