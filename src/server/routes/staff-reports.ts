import "../../domain/zod-config";
import { Readable } from "node:stream";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import * as z from "zod";
import { addToReport, emptyReport, reportRows, type AnnualReport } from "../../domain/annual-report";
import { isIsoDate, todayIso } from "../../domain/calendar";
import { timescalesSchema, type CouncilSettings } from "../../domain/council";
import { effectiveEvents } from "../../domain/staff-events";
import type { Session } from "../staff/accounts";
import { audit, progressFor } from "../staff/cases";
import { CSV_BOM, csvRow } from "../staff/csv";
import { casesInRange, type RangeCase } from "../staff/reports";
import { requireSession } from "../staff/session-cookie";
import type { ComplaintStore } from "../storage/complaint-store";
import { badRequest } from "./staff-auth";

/*
 * Exports and the annual report for managers (issue 13 items 2 and 3; docs/staff-api.md
 * "Exports and the annual report"). Exports stream: rows are read a page at a time and written as
 * they come, so memory does not grow with the range. Every export and report is in the audit trail
 * with its range, format and row count.
 */

const DEFAULT_TIMESCALES = timescalesSchema.parse({});

const day = z
  .string("staff:problems.required")
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "staff:problems.dateFormat", abort: true })
  .refine(isIsoDate, "staff:problems.dateFormat");

/** The dates complaints were received, from and to inclusive; exports default to CSV, the report to JSON. */
const rangeSchema = (defaultFormat: "csv" | "json") =>
  z
    .strictObject({
      from: day,
      to: day,
      format: z.enum(["csv", "json"], "staff:problems.invalid").default(defaultFormat),
    })
    .refine((q) => q.to >= q.from, { error: "staff:problems.rangeReversed", path: ["to"], when: (p) => p.issues.length === 0 });
type Range = z.infer<ReturnType<typeof rangeSchema>>;

const complaintColumns = [
  "reference",
  "receivedAt",
  "receivedOn",
  "role",
  "childName",
  "childAge",
  "childSituation",
  "topics",
  "route",
  "procedure",
  "stage",
  "state",
  "wantsAdvocate",
  "saysInDanger",
  "language",
  "whatHappened",
  "whenItHappened",
  "whoWasInvolved",
  "putRight",
  "adjustments",
  "contactMethod",
  "contactDetails",
] as const;

const eventColumns = [
  "reference",
  "eventId",
  "source",
  "type",
  "date",
  "stage",
  "outcome",
  "newDueDate",
  "panelOn",
  "decision",
  "how",
  "movedTo",
  "where",
  "why",
  "reason",
  "investigatingOfficer",
  "independentPerson",
  "note",
  "supersedes",
  "counts",
  "recordedAt",
  "recordedBy",
] as const;

type Cell = string | number | boolean | null;

function complaintRecord(c: RangeCase): Record<(typeof complaintColumns)[number], Cell> {
  const a = c.ctx.answers;
  const progress = progressFor(c.ctx, c.events);
  const contact = a.contact;
  const details = contact
    ? Object.entries(contact)
        .filter(([k]) => k !== "method")
        .map(([, v]) => String(v))
        .join("; ")
    : "";
  return {
    reference: c.ctx.complaint.reference,
    receivedAt: c.ctx.complaint.receivedAt,
    receivedOn: c.ctx.receivedOn,
    role: a.role ?? null,
    childName: a.child?.name ?? null,
    childAge: a.child?.age ?? null,
    childSituation: a.eligibility?.childSituation ?? null,
    topics: (a.eligibility?.topics ?? []).join(";"),
    route: c.ctx.route,
    procedure: c.ctx.procedure.kind,
    stage: progress.stage,
    state: progress.state,
    wantsAdvocate: a.wantsAdvocate ?? null,
    saysInDanger: a.saysInDanger ?? null,
    language: a.language ?? null,
    whatHappened: a.whatHappened.text,
    whenItHappened: a.whatHappened.when ?? null,
    whoWasInvolved: a.whatHappened.who ?? null,
    putRight: a.putRight ?? null,
    adjustments: a.adjustments ?? null,
    contactMethod: contact?.method ?? null,
    contactDetails: details,
  };
}

function eventRecords(c: RangeCase): Array<Record<(typeof eventColumns)[number], Cell>> {
  const counted = new Set(effectiveEvents(c.events).map((e) => e.id));
  const phone = c.escalations.map((e) => ({
    id: e.id,
    source: "phone",
    event: { type: "stage-requested", date: todayIso(new Date(e.receivedAt)), stage: e.toStage } as Record<string, unknown>,
    recordedAt: e.receivedAt,
    recordedBy: null as string | null,
  }));
  const staff = c.staff.map((s) => ({
    id: s.id,
    source: "staff",
    event: s.event as Record<string, unknown>,
    recordedAt: s.recordedAt,
    recordedBy: s.recordedBy.email as string | null,
  }));
  const str = (v: unknown): Cell => (v === undefined ? null : typeof v === "number" || typeof v === "boolean" ? v : String(v));
  return [...phone, ...staff]
    .sort((x, y) => (x.recordedAt < y.recordedAt ? -1 : x.recordedAt > y.recordedAt ? 1 : 0))
    .map((e) => ({
      reference: c.ctx.complaint.reference,
      eventId: e.id,
      source: e.source,
      type: str(e.event["type"]),
      date: str(e.event["date"]),
      stage: str(e.event["stage"]),
      outcome: str(e.event["outcome"]),
      newDueDate: str(e.event["newDueDate"]),
      panelOn: str(e.event["panelOn"]),
      decision: str(e.event["decision"]),
      how: str(e.event["how"]),
      movedTo: str(e.event["to"]),
      where: str(e.event["where"]),
      why: str(e.event["why"]),
      reason: str(e.event["reason"]),
      investigatingOfficer: str(e.event["investigatingOfficer"]),
      independentPerson: str(e.event["independentPerson"]),
      note: str(e.event["note"]),
      supersedes: str(e.event["supersedes"]),
      counts: counted.has(e.id),
      recordedAt: e.recordedAt,
      recordedBy: e.recordedBy,
    }));
}

