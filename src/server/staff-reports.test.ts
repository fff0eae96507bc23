import { resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import fixture from "../../test/fixtures/complaint.valid.json" with { type: "json" };
import { testStores } from "../../test/setup/stores";
import { makeUser, signIn, type Signed } from "../../test/setup/staff-users";
import { addCalendarDays, todayIso } from "../domain/calendar";
import { buildApp } from "./app";
import { loadCouncils } from "./councils";
import { casesInRange } from "./staff/reports";
import type { ComplaintStore } from "./storage/complaint-store";
import type { Sql } from "./storage/sql";

const councils = loadCouncils(resolve(import.meta.dirname, "../../public/councils"));
const json = { "content-type": "application/json" };
const A = "example-borough";
const B = "northmoor";
const today = () => todayIso(new Date());

async function sendComplaint(app: FastifyInstance, councilId: string, overrides: Record<string, unknown> = {}) {
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/complaints",
    headers: json,
    payload: { ...structuredClone(fixture), id: crypto.randomUUID(), councilId, ...overrides },
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ reference: string }>().reference;
}

/** Read CSV text as RFC 4180 (enough for these files: quoted fields may hold commas, quotes and line breaks). */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  return rows;
}

describe.each(testStores())("exports and the annual report: $name", ({ open }) => {
  let store: ComplaintStore;
  let app: FastifyInstance;
  let cleanup: () => Promise<void>;
  let manager: Signed;
  let officer: Signed;

  beforeEach(async () => {
    const opened = await open();
    store = opened.store;
    cleanup = opened.cleanup;
    app = await buildApp({ store, councils });
    manager = await signIn(app, await makeUser(app, store, A, "manager"));
    officer = await signIn(app, await makeUser(app, store, A, "officer"));
  });

  afterEach(async () => {
    await app.close();
    await cleanup();
  });

  const range = () => `from=${addCalendarDays(today(), -1)}&to=${today()}`;

  it("only managers: an officer gets 403 for each", async () => {
    for (const url of ["/api/v1/staff/exports/complaints", "/api/v1/staff/exports/events", "/api/v1/staff/report"]) {
      const r = await app.inject({ method: "GET", url: `${url}?${range()}`, headers: officer.headers });
      expect(r.statusCode, url).toBe(403);
      expect(r.json().error).toBe("not-allowed");
      const none = await app.inject({ method: "GET", url: `${url}?${range()}` });
      expect(none.statusCode, url).toBe(401);
    }
  });

  it.each([
    ["from=2026-13-01&to=2026-12-31", "from", "staff:problems.dateFormat"],
    ["from=2026-02-30&to=2026-12-31", "from", "staff:problems.dateFormat"],
    ["from=2026-01-01&to=31/12/2026", "to", "staff:problems.dateFormat"],
    ["to=2026-12-31", "from", "staff:problems.required"],
    ["from=2026-12-31&to=2026-01-01", "to", "staff:problems.rangeReversed"],
    ["from=2026-01-01&to=2026-12-31&format=xlsx", "format", "staff:problems.invalid"],
    ["from=2026-01-01&to=2026-12-31&admin=1", "admin", "staff:problems.unknownField"],
  ])("a bad range (%s) is a 400 naming %s", async (query, field, key) => {
    for (const url of ["/api/v1/staff/exports/complaints", "/api/v1/staff/exports/events", "/api/v1/staff/report"]) {
      const r = await app.inject({ method: "GET", url: `${url}?${query}`, headers: manager.headers });
      expect(r.statusCode, url).toBe(400);
      expect(r.json().fields).toEqual([{ field, key }]);
    }
  });

  it("exports the council's complaints as CSV: BOM, CRLF, quotes doubled, formulas neutralised, only its own council, audited", async () => {
    const mine = await sendComplaint(app, A, {
      whatHappened: { text: '=HYPERLINK("http://evil","click") and, "quotes"\nand a new line', when: "-1 day", who: "@someone" },
    });
    const plain = await sendComplaint(app, A);
    await sendComplaint(app, B);
    const r = await app.inject({ method: "GET", url: `/api/v1/staff/exports/complaints?${range()}`, headers: manager.headers });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(r.headers["content-disposition"]).toBe(`attachment; filename="${A}-complaints-${addCalendarDays(today(), -1)}-to-${today()}.csv"`);
    expect(r.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = r.rawPayload.toString("utf8").slice(1);
    expect(text.endsWith("\r\n")).toBe(true);
    const rows = readCsv(text);
    const header = rows[0] ?? [];
    expect(header.slice(0, 3)).toEqual(["reference", "receivedAt", "receivedOn"]);
    expect(rows).toHaveLength(3);
    const col = (name: string) => header.indexOf(name);
    const row = rows.find((x) => x[0] === mine) ?? [];
    expect(row[col("whatHappened")]).toBe(`'=HYPERLINK("http://evil","click") and, "quotes"\nand a new line`);
    expect(row[col("whenItHappened")]).toBe("'-1 day");
    expect(row[col("whoWasInvolved")]).toBe("'@someone");
    expect(row[col("state")]).toBe("new");
    expect(rows.map((x) => x[0])).toContain(plain);

    const trail = await app.inject({ method: "GET", url: "/api/v1/staff/audit", headers: manager.headers });
    const exported = trail.json<{ items: Array<{ action: string; detail?: string; staff: { email: string } }> }>().items.find((i) => i.action === "export");
    expect(exported?.detail).toBe(`complaints csv ${addCalendarDays(today(), -1)} to ${today()}: 2 rows`);
  });

  it("exports events as JSON (phone requests and staff events, with who recorded them) and as CSV", async () => {
    const reference = await sendComplaint(app, A);
    const recorded = await app.inject({
      method: "POST",
      url: `/api/v1/staff/complaints/${reference}/events`,
      headers: manager.change,
      payload: JSON.stringify({ type: "replied", date: today(), stage: 1, outcome: "upheld", note: "+called them" }),
    });
    expect(recorded.statusCode).toBe(201);
    const r = await app.inject({ method: "GET", url: `/api/v1/staff/exports/events?${range()}&format=json`, headers: manager.headers });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-disposition"]).toContain(".json");
    const body = r.json<{ councilId: string; events: Array<Record<string, unknown>> }>();
    expect(body.councilId).toBe(A);
    expect(body.events).toHaveLength(1);
    expect(body.events[0]).toMatchObject({ reference, type: "replied", outcome: "upheld", stage: 1, source: "staff", counts: true, note: "+called them" });

    const csv = await app.inject({ method: "GET", url: `/api/v1/staff/exports/events?${range()}`, headers: manager.headers });
    const rows = readCsv(csv.rawPayload.toString("utf8").slice(1));
    expect(rows).toHaveLength(2);
    expect(rows[1]?.[rows[0]?.indexOf("note") ?? -1]).toBe("'+called them");
  });

  it("an empty range is a file with only the header, and JSON with an empty list", async () => {
    await sendComplaint(app, A);
    const q = "from=2020-01-01&to=2020-12-31";
    const csv = await app.inject({ method: "GET", url: `/api/v1/staff/exports/complaints?${q}`, headers: manager.headers });
    expect(readCsv(csv.rawPayload.toString("utf8").slice(1))).toHaveLength(1);
    const js = await app.inject({ method: "GET", url: `/api/v1/staff/exports/complaints?${q}&format=json`, headers: manager.headers });
    expect(js.json().complaints).toEqual([]);
  });

  it("reads the range a page at a time, in order, with nothing missed or doubled", async () => {
    const sent: string[] = [];
    for (let i = 0; i < 7; i++) sent.push(await sendComplaint(app, A));
    await sendComplaint(app, B);
    const limits: string[] = [];
    const counting: Sql = {
      kind: store.sql.kind,
      all: (text, params) => {
        if (text.includes("FROM complaints")) limits.push(text);
        return store.sql.all(text, params);
      },
      run: (text, params) => store.sql.run(text, params),
      transaction: (work) => store.sql.transaction(work),
    };
    const seen: string[] = [];
    for await (const c of casesInRange(counting, councils, A, { from: addCalendarDays(today(), -1), to: today() }, 3)) seen.push(c.ctx.complaint.reference);
    expect(seen.sort()).toEqual([...sent].sort());
    // 7 complaints in pages of 3: three pages (3, 3, 1), each its own query.
    expect(limits).toHaveLength(3);
  });

  it("the report counts the range's complaints on the server, as JSON and as CSV, and is audited", async () => {
    const first = await sendComplaint(app, A);
    await sendComplaint(app, A, { role: "parent", wantsAdvocate: "yes" });
    await sendComplaint(app, B);
    const replied = await app.inject({
      method: "POST",
      url: `/api/v1/staff/complaints/${first}/events`,
      headers: manager.change,
      payload: JSON.stringify({ type: "replied", date: today(), stage: 1, outcome: "partly-upheld" }),
    });
    expect(replied.statusCode).toBe(201);
    const r = await app.inject({ method: "GET", url: `/api/v1/staff/report?${range()}`, headers: manager.headers });
    expect(r.statusCode).toBe(200);
    const { report } = r.json<{
      report: Record<string, unknown> & { total: number; who: Record<string, number>; outcomes: Record<string, Record<string, number>> };
    }>();
    expect(report.total).toBe(2);
    expect(report.who).toMatchObject({ "young-person": 1, parent: 1 });
    expect(report.outcomes["1"]).toMatchObject({ "partly-upheld": 1, upheld: 0 });
    expect(report).toMatchObject({
      advocacy: { offered: 2, taken: 2, alreadyHad: 0 },
      timescales: { "1": { metWithoutExtraTime: 1, metWithExtraTime: 0, notMet: 0 } },
    });

    const csv = await app.inject({ method: "GET", url: `/api/v1/staff/report?${range()}&format=csv`, headers: manager.headers });
    expect(csv.headers["content-disposition"]).toContain("annual-report");
    const rows = readCsv(csv.rawPayload.toString("utf8").slice(1));
    expect(rows[0]).toEqual(["section", "row", "count"]);
    expect(rows).toContainEqual(["total", "received", "2"]);
    expect(rows).toContainEqual(["outcomes-stage-1", "partly-upheld", "1"]);

    const trail = await app.inject({ method: "GET", url: "/api/v1/staff/audit", headers: manager.headers });
    const actions = trail.json<{ items: Array<{ action: string; detail?: string }> }>().items.filter((i) => i.action === "report");
    expect(actions.map((a) => a.detail)).toEqual([
      `report csv ${addCalendarDays(today(), -1)} to ${today()}: 2 complaints`,
      `report json ${addCalendarDays(today(), -1)} to ${today()}: 2 complaints`,
    ]);
  });
});
