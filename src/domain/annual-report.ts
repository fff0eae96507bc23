import { addWorkingDays, type IsoDate } from "./calendar";
import { advocateOptions, roles, topics, type Complaint } from "./complaint";
import type { Timescales } from "./council";
import { eligibilityRoutes } from "./eligibility";
import { caseFacts, effectiveEvents, maximumDueDate, replyOutcomes, type CaseFacts, type KnownEvent } from "./staff-events";
import type { Procedure } from "./timeline";

/*
 * The annual report on complaints (Children Act 1989 representations regulations, reg 13(3);
 * issue 13 item 3): counts over the complaints received in a date range, from what the person sent
 * and what staff recorded. Pure: the server feeds it one complaint at a time (`addToReport`) so a
 * year of complaints never has to be in memory at once. How "met the timescale" is counted is
 * decision 019.
 */

export interface ReportCase {
  receivedOn: IsoDate;
  answers: Pick<Complaint, "role" | "eligibility" | "wantsAdvocate">;
  route: string;
  procedure: Procedure;
  timescales: Timescales;
  /** Staff events and the phone's requests, superseded ones included, in the order recorded. */
  events: readonly KnownEvent[];
  /** Today (Europe/London): a panel date set for later has not been met yet. */
  today: IsoDate;
}

/** Counts keyed by a fixed list of values (each listed, zero or not) plus "not-said". */
export type Tally = Record<string, number>;

export interface StageTimescales {
  /** Replied by the usual date, without more time. */
  metWithoutExtraTime: number;
  /** More time was agreed and the reply came by the new date. */
  metWithExtraTime: number;
  /** Replied after the date (the usual one, or the agreed one). */
  notMet: number;
}

export interface AnnualReport {
  total: number;
  /** How many complaints reached each stage (a complaint at Stage 2 counts at Stage 1 too). */
  stages: Record<"1" | "2" | "3", number>;
  /** Who complained: complaint.role, "not-said" when they did not say. */
  who: Tally;
  /** What about: each topic ticked (a complaint can be about several), "not-said" when none. */
  about: Tally;
  /** The route assessEligibility gave. */
  route: Tally;
  /** Each stage reply's outcome (a complaint replied at two stages counts at each). */
  outcomes: Record<"1" | "2" | "3", Tally>;
  /**
   * Each stage's reply against its timescale (a local procedure's stages 1–3 against their working
   * days). Stage 3 of the statutory procedure has no agreed extra time: it is met when the panel met
   * within its working days of the request, and the final response came within its working days of
   * the panel's report (regs 19–20; decision 019).
   */
  timescales: Record<"1" | "2" | "3", StageTimescales>;
  /** Stage 3's steps one by one (statutory procedure), each counted once it is recorded. */
  stage3Steps: Record<"panel" | "panelReport" | "finalResponse", { onTime: number; late: number }>;
  advocacy: { offered: number; taken: number; alreadyHad: number };
  moved: { otherProcedure: number; otherOrganisation: number };
  withdrawn: number;
  /** The Ombudsman looked at it: an "ombudsman-referral" event, or moved to an organisation whose name says "Ombudsman" (decision 019). */
  ombudsman: number;
}

const tally = (keys: readonly string[]): Tally => Object.fromEntries([...keys, "not-said"].map((k) => [k, 0]));

/** An empty report: every row present with zero, so tables and charts always have the same rows. */
export function emptyReport(): AnnualReport {
  const timescale = (): StageTimescales => ({ metWithoutExtraTime: 0, metWithExtraTime: 0, notMet: 0 });
  return {
    total: 0,
    stages: { "1": 0, "2": 0, "3": 0 },
    who: tally(roles),
    about: tally(topics),
    route: Object.fromEntries(eligibilityRoutes.map((r) => [r, 0])),
    outcomes: { "1": tally(replyOutcomes), "2": tally(replyOutcomes), "3": tally(replyOutcomes) },
    timescales: { "1": timescale(), "2": timescale(), "3": timescale() },
    stage3Steps: { panel: { onTime: 0, late: 0 }, panelReport: { onTime: 0, late: 0 }, finalResponse: { onTime: 0, late: 0 } },
    advocacy: { offered: 0, taken: 0, alreadyHad: 0 },
    moved: { otherProcedure: 0, otherOrganisation: 0 },
    withdrawn: 0,
    ombudsman: 0,
  };
}

