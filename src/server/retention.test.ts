import { createHash, randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeUser, signIn } from "../../test/setup/staff-users";
import { testStores } from "../../test/setup/stores";
import { buildApp } from "./app";
import type { CouncilSettings, Retention } from "../domain/council";
import type { StaffEvent } from "../domain/staff-events";
import { loadCouncils } from "./councils";
import { COMPLAINT_TABLES, retentionStartupLines, runRetention, startRetentionJob } from "./retention";
import { createAccount } from "./staff/accounts";
import { caseContext, recordEvent } from "./staff/cases";
import type { ComplaintStore } from "./storage/complaint-store";

/*
 * Retention with a controlled clock, on every store (issue 13 item 4; decision 020): a closed
 * complaint is kept until the same day `retention` after it was closed, then deleted with every
 * row hanging off it; open complaints and councils without the setting are never touched.
 */

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const fixture = JSON.parse(readFileSync(new URL("../../test/fixtures/complaint.valid.json", import.meta.url), "utf8")) as Record<string, unknown>;
const base = loadCouncils(new URL("../../public/councils", import.meta.url).pathname);
const SIX_YEARS: Retention = { value: 6, unit: "years" };

function councilsWith(retention: Retention | undefined): Map<string, CouncilSettings> {
  const example = base.get("example-borough");
  if (!example) throw new Error("example-borough is missing");
  const dataProtection = { ...example.dataProtection };
  delete dataProtection.retention;
  return new Map([["example-borough", { ...example, dataProtection: retention ? { ...dataProtection, retention } : dataProtection }]]);
}

let refs = 0;
async function addComplaint(store: ComplaintStore, receivedAt: string): Promise<{ id: string; reference: string }> {
  const id = randomUUID();
  const body = JSON.stringify({ ...fixture, id });
  const reference = `SU-T${String(refs++).padStart(3, "0")}-ABCD`;
  const made = await store.insertComplaint(
    {
      id,
      councilId: "example-borough",
      schemaVersion: 1,
      body,
      bodyHash: sha256(body),
      receivedAt,
      statusTokenHash: sha256(`token ${id}`),
      accessCodeHash: () => sha256(`code ${id}`),
      language: "en-GB",
      deliveries: [{ kind: "email", receiver: "complaints@example.gov.uk", urgent: false }],
    },
    () => reference,
  );
  return { id, reference: made.reference };
}

async function record(
  store: ComplaintStore,
  councils: Map<string, CouncilSettings>,
  reference: string,
  event: StaffEvent,
  by: { id: string; email: string },
  at: string,
) {
  const complaint = await store.findByReference(reference);
  if (!complaint) throw new Error("no complaint");
  const result = await recordEvent(store.sql, caseContext(complaint, councils), event, by, () => store.listEscalations(complaint.id), new Date(at));
  expect(result.kind).toBe("recorded");
}

