import "../../domain/zod-config";
import type { FastifyInstance, FastifyReply } from "fastify";
import * as z from "zod";
import { addWorkingDays, todayIso } from "../../domain/calendar";
import { referenceSchema } from "../../domain/complaint";
import type { CouncilSettings } from "../../domain/council";
import { eligibilityRoutes } from "../../domain/eligibility";
import { DUE_SOON_WORKING_DAYS, complaintStates, type ComplaintProgress } from "../../domain/progress";
import { effectiveEvents, staffEventSchema } from "../../domain/staff-events";
import type { Session } from "../staff/accounts";
import { findDelivery, listDeliveries, resendDelivery, type Delivery } from "../notifications/delivery-store";
import { audit, caseContext, knownEvents, listStaffEvents, progressFor, recordEvent, saveSummary, type CaseContext } from "../staff/cases";
import { requireSession } from "../staff/session-cookie";
import { storedComplaintOf, type ComplaintRow, type ComplaintStore, type StoredComplaint } from "../storage/complaint-store";
import type { SqlValue } from "../storage/sql";
import { badRequest } from "./staff-auth";
import { MAX_STAGE } from "../../domain/stages";

/*
 * The inbox, the case, recording events and the audit trail (issue 12; docs/staff-api.md). Every
 * query is limited to the signed-in person's council: another council's reference is answered
 * exactly like an unknown one.
 */

/** `true` narrows the list; there is no `false` (leave the parameter out). */
const flag = z.literal("true", "staff:problems.invalid");
const page = z.coerce.number("staff:problems.invalid").int("staff:problems.invalid").min(1, "staff:problems.invalid").max(100_000, "staff:problems.invalid");

const inboxQuerySchema = z.strictObject({
  stage: z.coerce
    .number("staff:problems.invalid")
    .int("staff:problems.invalid")
    .min(1, "staff:problems.invalid")
    .max(MAX_STAGE, "staff:problems.invalid")
    .optional(),
  state: z.enum(complaintStates, "staff:problems.invalid").optional(),
  overdue: flag.optional(),
  dueSoon: flag.optional(),
  route: z.enum(eligibilityRoutes, "staff:problems.invalid").optional(),
  q: z
    .string()
    .transform((v) => v.replace(/\s+/g, "").toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9-]{0,12}$/, "staff:problems.invalid"))
    .optional(),
  page: page.default(1),
  pageSize: z.coerce
    .number("staff:problems.invalid")
    .int("staff:problems.invalid")
    .min(1, "staff:problems.invalid")
    .max(100, "staff:problems.invalid")
    .default(25),
});

const auditQuerySchema = z.strictObject({
  reference: z
    .string()
    .transform((v) => v.trim().toUpperCase())
    .pipe(referenceSchema)
    .optional(),
  page: page.default(1),
  pageSize: z.coerce.number("staff:problems.invalid").int().min(1, "staff:problems.invalid").max(100, "staff:problems.invalid").default(50),
});

interface SummaryRow {
  reference: string;
  received_at: string;
  role: string;
  route: string;
  procedure: string;
  stage: number;
  last_stage: number;
  state: string;
  next_due_what: string | null;
  next_due_on: string | null;
  next_due_estimated: number;
  first_viewed_at: string | null;
  says_in_danger: number;
  language: string | null;
  [key: string]: unknown;
}

function progressBody(ctx: CaseContext, p: ComplaintProgress) {
  return {
    stage: p.stage,
    lastStage: p.lastStage,
    state: p.state,
    nextDue: p.nextDue,
    overdue: p.overdue,
    dueSoon: p.dueSoon,
    route: ctx.route,
    procedure: ctx.procedure.kind,
    timeline: p.timeline,
  };
}

const NOT_FOUND = { error: "not-found", message: "There is no complaint with this reference." };