const bump = (t: Tally, k: string) => {
  t[k] = (t[k] ?? 0) + 1;
};

/** The usual reply date of a stage: statutory stages 1–2 from council.ts timescales, a local stage from its working days. */
function usualReplyDate(stage: number, facts: CaseFacts, procedure: Procedure, timescales: Timescales): IsoDate | undefined {
  if (procedure.kind === "local") {
    const start = facts.stageStart.get(stage);
    const days = procedure.stages[stage - 1]?.workingDays;
    return start === undefined || days === undefined ? undefined : addWorkingDays(start, days);
  }
  if (stage === 1 || stage === 2) return maximumDueDate(stage, facts, timescales)?.target;
  return undefined;
}

/**
 * Stage 3's steps against their working days: the panel meets within panelMeetingWorkingDays of the
 * request, its report within panelReportWorkingDays of the meeting, the final response within
 * finalResponseWorkingDays of the report. Undefined: that step is not recorded yet.
 */
function stage3Timing(
  facts: CaseFacts,
  timescales: Timescales,
  today: IsoDate,
): { panel?: boolean; panelReport?: boolean; finalResponse?: boolean } | undefined {
  const requested = facts.stageStart.get(3);
  if (requested === undefined) return undefined;
  const out: { panel?: boolean; panelReport?: boolean; finalResponse?: boolean } = {};
  const panelBy = addWorkingDays(requested, timescales.panelMeetingWorkingDays);
  // A panel date is the day staff set for it: counted once that day has come, or as late once the
  // latest day for it has gone by without one.
  if (facts.panelOn !== undefined && facts.panelOn <= today) out.panel = facts.panelOn <= panelBy;
  else if (today > panelBy) out.panel = false;
  if (facts.panelOn !== undefined && facts.panelReport !== undefined)
    out.panelReport = facts.panelReport <= addWorkingDays(facts.panelOn, timescales.panelReportWorkingDays);
  const response = facts.replies.get(3);
  if (facts.panelReport !== undefined && response !== undefined)
    out.finalResponse = response <= addWorkingDays(facts.panelReport, timescales.finalResponseWorkingDays);
  return out;
}

