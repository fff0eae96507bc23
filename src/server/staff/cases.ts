import { randomUUID } from "node:crypto";
import { todayIso, type IsoDate } from "../../domain/calendar";
import { complaintSchema, type Complaint } from "../../domain/complaint";
import { timescalesSchema, type CouncilSettings } from "../../domain/council";
import { assessEligibility, eligibilityInputOf } from "../../domain/eligibility";
import { complaintProgress, phoneRequestEvent, procedureFor, type ComplaintProgress } from "../../domain/progress";
import { checkStaffEvent, type EventProblem, type KnownEvent, type StaffEvent } from "../../domain/staff-events";
import type { Procedure } from "../../domain/timeline";
import type { StoredComplaint, StoredEscalation } from "../storage/complaint-store";
import type { Sql, SqlValue } from "../storage/sql";

/*
 * A complaint as the council's staff see it: its events, where it is (complaintProgress), the
 * summary row the inbox filters on, and the audit trail (issue 12).
 */

const DEFAULT_TIMESCALES = timescalesSchema.parse({});

export interface CaseContext {
  complaint: StoredComplaint;
  answers: Complaint;
  council: CouncilSettings | undefined;
  procedure: Procedure;
  route: string;
  receivedOn: IsoDate;
}

export function caseContext(complaint: StoredComplaint, councils: Map<string, CouncilSettings>): CaseContext {
  const answers = complaintSchema.parse(JSON.parse(complaint.body));
  const council = councils.get(complaint.councilId);
  const procedure: Procedure = council ? procedureFor(answers, council) : { kind: "statutory" };
  const route = assessEligibility(eligibilityInputOf(answers)).route;
  return { complaint, answers, council, procedure, route, receivedOn: todayIso(new Date(complaint.receivedAt)) };
}

export interface StoredStaffEvent {
  id: string;
  event: StaffEvent;
  recordedAt: string;
  recordedBy: { id: string; email: string };
}

interface EventRow {
  id: string;
  body: unknown;
  recorded_at: string;
  recorded_by: string;
  email: string;
  [key: string]: unknown;
}

export async function listStaffEvents(sql: Sql, complaintId: string): Promise<StoredStaffEvent[]> {
  const rows = await sql.all<EventRow>(
    `SELECT e.id, e.body, e.recorded_at, e.recorded_by, a.email FROM staff_events e JOIN staff_accounts a ON a.id = e.recorded_by
     WHERE e.complaint_id = $1 ORDER BY e.seq`,
    [complaintId],
  );
  return rows.map((r) => ({
    id: r.id,
    // Stored after validation; JSONB comes back parsed, SQLite's TEXT does not.
    event: (typeof r.body === "string" ? JSON.parse(r.body) : r.body) as StaffEvent,
    recordedAt: r.recorded_at,
    recordedBy: { id: r.recorded_by, email: r.email },
  }));
}

export function knownEvents(escalations: readonly StoredEscalation[], staff: readonly StoredStaffEvent[]): KnownEvent[] {
  const phone = escalations.map((e) =>
    Object.assign(
      phoneRequestEvent({ id: e.id, toStage: e.toStage, requestedOn: todayIso(new Date(e.receivedAt)), replyReceivedOn: e.replyReceivedOn ?? undefined }),
      { recordedAt: e.receivedAt },
    ),
  );
  const recorded = staff.map((s) => Object.assign({ ...s.event, id: s.id, source: "staff" as const }, { recordedAt: s.recordedAt }));
  // In the order they reached the server: the rules read "current state" from it.
  return [...phone, ...recorded].sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
}

export function progressFor(ctx: CaseContext, events: readonly KnownEvent[], now = new Date()): ComplaintProgress {
  return complaintProgress({
    receivedOn: ctx.receivedOn,
    procedure: ctx.procedure,
    timescales: ctx.council?.timescales ?? DEFAULT_TIMESCALES,
    events,
    today: todayIso(now),
  });
}