const NOT_ALLOWED = { error: "not-allowed", message: "Only a complaints manager can download exports and read the annual report." };

export function staffReportRoutes(app: FastifyInstance, store: ComplaintStore, councils: Map<string, CouncilSettings>): void {
  const sql = store.sql;

  async function managerWithRange(
    request: FastifyRequest,
    reply: FastifyReply,
    defaultFormat: "csv" | "json",
  ): Promise<{ session: Session; range: Range } | undefined> {
    const session = await requireSession(sql, request, reply, { change: false });
    if (!session) return undefined;
    if (session.account.role !== "manager") {
      await reply.code(403).send(NOT_ALLOWED);
      return undefined;
    }
    const parsed = rangeSchema(defaultFormat).safeParse(request.query ?? {});
    if (!parsed.success) {
      await badRequest(reply, parsed.error);
      return undefined;
    }
    return { session, range: parsed.data };
  }

  /** Stream the export; the audit line, with the row count, is written when the last row has gone. */
  function streamExport(session: Session, range: Range, what: "complaints" | "events", reply: FastifyReply) {
    const councilId = session.account.councilId;
    const columns = what === "complaints" ? complaintColumns : eventColumns;
    async function* body(): AsyncGenerator<string> {
      let rows = 0;
      let complete = false;
      try {
        if (range.format === "csv") yield CSV_BOM + csvRow(columns);
        else yield `{"councilId":${JSON.stringify(councilId)},"from":"${range.from}","to":"${range.to}","${what}":[`;
        for await (const c of casesInRange(sql, councils, councilId, range)) {
          const records = what === "complaints" ? [complaintRecord(c)] : eventRecords(c);
          let chunk = "";
          for (const r of records) {
            if (range.format === "csv") chunk += csvRow(columns.map((k) => (r as Record<string, Cell>)[k] ?? null));
            else chunk += (rows > 0 ? "," : "") + JSON.stringify(r);
            rows += 1;
          }
          if (chunk) yield chunk;
        }
        if (range.format === "json") yield "]}";
        complete = true;
      } finally {
        await audit(sql, {
          councilId,
          accountId: session.account.id,
          action: "export",
          detail: `${what} ${range.format} ${range.from} to ${range.to}: ${rows} rows${complete ? "" : " (stopped)"}`,
        }).catch(() => {});
      }
    }
    const filename = `${councilId}-${what}-${range.from}-to-${range.to}.${range.format}`;
    void reply
      .header("Content-Type", range.format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8")
      .header("Content-Disposition", `attachment; filename="${filename}"`)
      .header("Cache-Control", "no-store");
    return reply.send(Readable.from(body(), { objectMode: false }));
  }

  app.get("/api/v1/staff/exports/complaints", async (request, reply) => {
    const ok = await managerWithRange(request, reply, "csv");
    if (!ok) return reply;
    return streamExport(ok.session, ok.range, "complaints", reply);
  });

  app.get("/api/v1/staff/exports/events", async (request, reply) => {
    const ok = await managerWithRange(request, reply, "csv");
    if (!ok) return reply;
    return streamExport(ok.session, ok.range, "events", reply);
  });

  app.get("/api/v1/staff/report", async (request, reply) => {
    const ok = await managerWithRange(request, reply, "json");
    if (!ok) return reply;
    const { session, range } = ok;
    const councilId = session.account.councilId;
    const report: AnnualReport = emptyReport();
    const today = todayIso(new Date());
    for await (const c of casesInRange(sql, councils, councilId, range)) {
      addToReport(report, {
        receivedOn: c.ctx.receivedOn,
        answers: c.ctx.answers,
        route: c.ctx.route,
        procedure: c.ctx.procedure,
        timescales: c.ctx.council?.timescales ?? DEFAULT_TIMESCALES,
        events: c.events,
        today,
      });
    }
    await audit(sql, {
      councilId,
      accountId: session.account.id,
      action: "report",
      detail: `report ${range.format} ${range.from} to ${range.to}: ${report.total} complaints`,
    });
    if (range.format === "csv") {
      void reply
        .header("Content-Type", "text/csv; charset=utf-8")
        .header("Content-Disposition", `attachment; filename="${councilId}-annual-report-${range.from}-to-${range.to}.csv"`)
        .header("Cache-Control", "no-store");
      return (
        CSV_BOM +
        csvRow(["section", "row", "count"]) +
        reportRows(report)
          .map((r) => csvRow(r))
          .join("")
      );
    }
    return { councilId, from: range.from, to: range.to, report };
  });
}