/** Add one complaint to the report (mutates and returns `report`). */
export function addToReport(report: AnnualReport, c: ReportCase): AnnualReport {
  report.total += 1;
  const facts = caseFacts(c.receivedOn, c.procedure, c.events);
  const reached = Math.min(facts.stage, 3);
  for (let s = 1; s <= reached; s++) report.stages[String(s) as "1" | "2" | "3"] += 1;

  bump(report.who, c.answers.role ?? "not-said");
  const about = c.answers.eligibility?.topics ?? [];
  if (about.length === 0) bump(report.about, "not-said");
  for (const t of new Set(about)) bump(report.about, t);
  bump(report.route, c.route);

  const effective = effectiveEvents(c.events);
  const seenReply = new Set<number>();
  for (const e of effective) {
    if (e.type === "replied" && e.stage <= 3 && !seenReply.has(e.stage)) {
      seenReply.add(e.stage);
      bump(report.outcomes[String(e.stage) as "1" | "2" | "3"], e.outcome);
    }
  }

  // Timescales: a stage counts once its reply is recorded (decision 019).
  const stage3 = c.procedure.kind === "statutory" ? stage3Timing(facts, c.timescales, c.today) : undefined;
  if (stage3 !== undefined) {
    for (const [step, onTime] of Object.entries(stage3) as Array<[keyof AnnualReport["stage3Steps"], boolean | undefined]>) {
      if (onTime !== undefined) report.stage3Steps[step][onTime ? "onTime" : "late"] += 1;
    }
    if (stage3.finalResponse !== undefined) {
      report.timescales["3"][stage3.panel === true && stage3.panelReport === true && stage3.finalResponse ? "metWithoutExtraTime" : "notMet"] += 1;
    }
  }
  for (const stage of c.procedure.kind === "statutory" ? ([1, 2] as const) : ([1, 2, 3] as const)) {
    const replied = facts.replies.get(stage);
    if (replied === undefined) continue;
    const usual = usualReplyDate(stage, facts, c.procedure, c.timescales);
    if (usual === undefined) continue;
    const extended = facts.extension.get(stage);
    const row = report.timescales[String(stage) as "1" | "2" | "3"];
    if (extended !== undefined) {
      if (replied <= extended) row.metWithExtraTime += 1;
      else row.notMet += 1;
    } else if (replied <= usual) row.metWithoutExtraTime += 1;
    else row.notMet += 1;
  }

  const wants = c.answers.wantsAdvocate;
  if (wants !== undefined && (advocateOptions as readonly string[]).includes(wants)) {
    report.advocacy.offered += 1;
    if (wants === "yes") report.advocacy.taken += 1;
    if (wants === "already-have") report.advocacy.alreadyHad += 1;
  }

  const moved = effective.find((e) => e.type === "moved");
  if (moved?.type === "moved") {
    if (moved.to === "other-procedure") report.moved.otherProcedure += 1;
    else report.moved.otherOrganisation += 1;
  }
  const movedToOmbudsman = moved?.type === "moved" && /ombudsman/i.test(moved.where);
  if (facts.ombudsmanReferral !== undefined || movedToOmbudsman) report.ombudsman += 1;
  if (facts.withdrawn !== undefined && facts.moved === undefined) report.withdrawn += 1;
  return report;
}

/** The report over a list of complaints (tests and small ranges; the server adds one at a time). */
export function annualReport(cases: Iterable<ReportCase>): AnnualReport {
  const report = emptyReport();
  for (const c of cases) addToReport(report, c);
  return report;
}

/** The report as rows of a table (section, row, count), for the CSV download and the page's tables. */
export function reportRows(report: AnnualReport): Array<[section: string, row: string, count: number]> {
  const rows: Array<[string, string, number]> = [["total", "received", report.total]];
  for (const [k, v] of Object.entries(report.stages)) rows.push(["stages", `stage-${k}`, v]);
  for (const [k, v] of Object.entries(report.who)) rows.push(["who", k, v]);
  for (const [k, v] of Object.entries(report.about)) rows.push(["about", k, v]);
  for (const [k, v] of Object.entries(report.route)) rows.push(["route", k, v]);
  for (const [s, t] of Object.entries(report.outcomes)) for (const [k, v] of Object.entries(t)) if (k !== "not-said") rows.push([`outcomes-stage-${s}`, k, v]);
  for (const [s, t] of Object.entries(report.timescales)) for (const [k, v] of Object.entries(t)) rows.push([`timescales-stage-${s}`, k, v]);
  const stepNames = { panel: "panel", panelReport: "panel-report", finalResponse: "final-response" } as const;
  for (const [step, t] of Object.entries(report.stage3Steps) as Array<[keyof typeof stepNames, { onTime: number; late: number }]>) {
    rows.push(["stage-3-steps", `${stepNames[step]}-on-time`, t.onTime], ["stage-3-steps", `${stepNames[step]}-late`, t.late]);
  }
  rows.push(
    ["advocacy", "offered", report.advocacy.offered],
    ["advocacy", "taken", report.advocacy.taken],
    ["advocacy", "already-had", report.advocacy.alreadyHad],
  );
  rows.push(["moved", "other-procedure", report.moved.otherProcedure], ["moved", "other-organisation", report.moved.otherOrganisation]);
  rows.push(["withdrawn", "withdrawn", report.withdrawn], ["ombudsman", "referred", report.ombudsman]);
  return rows;
}
