import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testStores, type TestStore } from "../../../test/setup/stores";
import { StoreConfigError, type ComplaintStore, type NewComplaint, type NewEscalation } from "./complaint-store";
import { loadMigrations } from "./migrations";
import { openStore } from "./open-store";
import { configureConnection } from "./sqlite-store";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

function complaint(id: string, body = `{"id":"${id}"}`, statusTokenHash = sha256(`token for ${id}`), language: string | null = null): NewComplaint {
  return {
    id,
    councilId: "example-borough",
    schemaVersion: 1,
    body,
    bodyHash: sha256(body),
    receivedAt: "2026-11-20T10:00:00.000Z",
    statusTokenHash,
    language,
  };
}

function escalation(id: string, complaintId: string, toStage: number, changes: Partial<NewEscalation> = {}): NewEscalation {
  const body = changes.body ?? JSON.stringify({ id, toStage, why: "Not sorted out." });
  return {
    id,
    complaintId,
    toStage,
    body,
    bodyHash: sha256(body),
    replyReceivedOn: null,
    receivedAt: "2026-12-01T09:30:00.000Z",
    ...changes,
  };
}

const ID_A = "7d7a9a5e-1f3b-4c2e-9d41-0a2b3c4d5e6f";
const ID_B = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
const ESC_1 = "0e6f9b3a-8c1d-4e2f-a3b4-c5d6e7f80911";
const ESC_2 = "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d";
const ESC_3 = "9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f";

/**
 * Make a database as the first release left it: only migration 001, holding one complaint
 * (reference SU-AAAA-BBBB, id ID_A), written with that release's SQL.
 */