async function rowsOf(store: ComplaintStore, id: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [...COMPLAINT_TABLES, "complaints"]) {
    const column = table === "complaints" ? "id" : "complaint_id";
    const rows = await store.sql.all<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = $1`, [id]);
    counts[table] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}

describe.each(testStores())("retention on $name", ({ open }) => {
  let store: ComplaintStore;
  let cleanup: () => Promise<void>;
  let officer: { id: string; email: string };
  const councils = councilsWith(SIX_YEARS);

  beforeEach(async () => {
    ({ store, cleanup } = await open());
    const made = await createAccount(store.sql, { councilId: "example-borough", email: `officer-${randomUUID().slice(0, 6)}@example.gov.uk`, role: "officer" });
    officer = { id: made.account.id, email: made.account.email };
  });
  afterEach(async () => {
    await cleanup();
  });

  /** A complaint received in January 2020, with a phone request, an event and an inbox row; closed on `closedOn` if given. */
  async function closedComplaint(closedOn: string | undefined) {
    const made = await addComplaint(store, "2020-01-06T10:00:00.000Z");
    await store.insertEscalation({
      id: randomUUID(),
      complaintId: made.id,
      toStage: 2,
      body: "{}",
      bodyHash: sha256("{}"),
      replyReceivedOn: null,
      receivedAt: "2020-02-20T10:00:00.000Z",
    });
    await record(store, councils, made.reference, { type: "acknowledged", date: "2020-01-07" }, officer, "2020-01-07T09:00:00.000Z");
    if (closedOn) await record(store, councils, made.reference, { type: "closed", date: closedOn }, officer, `${closedOn}T12:00:00.000Z`);
    return made;
  }

  const at = (day: string) => () => new Date(`${day}T03:00:00.000Z`);

  it("keeps a complaint closed the day before retention ends, deletes it with everything hanging off it from that day, and audits counts only", async () => {
    const closed = await closedComplaint("2020-03-10");
    const open_ = await closedComplaint(undefined);
    expect(await rowsOf(store, closed.id)).toEqual({ case_summaries: 1, deliveries: 1, escalations: 1, staff_events: 2, complaints: 1 });

    expect(await runRetention({ sql: store.sql, councils, now: at("2026-03-09") })).toEqual({
      councils: [{ councilId: "example-borough", deleted: 0, failed: 0 }],
    });
    expect((await rowsOf(store, closed.id)).complaints).toBe(1);

    expect(await runRetention({ sql: store.sql, councils, now: at("2026-03-10") })).toEqual({
      councils: [{ councilId: "example-borough", deleted: 1, failed: 0 }],
    });
    expect(await rowsOf(store, closed.id)).toEqual({ case_summaries: 0, deliveries: 0, escalations: 0, staff_events: 0, complaints: 0 });
    expect(await store.findByReference(closed.reference)).toBeUndefined();
    // The open complaint, received at the same time, is never deleted, however long it waits.
    await runRetention({ sql: store.sql, councils, now: at("2090-01-01") });
    expect(await rowsOf(store, open_.id)).toEqual({ case_summaries: 1, deliveries: 1, escalations: 1, staff_events: 1, complaints: 1 });

    const lines = await store.sql.all<{ account_id: string | null; action: string; complaint_id: string | null; reference: string | null; detail: string }>(
      "SELECT account_id, action, complaint_id, reference, detail FROM staff_audit WHERE action = 'retention-delete'",
    );
    expect(lines).toEqual([
      {
        account_id: null,
        action: "retention-delete",
        complaint_id: null,
        reference: null,
        detail: JSON.stringify({ case_summaries: 1, deliveries: 1, escalations: 1, staff_events: 2, complaints: 1 }),
      },
    ]);
    expect(lines[0]?.detail).not.toContain(closed.reference);
  });

  it("managers read the job's line in the audit trail as Speak Up's, with counts and no reference", async () => {
    const closed = await closedComplaint("2020-03-10");
    await runRetention({ sql: store.sql, councils, now: at("2026-03-10") });
    const app = await buildApp({ store, councils });
    try {
      const manager = await signIn(app, await makeUser(app, store, "example-borough", "manager"));
      const trail = await app.inject({ method: "GET", url: "/api/v1/staff/audit", headers: manager.headers });
      expect(trail.statusCode).toBe(200);
      const line = trail.json<{ items: Array<Record<string, unknown>> }>().items.find((i) => i.action === "retention-delete");
      expect(line).toEqual({
        at: "2026-03-10T03:00:00.000Z",
        staff: null,
        action: "retention-delete",
        detail: JSON.stringify({ case_summaries: 1, deliveries: 1, escalations: 1, staff_events: 2, complaints: 1 }),
      });
      expect(trail.body).not.toContain(closed.id);
      const session = await app.inject({ method: "GET", url: "/api/v1/staff/session", headers: manager.headers });
      expect(session.json().retention).toEqual({ value: 6, unit: "years" });
    } finally {
      await app.close();
    }
  });

  it("counts from a request the phone sent after the complaint was closed", async () => {
    const closed = await closedComplaint("2020-03-10");
    await store.insertEscalation({
      id: randomUUID(),
      complaintId: closed.id,
      toStage: 3,
      body: "{}",
      bodyHash: sha256("{}"),
      replyReceivedOn: null,
      receivedAt: "2020-05-01T10:00:00.000Z",
    });
    await runRetention({ sql: store.sql, councils, now: at("2026-04-30") });
    expect((await rowsOf(store, closed.id)).complaints).toBe(1);
    await runRetention({ sql: store.sql, councils, now: at("2026-05-01") });
    expect((await rowsOf(store, closed.id)).complaints).toBe(0);
  });

  it("counts from a corrected closed date, not the one it corrects", async () => {
    const closed = await closedComplaint("2020-03-10");
    const [first] = await store.sql.all<{ id: string }>("SELECT id FROM staff_events WHERE complaint_id = $1 AND type = 'closed'", [closed.id]);
    // A correction is recorded like any event; closing is final, so it is written as the server would store it.
    await store.sql.run(
      "INSERT INTO staff_events (id, complaint_id, type, body, supersedes, recorded_at, recorded_by) VALUES ($1, $2, 'closed', $3, $4, $5, $6)",
      [
        randomUUID(),
        closed.id,
        JSON.stringify({ type: "closed", date: "2020-06-01", supersedes: first?.id }),
        first?.id ?? null,
        "2020-06-01T12:00:00.000Z",
        officer.id,
      ],
    );
    await runRetention({ sql: store.sql, councils, now: at("2026-03-10") });
    expect((await rowsOf(store, closed.id)).complaints).toBe(1);
    await runRetention({ sql: store.sql, councils, now: at("2026-06-01") });
    expect(await rowsOf(store, closed.id)).toEqual({ case_summaries: 0, deliveries: 0, escalations: 0, staff_events: 0, complaints: 0 });
  });

  it("withdrawn or moved without a closed event is not closed: kept", async () => {
    const withdrawn = await closedComplaint(undefined);
    await record(store, councils, withdrawn.reference, { type: "withdrawn", date: "2020-03-10" }, officer, "2020-03-10T12:00:00.000Z");
    await runRetention({ sql: store.sql, councils, now: at("2090-01-01") });
    expect((await rowsOf(store, withdrawn.id)).complaints).toBe(1);
  });

  it("deletes nothing for a council that has not set retention", async () => {
    const closed = await closedComplaint("2020-03-10");
    const unset = councilsWith(undefined);
    expect(await runRetention({ sql: store.sql, councils: unset, now: at("2090-01-01") })).toEqual({ councils: [] });
    expect(await rowsOf(store, closed.id)).toEqual({ case_summaries: 1, deliveries: 1, escalations: 1, staff_events: 2, complaints: 1 });
    expect(retentionStartupLines(unset)).toEqual([
      "Retention: nothing is deleted for Example Borough Council (example-borough): its settings file does not set dataProtection.retention.",
    ]);
    expect(retentionStartupLines(councils)).toEqual([
      "Retention: closed complaints for Example Borough Council (example-borough) are deleted 6 years after they were closed.",
    ]);
  });

  it("a failure mid-way leaves that complaint whole and the next one is still deleted", async () => {
    const first = await closedComplaint("2020-03-10");
    const second = await closedComplaint("2020-03-11");
    const errors: string[] = [];
    // The escalations go, then a table that does not exist fails the transaction.
    const tables = ["case_summaries", "deliveries", "escalations", "no_such_table", "staff_events"];
    const failing = await runRetention({ sql: store.sql, councils, now: at("2026-04-01"), tables, onError: (council) => errors.push(council) });
    expect(failing).toEqual({ councils: [{ councilId: "example-borough", deleted: 0, failed: 2 }] });
    expect(errors).toEqual(["example-borough", "example-borough"]);
    for (const { id } of [first, second])
      expect(await rowsOf(store, id)).toEqual({ case_summaries: 1, deliveries: 1, escalations: 1, staff_events: 2, complaints: 1 });
    expect(await store.sql.all("SELECT id FROM staff_audit WHERE action = 'retention-delete'")).toEqual([]);

    expect(await runRetention({ sql: store.sql, councils, now: at("2026-04-01") })).toEqual({
      councils: [{ councilId: "example-borough", deleted: 2, failed: 0 }],
    });
  });

  it("runs on its own interval with the injected clock, and stops", async () => {
    const closed = await closedComplaint("2020-03-10");
    const runs: number[] = [];
    const job = startRetentionJob({
      sql: store.sql,
      councils,
      now: at("2026-03-10"),
      firstRunMs: 1,
      intervalMs: 60_000,
      onRun: (run) => runs.push(run.councils[0]?.deleted ?? -1),
    });
    await expect.poll(() => runs.length, { timeout: 5000 }).toBe(1);
    await job.stop();
    expect(runs).toEqual([1]);
    expect((await rowsOf(store, closed.id)).complaints).toBe(0);
  });
});

describe("a bad retention setting", () => {
  it("stops the start with a message naming the field", () => {
    const dir = mkdtempSync(join(tmpdir(), "speak-up-councils-"));
    try {
      cpSync(new URL("../../test/fixtures/councils", import.meta.url).pathname, dir, { recursive: true });
      const file = join(dir, "example-borough.json");
      const settings = JSON.parse(readFileSync(file, "utf8")) as { dataProtection: Record<string, unknown> };
      settings.dataProtection.retention = { value: 6, unit: "decades" };
      writeFileSync(file, JSON.stringify(settings));
      expect(() => loadCouncils(dir)).toThrow(/example-borough\.json are not valid:\n {2}- dataProtection\.retention\.unit: must be "years" or "months"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