/** Write where the complaint is for the inbox (a row per complaint, replaced each time). */
export async function saveSummary(sql: Sql, ctx: CaseContext, progress: ComplaintProgress): Promise<void> {
  const c = ctx.complaint;
  const values: SqlValue[] = [
    c.id,
    c.councilId,
    c.reference,
    c.receivedAt,
    ctx.answers.role ?? "not-said",
    ctx.route,
    ctx.procedure.kind,
    progress.stage,
    progress.lastStage,
    progress.state,
    progress.nextDue?.what ?? null,
    progress.nextDue?.date ?? null,
    progress.nextDue?.estimated ? 1 : 0,
    ctx.answers.saysInDanger === true ? 1 : 0,
  ];
  await sql.run(
    `INSERT INTO case_summaries (complaint_id, council_id, reference, received_at, role, route, procedure, stage, last_stage, state,
       next_due_what, next_due_on, next_due_estimated, says_in_danger)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (complaint_id) DO UPDATE SET stage = excluded.stage, last_stage = excluded.last_stage, state = excluded.state,
       route = excluded.route, procedure = excluded.procedure, next_due_what = excluded.next_due_what,
       next_due_on = excluded.next_due_on, next_due_estimated = excluded.next_due_estimated, says_in_danger = excluded.says_in_danger`,
    values,
  );
}

export type AuditAction = "view" | "record-event" | "export" | "report" | "list" | "sign-in" | "sign-out" | "invite" | "remove" | "resend-delivery";
/** Written by the retention job (src/server/retention.ts) with no account: Speak Up itself. */
export type SystemAuditAction = "retention-delete";

export async function audit(
  sql: Sql,
  entry: { councilId: string; accountId: string; action: AuditAction; complaintId?: string; reference?: string; detail?: string },
  now = new Date(),
): Promise<void> {
  await sql.run("INSERT INTO staff_audit (id, council_id, account_id, at, action, complaint_id, reference, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", [
    randomUUID(),
    entry.councilId,
    entry.accountId,
    now.toISOString(),
    entry.action,
    entry.complaintId ?? null,
    entry.reference ?? null,
    entry.detail ?? null,
  ]);
}

export type RecordResult = { kind: "recorded"; event: StoredStaffEvent; progress: ComplaintProgress } | { kind: "refused"; problems: EventProblem[] };

/**
 * Check one event against the complaint as it is now and store it with its effects (the inbox
 * summary, the audit line) in one transaction; the check runs inside it, on PostgreSQL with the
 * complaint's row locked, so two officers recording at once cannot both pass it.
 */
export async function recordEvent(
  sql: Sql,
  ctx: CaseContext,
  event: StaffEvent,
  by: { id: string; email: string },
  listEscalations: () => Promise<StoredEscalation[]>,
  now = new Date(),
): Promise<RecordResult> {
  const escalations = await listEscalations();
  return sql.transaction(async (tx) => {
    if (tx.kind === "postgres") await tx.all("SELECT id FROM complaints WHERE id = $1 FOR UPDATE", [ctx.complaint.id]);
    const staff = await listStaffEvents(tx, ctx.complaint.id);
    const events = knownEvents(escalations, staff);
    const problems = checkStaffEvent(event, {
      receivedOn: ctx.receivedOn,
      procedure: ctx.procedure,
      timescales: ctx.council?.timescales ?? DEFAULT_TIMESCALES,
      role: ctx.answers.role,
      today: todayIso(now),
      events,
    });
    if (problems.length > 0) return { kind: "refused", problems };
    const id = randomUUID();
    const recordedAt = now.toISOString();
    await tx.run("INSERT INTO staff_events (id, complaint_id, type, body, supersedes, recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)", [
      id,
      ctx.complaint.id,
      event.type,
      JSON.stringify(event),
      event.supersedes ?? null,
      recordedAt,
      by.id,
    ]);
    const stored: StoredStaffEvent = { id, event, recordedAt, recordedBy: by };
    const progress = progressFor(ctx, knownEvents(escalations, [...staff, stored]), now);
    await saveSummary(tx, ctx, progress);
    await audit(
      tx,
      {
        councilId: ctx.complaint.councilId,
        accountId: by.id,
        action: "record-event",
        complaintId: ctx.complaint.id,
        reference: ctx.complaint.reference,
        detail: event.type,
      },
      now,
    );
    return { kind: "recorded", event: stored, progress };
  });
}