async function seedVersion1(kind: TestStore["name"], url: string): Promise<void> {
  const v1 = loadMigrations(kind).filter((m) => m.version === 1);
  expect(v1.map((m) => m.name)).toEqual(["001-complaints"]);
  const sql = v1[0]?.sql ?? "";
  const row = [ID_A, "SU-AAAA-BBBB", "example-borough", 1, `{"id":"${ID_A}"}`, sha256(`{"id":"${ID_A}"}`), "2026-11-20T10:00:00.000Z"];
  if (kind === "sqlite") {
    const db = new Database(url.slice("sqlite:".length));
    db.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    db.exec(sql);
    db.prepare("INSERT INTO schema_migrations VALUES (1, '001-complaints', '2026-11-01T00:00:00.000Z')").run();
    db.prepare("INSERT INTO complaints (id, reference, council_id, schema_version, body, body_hash, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)").run(...row);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
    await client.query(sql);
    await client.query("INSERT INTO schema_migrations (version, name) VALUES (1, '001-complaints')");
    await client.query(
      "INSERT INTO complaints (id, reference, council_id, schema_version, body, body_hash, received_at) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)",
      row,
    );
  } finally {
    await client.end();
  }
}

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
    expect(found?.statusTokenHash).toBe(sha256(`token for ${ID_A}`));
    expect(found?.language).toBeNull();
  });

  it("keeps the language a complaint was written in (issue 14)", async () => {
    await store.insertComplaint(complaint(ID_A, `{"id":"${ID_A}","language":"ar"}`, sha256("t"), "ar"), () => "SU-AAAA-BBBB");
    expect((await store.findByReference("SU-AAAA-BBBB"))?.language).toBe("ar");
  });

  it("replaces the status token hash when the same complaint comes again (the token is rotated)", async () => {
    await store.insertComplaint(complaint(ID_A, undefined, sha256("first")), () => "SU-AAAA-BBBB");
    const again = await store.insertComplaint(complaint(ID_A, undefined, sha256("second")), () => "SU-CCCC-DDDD");
    expect(again).toEqual({ kind: "duplicate", reference: "SU-AAAA-BBBB", receivedAt: "2026-11-20T10:00:00.000Z", sameBody: true });
    expect((await store.findByReference("SU-AAAA-BBBB"))?.statusTokenHash).toBe(sha256("second"));
  });

  it("keeps the status token hash when a different complaint reuses the id", async () => {
    await store.insertComplaint(complaint(ID_A, undefined, sha256("first")), () => "SU-AAAA-BBBB");
    const other = await store.insertComplaint(complaint(ID_A, '{"different":true}', sha256("intruder")), () => "SU-CCCC-DDDD");
    expect(other).toMatchObject({ kind: "duplicate", sameBody: false });
    const found = await store.findByReference("SU-AAAA-BBBB");
    expect(found?.statusTokenHash).toBe(sha256("first"));
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

  it("reads only the id and the hashes for checking a token or an access code", async () => {
    await store.insertComplaint(complaint(ID_A, `{"text":"${"x".repeat(100_000)}"}`, sha256("first")), () => "SU-AAAA-BBBB");
    expect(await store.findCredentials("SU-AAAA-BBBB")).toEqual({ id: ID_A, statusTokenHash: sha256("first"), accessCodeHash: null });
    expect(await store.findCredentials("SU-CCCC-DDDD")).toBeUndefined();
  });

  it("hashes the access code against the reference it chose, and replaces the code and the token on their own", async () => {
    const references = ["SU-AAAA-BBBB", "SU-CCCC-DDDD"];
    await store.insertComplaint({ ...complaint(ID_A), accessCodeHash: (reference) => sha256(`code for ${reference}`) }, () => references.shift() ?? "");
    const stored = await store.findByReference("SU-AAAA-BBBB");
    expect(await store.findCredentials("SU-AAAA-BBBB")).toMatchObject({ accessCodeHash: sha256("code for SU-AAAA-BBBB") });
    await store.replaceAccessCode(ID_A, sha256("second code"));
    expect(await store.findCredentials("SU-AAAA-BBBB")).toMatchObject({ accessCodeHash: sha256("second code"), statusTokenHash: stored?.statusTokenHash });
    await store.replaceStatusToken(ID_A, sha256("second token"));
    expect(await store.findCredentials("SU-AAAA-BBBB")).toEqual({ id: ID_A, accessCodeHash: sha256("second code"), statusTokenHash: sha256("second token") });
  });

  it("a resend with the same body replaces the access code with the token; a different body changes neither", async () => {
    await store.insertComplaint({ ...complaint(ID_A), accessCodeHash: () => sha256("first code") }, () => "SU-AAAA-BBBB");
    await store.insertComplaint(
      { ...complaint(ID_A, undefined, sha256("other token")), bodyHash: sha256("other"), accessCodeHash: () => sha256("other code") },
      () => "SU-EEEE-FFFF",
    );
    expect(await store.findCredentials("SU-AAAA-BBBB")).toMatchObject({ accessCodeHash: sha256("first code") });
    await store.insertComplaint(
      { ...complaint(ID_A, undefined, sha256("new token")), accessCodeHash: (reference) => sha256(`new code ${reference}`) },
      () => "SU-EEEE-FFFF",
    );
    expect(await store.findCredentials("SU-AAAA-BBBB")).toEqual({
      id: ID_A,
      statusTokenHash: sha256("new token"),
      accessCodeHash: sha256("new code SU-AAAA-BBBB"),
    });
  });

  it("makes every commit durable: SQLite synchronous=FULL (2), PostgreSQL synchronous_commit=on (issue 10)", async () => {
    expect(["synchronous=2", "synchronous_commit=on"]).toContain(await store.durability());
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

  describe("escalations", () => {
    beforeEach(async () => {
      await store.insertComplaint(complaint(ID_A), () => "SU-AAAA-BBBB");
      await store.insertComplaint(complaint(ID_B), () => "SU-CCCC-DDDD");
    });

    it("stores a request for the next stage and lists it with its reply date", async () => {
      const sent = escalation(ESC_1, ID_A, 2, { replyReceivedOn: "2026-11-30" });
      const result = await store.insertEscalation(sent);
      expect(result.kind).toBe("created");
      const listed = await store.listEscalations(ID_A);
      expect(listed).toHaveLength(1);
      expect({ ...listed[0], body: JSON.parse(listed[0]?.body ?? "null") }).toEqual({ ...sent, body: JSON.parse(sent.body) });
      expect(await store.listEscalations(ID_B)).toEqual([]);
      expect(await store.countEscalations()).toBe(1);
    });

    it("keeps a missing reply date missing", async () => {
      await store.insertEscalation(escalation(ESC_1, ID_A, 2));
      expect((await store.listEscalations(ID_A))[0]?.replyReceivedOn).toBeNull();
    });

    it("lists a complaint's requests by stage", async () => {
      await store.insertEscalation(escalation(ESC_2, ID_A, 3, { receivedAt: "2026-12-20T09:30:00.000Z" }));
      await store.insertEscalation(escalation(ESC_1, ID_A, 2));
      await store.insertEscalation(escalation(ESC_3, ID_B, 2));
      expect((await store.listEscalations(ID_A)).map((e) => [e.id, e.toStage])).toEqual([
        [ESC_1, 2],
        [ESC_2, 3],
      ]);
    });

    it("answers the same request again with the first one, storing nothing new", async () => {
      await store.insertEscalation(escalation(ESC_1, ID_A, 2));
      const again = await store.insertEscalation(escalation(ESC_1, ID_A, 2, { receivedAt: "2026-12-02T08:00:00.000Z" }));
      expect(again.kind).toBe("duplicate");
      expect(again.kind === "duplicate" && again.escalation.receivedAt).toBe("2026-12-01T09:30:00.000Z");
      expect(await store.countEscalations()).toBe(1);
    });

    it.each([
      ["a different body", () => escalation(ESC_1, ID_A, 2, { body: '{"why":"something else"}' })],
      ["the same body for another complaint", () => escalation(ESC_1, ID_B, 2)],
    ])("refuses an id reused with %s, changing nothing", async (_name, reused) => {
      await store.insertEscalation(escalation(ESC_1, ID_A, 2));
      expect(await store.insertEscalation(reused())).toEqual({ kind: "id-reused" });
      expect(await store.countEscalations()).toBe(1);
      expect(await store.listEscalations(ID_B)).toEqual([]);
      expect(JSON.parse((await store.listEscalations(ID_A))[0]?.body ?? "null")).toEqual({ id: ESC_1, toStage: 2, why: "Not sorted out." });
    });

    it("refuses a second request for a stage already asked for, naming the first", async () => {
      await store.insertEscalation(escalation(ESC_1, ID_A, 2));
      const second = await store.insertEscalation(escalation(ESC_2, ID_A, 2));
      expect(second.kind).toBe("stage-taken");
      expect(second.kind === "stage-taken" && second.escalation.id).toBe(ESC_1);
      expect(await store.countEscalations()).toBe(1);
    });

    it("throws, storing nothing, for a complaint that does not exist", async () => {
      await expect(store.insertEscalation(escalation(ESC_1, "4b7c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4", 2))).rejects.toThrow();
      expect(await store.countEscalations()).toBe(0);
    });

    it("stores one of many concurrent requests for the same stage, from different devices", async () => {
      const ids = Array.from({ length: 6 }, (_, i) => `0e6f9b3a-8c1d-4e2f-a3b4-c5d6e7f8091${i}`);
      const results = await Promise.all(ids.map((id) => store.insertEscalation(escalation(id, ID_A, 2))));
      expect(results.filter((r) => r.kind === "created")).toHaveLength(1);
      expect(results.filter((r) => r.kind === "stage-taken")).toHaveLength(5);
      expect(await store.countEscalations()).toBe(1);
    });

    it("stores each of many concurrent sends of the same request once", async () => {
      const results = await Promise.all(Array.from({ length: 6 }, () => store.insertEscalation(escalation(ESC_1, ID_A, 2))));
      expect(results.filter((r) => r.kind === "created")).toHaveLength(1);
      expect(results.filter((r) => r.kind === "duplicate")).toHaveLength(5);
      expect(await store.countEscalations()).toBe(1);
    });
  });

  it("stores each of many concurrent sends of the same id once", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => store.insertComplaint(complaint(ID_A), () => `SU-AAAA-BBB${"23456789"[i]}`)));
    expect(new Set(results.map((r) => r.reference)).size).toBe(1);
    expect(results.filter((r) => r.kind === "created")).toHaveLength(1);
    expect(await store.countComplaints()).toBe(1);
  });
});