/** A delivery as staff see it (issue 13): where it goes, how it is going; never what it carried. */
function deliveryBody(d: Delivery) {
  return {
    id: d.id,
    event: d.event,
    kind: d.kind,
    receiver: d.receiver,
    urgent: d.urgent,
    state: d.state,
    attempts: d.attempts,
    lastAttemptAt: d.lastAttemptAt,
    nextAttemptAt: d.state === "pending" ? d.nextAttemptAt : null,
    deliveredAt: d.deliveredAt,
    error: d.lastError,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function staffCaseRoutes(app: FastifyInstance, store: ComplaintStore, councils: Map<string, CouncilSettings>): void {
  const sql = store.sql;

  /** The complaint, only when it belongs to the person's council; otherwise the same 404 as an unknown reference. */
  async function ownComplaint(session: Session, reference: string, reply: FastifyReply): Promise<StoredComplaint | undefined> {
    const normalised = reference.trim().toUpperCase();
    if (!referenceSchema.safeParse(normalised).success) {
      await reply.code(400).send({
        error: "invalid-reference",
        message: "This is not a complaint reference. References look like SU-7KQ4-M9XD.",
        fields: [{ field: "reference", key: "validation:reference.format" }],
      });
      return undefined;
    }
    const complaint = await store.findByReference(normalised);
    if (!complaint || complaint.councilId !== session.account.councilId) {
      await reply.code(404).send(NOT_FOUND);
      return undefined;
    }
    return complaint;
  }

  /**
   * Make the inbox rows for complaints that have none yet (sent since the last listing, or before
   * the staff area existed), in one read and one transaction. A complaint without a row has no
   * staff events (recording one writes the row), so only its phone requests are read.
   */
  async function fillSummaries(councilId: string): Promise<void> {
    const missing = await sql.all<ComplaintRow & { asked: number | string }>(
      `SELECT c.id, c.reference, c.council_id, c.schema_version, c.body, c.body_hash, c.received_at, c.language,
         (SELECT COUNT(*) FROM escalations e WHERE e.complaint_id = c.id) AS asked
       FROM complaints c LEFT JOIN case_summaries s ON s.complaint_id = c.id
       WHERE c.council_id = $1 AND s.complaint_id IS NULL`,
      [councilId],
    );
    if (missing.length === 0) return;
    const made: Array<{ ctx: CaseContext; progress: ComplaintProgress }> = [];
    for (const row of missing) {
      const complaint = storedComplaintOf(row);
      const ctx = caseContext(complaint, councils);
      const escalations = Number(row.asked) > 0 ? await store.listEscalations(complaint.id) : [];
      made.push({ ctx, progress: progressFor(ctx, knownEvents(escalations, [])) });
    }
    await sql.transaction(async (tx) => {
      for (const { ctx, progress } of made) await saveSummary(tx, ctx, progress);
    });
  }

  app.get("/api/v1/staff/complaints", async (request, reply) => {
    const session = await requireSession(sql, request, reply, { change: false });
    if (!session) return reply;
    const parsed = inboxQuerySchema.safeParse(request.query ?? {});
    if (!parsed.success) return badRequest(reply, parsed.error);
    const q = parsed.data;
    const councilId = session.account.councilId;
    await fillSummaries(councilId);

    const today = todayIso(new Date());
    const where: string[] = ["council_id = $1"];
    const params: SqlValue[] = [councilId];
    const add = (clause: (n: string) => string, value: SqlValue) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (q.stage !== undefined) add((n) => `stage = ${n}`, q.stage);
    if (q.state !== undefined) add((n) => `state = ${n}`, q.state);
    if (q.route !== undefined) add((n) => `route = ${n}`, q.route);
    if (q.q) add((n) => `reference LIKE ${n}`, `${q.q}%`);
    if (q.overdue) add((n) => `(next_due_on < ${n} AND next_due_estimated = 0)`, today);
    if (q.dueSoon) {
      add((n) => `(next_due_on >= ${n} AND next_due_estimated = 0)`, today);
      add((n) => `next_due_on <= ${n}`, addWorkingDays(today, DUE_SOON_WORKING_DAYS));
    }
    const filter = where.join(" AND ");
    const offset = (q.page - 1) * q.pageSize;
    const [rows, counted] = await Promise.all([
      sql.all<SummaryRow>(
        // Someone may be in danger: first, whatever else is asked for (issue 16); then newest first.
        `SELECT reference, received_at, role, route, procedure, stage, last_stage, state, next_due_what, next_due_on, next_due_estimated, first_viewed_at,
           says_in_danger, (SELECT c.language FROM complaints c WHERE c.id = case_summaries.complaint_id) AS language
         FROM case_summaries WHERE ${filter} ORDER BY says_in_danger DESC, received_at DESC, reference LIMIT ${q.pageSize} OFFSET ${offset}`,
        params,
      ),
      sql.all<{ n: number | string }>(`SELECT COUNT(*) AS n FROM case_summaries WHERE ${filter}`, params),
    ]);
    const soonUntil = addWorkingDays(today, DUE_SOON_WORKING_DAYS);
    const items = rows.map((r) => {
      const due =
        r.next_due_on === null || r.next_due_what === null
          ? null
          : { what: r.next_due_what, date: r.next_due_on, estimated: Number(r.next_due_estimated) === 1 };
      const overdue = due !== null && !due.estimated && due.date < today;
      return {
        reference: r.reference,
        receivedAt: r.received_at,
        receivedOn: todayIso(new Date(r.received_at)),
        role: r.role,
        route: r.route,
        procedure: r.procedure,
        stage: Number(r.stage),
        lastStage: Number(r.last_stage),
        state: r.state,
        nextDue: due,
        overdue,
        dueSoon: due !== null && !overdue && !due.estimated && due.date <= soonUntil,
        isNew: r.first_viewed_at === null,
        saysInDanger: Number(r.says_in_danger) === 1,
        language: r.language ?? null,
      };
    });
    await audit(sql, { councilId, accountId: session.account.id, action: "list" });
    return { items, page: q.page, pageSize: q.pageSize, total: Number(counted[0]?.n ?? 0) };
  });

  /** Everything about one case, as data; opening it is recorded (a view or an export) and clears "new". */
  async function openCase(session: Session, complaint: StoredComplaint, action: "view" | "export") {
    const ctx = caseContext(complaint, councils);
    const escalations = await store.listEscalations(complaint.id);
    const staff = await listStaffEvents(sql, complaint.id);
    const events = knownEvents(escalations, staff);
    const progress = progressFor(ctx, events);
    const counted = new Set(effectiveEvents(events).map((e) => e.id));
    const supersededBy = new Map(staff.flatMap((s) => (s.event.supersedes ? [[s.event.supersedes, s.id] as const] : [])));
    const now = new Date().toISOString();
    await sql.transaction(async (tx) => {
      await saveSummary(tx, ctx, progress);
      await tx.run("UPDATE case_summaries SET first_viewed_at = $2 WHERE complaint_id = $1 AND first_viewed_at IS NULL", [complaint.id, now]);
      await audit(tx, { councilId: complaint.councilId, accountId: session.account.id, action, complaintId: complaint.id, reference: complaint.reference });
    });
    return {
      reference: complaint.reference,
      receivedAt: complaint.receivedAt,
      councilId: complaint.councilId,
      complaint: ctx.answers,
      escalations: escalations.map((e) => {
        const body = JSON.parse(e.body) as { why?: string; wantNow?: string };
        return {
          id: e.id,
          toStage: e.toStage,
          receivedAt: e.receivedAt,
          why: body.why ?? "",
          wantNow: body.wantNow ?? null,
          replyReceivedOn: e.replyReceivedOn,
        };
      }),
      events: [
        ...escalations.map((e) => ({
          id: e.id,
          type: "stage-requested",
          stage: e.toStage,
          date: todayIso(new Date(e.receivedAt)),
          source: "phone",
          recordedAt: e.receivedAt,
          recordedBy: null,
          counts: true,
          supersededBy: null,
        })),
        ...staff.map((s) => ({
          ...s.event,
          id: s.id,
          source: "staff",
          recordedAt: s.recordedAt,
          recordedBy: s.recordedBy,
          counts: counted.has(s.id),
          supersededBy: supersededBy.get(s.id) ?? null,
        })),
      ].sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0)),
      progress: progressBody(ctx, progress),
      deliveries: (await listDeliveries(sql, complaint.id)).map(deliveryBody),
    };
  }

  app.get<{ Params: { reference: string } }>("/api/v1/staff/complaints/:reference", async (request, reply) => {
    const session = await requireSession(sql, request, reply, { change: false });
    if (!session) return reply;
    const complaint = await ownComplaint(session, request.params.reference, reply);
    if (!complaint) return reply;
    return openCase(session, complaint, "view");
  });

  // The same as a file to keep (recorded as an export in the audit trail).
  app.get<{ Params: { reference: string } }>("/api/v1/staff/complaints/:reference/export", async (request, reply) => {
    const session = await requireSession(sql, request, reply, { change: false });
    if (!session) return reply;
    const complaint = await ownComplaint(session, request.params.reference, reply);
    if (!complaint) return reply;
    const body = await openCase(session, complaint, "export");
    void reply.header("Content-Disposition", `attachment; filename="${complaint.reference}.json"`);
    return body;
  });

  app.post<{ Params: { reference: string } }>("/api/v1/staff/complaints/:reference/events", async (request, reply) => {
    const session = await requireSession(sql, request, reply, { change: true });
    if (!session) return reply;
    const complaint = await ownComplaint(session, request.params.reference, reply);
    if (!complaint) return reply;
    const parsed = staffEventSchema.safeParse(request.body);
    if (!parsed.success) return badRequest(reply, parsed.error, "invalid-event");
    const ctx = caseContext(complaint, councils);
    const result = await recordEvent(sql, ctx, parsed.data, { id: session.account.id, email: session.account.email }, () =>
      store.listEscalations(complaint.id),
    );
    if (result.kind === "refused") {
      return reply.code(409).send({
        error: "event-refused",
        message: result.problems.map((p) => p.message).join(" "),
        fields: result.problems.map((p) => ({ field: p.field, key: p.key })),
      });
    }
    const { event } = result;
    return reply.code(201).send({
      event: { ...event.event, id: event.id, source: "staff", recordedAt: event.recordedAt, recordedBy: event.recordedBy, counts: true, supersededBy: null },
      progress: progressBody(ctx, result.progress),
    });
  });

  // Send a notification again (issue 13): due now, with a fresh 24 hours of retries, same idempotency key.
  app.post<{ Params: { reference: string; id: string } }>("/api/v1/staff/complaints/:reference/deliveries/:id/resend", async (request, reply) => {
    const session = await requireSession(sql, request, reply, { change: true });
    if (!session) return reply;
    const complaint = await ownComplaint(session, request.params.reference, reply);
    if (!complaint) return reply;
    const id = request.params.id;
    const delivery = UUID.test(id) ? await findDelivery(sql, id.toLowerCase()) : undefined;
    if (!delivery || delivery.complaintId !== complaint.id) {
      return reply.code(404).send({ error: "not-found", message: "This case has no such notification." });
    }
    const resent = await sql.transaction(async (tx) => {
      if (!(await resendDelivery(tx, delivery.id, new Date()))) return false;
      await audit(tx, {
        councilId: complaint.councilId,
        accountId: session.account.id,
        action: "resend-delivery",
        complaintId: complaint.id,
        reference: complaint.reference,
        detail: delivery.kind,
      });
      return true;
    });
    if (!resent) {
      return reply.code(409).send({ error: "delivery-sending", message: "This notification is being sent right now. Look again in a minute." });
    }
    const updated = await findDelivery(sql, delivery.id);
    return reply.code(202).send({ delivery: deliveryBody(updated ?? delivery) });
  });

  app.get("/api/v1/staff/audit", async (request, reply) => {
    const session = await requireSession(sql, request, reply, { change: false });
    if (!session) return reply;
    if (session.account.role !== "manager")
      return reply.code(403).send({ error: "not-allowed", message: "Only a complaints manager can read the audit trail." });
    const parsed = auditQuerySchema.safeParse(request.query ?? {});
    if (!parsed.success) return badRequest(reply, parsed.error);
    const q = parsed.data;
    const params: SqlValue[] = [session.account.councilId];
    let filter = "l.council_id = $1";
    if (q.reference) {
      params.push(q.reference);
      filter += " AND l.reference = $2";
    }
    const offset = (q.page - 1) * q.pageSize;
    // No account: Speak Up itself (the retention job, decision 020).
    const rows = await sql.all<{
      at: string;
      account_id: string | null;
      email: string | null;
      action: string;
      reference: string | null;
      detail: string | null;
    }>(
      `SELECT l.at, l.account_id, a.email, l.action, l.reference, l.detail FROM staff_audit l LEFT JOIN staff_accounts a ON a.id = l.account_id
       WHERE ${filter} ORDER BY l.seq DESC LIMIT ${q.pageSize} OFFSET ${offset}`,
      params,
    );
    const counted = await sql.all<{ n: number | string }>(`SELECT COUNT(*) AS n FROM staff_audit l WHERE ${filter}`, params);
    return {
      items: rows.map((r) => ({
        at: r.at,
        staff: r.account_id === null || r.email === null ? null : { id: r.account_id, email: r.email },
        action: r.action,
        ...(r.reference === null ? {} : { reference: r.reference }),
        ...(r.detail === null ? {} : { detail: r.detail }),
      })),
      page: q.page,
      pageSize: q.pageSize,
      total: Number(counted[0]?.n ?? 0),
    };
  });
}
