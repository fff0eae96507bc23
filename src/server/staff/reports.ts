import { addCalendarDays, todayIso, type IsoDate } from "../../domain/calendar";
import type { CouncilSettings } from "../../domain/council";
import type { KnownEvent } from "../../domain/staff-events";
import { storedComplaintOf, type ComplaintRow, type StoredComplaint, type StoredEscalation } from "../storage/complaint-store";
import type { Sql, SqlValue } from "../storage/sql";
import type { Complaint } from "../../domain/complaint";
import { assessEligibility, eligibilityInputOf } from "../../domain/eligibility";
import { procedureFor } from "../../domain/progress";
import type { Procedure } from "../../domain/timeline";
import { knownEvents, type CaseContext, type StoredStaffEvent } from "./cases";

/*
 * Reading a council's complaints received in a date range a page at a time (issue 13: exports and
 * the annual report), so memory stays the same whatever the number of rows: keyset pages on
 * (received_at, id), the complaints_council_received index, and each page's requests and staff
 * events in one query each.
 */

/** Complaints per page: large enough that 10,000 complaints are 20 round trips, small enough to hold. */
export const REPORT_PAGE_SIZE = 500;

export interface RangeCase {
  ctx: CaseContext;
  escalations: StoredEscalation[];
  staff: StoredStaffEvent[];
  events: KnownEvent[];
}

/**
 * caseContext without running complaintSchema again: every stored body passed it on the way in
 * (POST /api/v1/complaints stores only what it validated), and re-checking costs about 0.75 ms a
 * complaint, most of a year's report (decision 019).
 */
function storedCaseContext(complaint: StoredComplaint, councils: Map<string, CouncilSettings>): CaseContext {
  const answers = JSON.parse(complaint.body) as Complaint;
  const council = councils.get(complaint.councilId);
  const procedure: Procedure = council ? procedureFor(answers, council) : { kind: "statutory" };
  const route = assessEligibility(eligibilityInputOf(answers)).route;
  return { complaint, answers, council, procedure, route, receivedOn: todayIso(new Date(complaint.receivedAt)) };
}

const placeholders = (from: number, count: number) => Array.from({ length: count }, (_, i) => `$${from + i}`).join(", ");

/**
 * Every complaint of `councilId` received (Europe/London days) from `from` to `to` inclusive, oldest
 * first, with its events. The SQL reads a day either side in UTC (BST moves midnight) and the exact
 * London day is checked here.
 */
export async function* casesInRange(
  sql: Sql,
  councils: Map<string, CouncilSettings>,
  councilId: string,
  range: { from: IsoDate; to: IsoDate },
  pageSize = REPORT_PAGE_SIZE,
): AsyncGenerator<RangeCase> {
  const lower = `${addCalendarDays(range.from, -1)}T00:00:00.000Z`;
  const upper = `${addCalendarDays(range.to, 2)}T00:00:00.000Z`;
  let after: { at: string; id: string } | undefined;
  for (;;) {
    const params: SqlValue[] = [councilId, lower, upper];
    let keyset = "";
    if (after) {
      params.push(after.at, after.id);
      keyset = " AND (received_at > $4 OR (received_at = $4 AND id > $5))";
    }
    const rows = await sql.all<ComplaintRow>(
      `SELECT id, reference, council_id, schema_version, body, body_hash, received_at, language FROM complaints
       WHERE council_id = $1 AND received_at >= $2 AND received_at < $3${keyset}
       ORDER BY received_at, id LIMIT ${pageSize}`,
      params,
    );
    if (rows.length === 0) return;
    const last = rows[rows.length - 1];
    if (last) after = { at: last.received_at, id: last.id };
    const wanted = rows.filter((r) => {
      const day = todayIso(new Date(r.received_at));
      return day >= range.from && day <= range.to;
    });
    if (wanted.length > 0) {
      const ids = wanted.map((r) => r.id);
      const list = placeholders(1, ids.length);
      const replyOn = sql.kind === "postgres" ? "to_char(reply_received_on, 'YYYY-MM-DD')" : "reply_received_on";
      const [escalationRows, staffRows] = await Promise.all([
        sql.all<{ id: string; complaint_id: string; to_stage: number; reply_received_on: string | null; received_at: string }>(
          `SELECT id, complaint_id, to_stage, ${replyOn} AS reply_received_on, received_at FROM escalations WHERE complaint_id IN (${list}) ORDER BY to_stage`,
          ids,
        ),
        sql.all<{ id: string; complaint_id: string; body: unknown; recorded_at: string; recorded_by: string; email: string }>(
          `SELECT e.id, e.complaint_id, e.body, e.recorded_at, e.recorded_by, a.email FROM staff_events e JOIN staff_accounts a ON a.id = e.recorded_by
           WHERE e.complaint_id IN (${list}) ORDER BY e.seq`,
          ids,
        ),
      ]);
      const escalationsOf = new Map<string, StoredEscalation[]>();
      for (const e of escalationRows) {
        const list = escalationsOf.get(e.complaint_id) ?? [];
        list.push({
          id: e.id,
          complaintId: e.complaint_id,
          toStage: Number(e.to_stage),
          body: "{}",
          bodyHash: "",
          replyReceivedOn: e.reply_received_on,
          receivedAt: e.received_at,
        });
        escalationsOf.set(e.complaint_id, list);
      }
      const staffOf = new Map<string, StoredStaffEvent[]>();
      for (const s of staffRows) {
        const list = staffOf.get(s.complaint_id) ?? [];
        list.push({
          id: s.id,
          // Stored after validation; JSONB comes back parsed, SQLite's TEXT does not.
          event: (typeof s.body === "string" ? JSON.parse(s.body) : s.body) as StoredStaffEvent["event"],
          recordedAt: s.recorded_at,
          recordedBy: { id: s.recorded_by, email: s.email },
        });
        staffOf.set(s.complaint_id, list);
      }
      for (const row of wanted) {
        const complaint = storedComplaintOf(row);
        const escalations = escalationsOf.get(row.id) ?? [];
        const staff = staffOf.get(row.id) ?? [];
        yield { ctx: storedCaseContext(complaint, councils), escalations, staff, events: knownEvents(escalations, staff) };
      }
    }
    if (rows.length < pageSize) return;
  }
}