describe.each(testStores())("upgrading a database from the first release: $name", ({ name: kind, blank }) => {
  it("keeps its complaints readable and adds escalations", async () => {
    const { url, cleanup } = await blank();
    try {
      await seedVersion1(kind, url);
      const store = await openStore(url);
      try {
        const found = await store.findByReference("SU-AAAA-BBBB");
        expect(found).toMatchObject({ id: ID_A, reference: "SU-AAAA-BBBB", councilId: "example-borough", receivedAt: "2026-11-20T10:00:00.000Z" });
        expect(JSON.parse(found?.body ?? "null")).toEqual({ id: ID_A });
        // Stored before tokens existed: no token can ever match it.
        expect(found?.statusTokenHash).toBeNull();
        // Nor did it say its language.
        expect(found?.language).toBeNull();
        expect(await store.countComplaints()).toBe(1);
        expect((await store.insertEscalation(escalation(ESC_1, ID_A, 2))).kind).toBe("created");
        // A resend of the old complaint gives it a token from then on.
        await store.insertComplaint(complaint(ID_A, `{"id":"${ID_A}"}`, sha256("new")), () => "SU-ZZZZ-ZZZZ");
        expect((await store.findByReference("SU-AAAA-BBBB"))?.statusTokenHash).toBe(sha256("new"));
      } finally {
        await store.close();
      }
    } finally {
      await cleanup();
    }
  });
});

describe.each(testStores().filter((s) => s.name === "postgres"))("PostgreSQL commits are durable whatever the default: $name", ({ blank }) => {
  it("keeps synchronous_commit=on when the server, role or URL says off", async () => {
    const { url, cleanup } = await blank();
    const parsed = new URL(url);
    parsed.searchParams.set("options", `${parsed.searchParams.get("options") ?? ""} -c synchronous_commit=off`.trim());
    const store = await openStore(parsed.toString());
    try {
      expect(await store.durability()).toBe("synchronous_commit=on");
    } finally {
      await store.close();
      await cleanup();
    }
  });
});

describe("a new SQLite database is private (issue 10)", () => {
  it("creates its folder 0700 and its file 0600 whatever the umask", async () => {
    const dir = mkdtempSync(join(tmpdir(), "speak-up-mode-"));
    const previous = process.umask(0o000);
    try {
      const store = await openStore(`sqlite:${join(dir, "data", "complaints.db")}`);
      await store.insertComplaint(complaint(ID_A), () => "SU-AAAA-BBBB");
      expect(statSync(join(dir, "data")).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, "data", "complaints.db")).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, "data", "complaints.db-wal")).mode & 0o777).toBe(0o600);
      await store.close();
    } finally {
      process.umask(previous);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("sets synchronous=FULL on the connection (configureConnection)", () => {
    const db = new Database(":memory:");
    configureConnection(db);
    expect(db.pragma("synchronous", { simple: true })).toBe(2);
    db.close();
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
