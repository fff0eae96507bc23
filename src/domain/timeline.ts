import "./zod-config";
import * as z from "zod";
import { addCalendarDays, addMonths, addWorkingDays, assertIsoDate, isIsoDate, type IsoDate } from "./calendar";
import type { LocalProcedure, RequestWindow, Timescales } from "./council";
import { MAX_LOCAL_STAGES } from "./stages";

/**
 * Where a complaint has got to, and what is due when (Children Act 1989 Representations Procedure
 * (England) Regulations 2006, regs 14–20; docs/domain.md §3, §4). Pure: the caller passes `today`.
 *
 * Rules chosen here (docs/domain.md leaves them open):
 * - Counting: a target is `addWorkingDays(clock start, n)`, so day 1 is the first working day after
 *   the day the complaint or request was received (docs/domain.md "Decisions").
 * - Status of a stage that has started and has no response, against its deadline:
 *   the deadline is the target, or the latest date if the council notified an extension;
 *   `overdue` the day after the deadline; `due-soon` from `dueSoonWorkingDays` working days before
 *   it up to and including the deadline day; otherwise `in-progress`.
 *   So past the target with no extension notified is `overdue` at once: the council is expected to
 *   tell the child if it needs more time (FRG: it "should try to agree" more time), and a child
 *   should not be told to keep waiting because a longer maximum exists.
 * - The latest date is the statutory maximum (stage1Max/stage2Max), or the date the council gave
 *   when extending, kept between the target and the maximum: an extension cannot go past the
 *   maximum, and an "extension" to before the target changes nothing.
 * - An extension counts from the day it was notified, even if that was after the target.
 * - Stage 2 clock start (`stage2ClockStart`): "request" counts from the day the Stage 2 request
 *   was received; "agreed-summary" from the day the complaint summary was agreed. Until it is
 *   agreed the stage is `in-progress` (reason `waitingForSummary`) with `estimated` dates counted
 *   from the request: the real dates can only be later. It is never `due-soon` or `overdue` on
 *   estimates, but once the estimated target has passed, `askAboutSummary` is offered.
 * - Stage 3 has three steps (reg 19(4), 20): panel meets within `panelMeetingWorkingDays` of the
 *   request, report within `panelReportWorkingDays` of the meeting, final response within
 *   `finalResponseWorkingDays` of the report. A step not yet done is counted from the previous
 *   step's due date (`estimated`). The stage's deadline is the due date of the next step not done.
 * - A stage with no response is `finished` (reason `movedOn`) once a later stage has started:
 *   escalating early is the complainant's choice and the earlier clock no longer matters.
 * - After a response the request window for the next stage gives `escalation.deadline`; asking late
 *   is allowed (the council decides), so it is reported, never enforced ("warn, never block").
 *   Local (non-statutory) procedures have no window setting, so none is shown.
 * - Ombudsman guide date (LGA 1974 s26B): `ombudsmanMonths` after the final response, or after the
 *   latest response so far while the procedure is not finished.
 *
 * Events: each is dated the day it happened to the complainant (a response is dated the day it
 * was received). Events may come in any order and are sorted by date. Tolerated, with a warning:
 * events dated after `today` (ignored, the timeline is "as of today"), events that do not belong to
 * this procedure or name a local stage it lacks (ignored), repeated events (the earliest counts,
 * except extensions, where the latest notice counts), a stage whose start event is missing (its
 * earliest other event is taken as the start), and events dated before their stage started.
 * Invalid events or dates throw an Error naming the value.
 */

// ---------------------------------------------------------------------------------------------
// Keys: every string this module returns for the UI is one of these (locales/en-GB/timeline.json).

export const TIMELINE_KEYS = [
  "timeline:status.notStarted",
  "timeline:status.inProgress",
  "timeline:status.extended",
  "timeline:status.waitingForSummary",
  "timeline:status.dueSoon",
  "timeline:status.overdue",
  "timeline:status.overdueAfterExtension",
  "timeline:status.finished",
  "timeline:status.movedOn",
  "timeline:actions.askCouncil",
  "timeline:actions.ombudsmanDelay",
  "timeline:actions.askAboutSummary",
  "timeline:milestones.acknowledgement",
  "timeline:milestones.summaryAgreed",
  "timeline:milestones.panelMeeting",
  "timeline:milestones.panelReport",
  "timeline:milestones.finalResponse",
  "timeline:escalation.open",
  "timeline:escalation.late",
  "timeline:escalation.requested",
  "timeline:ombudsman.afterFinalResponse",
  "timeline:ombudsman.afterLatestResponse",
  "timeline:warnings.futureEvent",
  "timeline:warnings.wrongProcedure",
  "timeline:warnings.unknownStage",
  "timeline:warnings.duplicate",
  "timeline:warnings.startMissing",
  "timeline:warnings.beforeStart",
  "timeline:plan.stage1",
  "timeline:plan.stage2",
  "timeline:plan.stage2ClockRequest",
  "timeline:plan.stage2ClockAgreedSummary",
  "timeline:plan.stage3",
  "timeline:plan.ombudsman",
] as const;

export type TimelineKey = (typeof TIMELINE_KEYS)[number];
type KeyIn<Group extends string> = Extract<TimelineKey, `timeline:${Group}.${string}`>;
export type StatusKey = KeyIn<"status">;
export type ActionKey = KeyIn<"actions">;
export type MilestoneKey = KeyIn<"milestones">;
export type EscalationKey = KeyIn<"escalation">;
export type OmbudsmanKey = KeyIn<"ombudsman">;
export type WarningKey = KeyIn<"warnings">;
export type PlanKey = KeyIn<"plan">;

// ---------------------------------------------------------------------------------------------
// Inputs

/** The statutory three stages (regs 14–20), or the council's own procedure (e.g. S001 in docs/sources.md: 20 then 25 WD). */
export type Procedure = { kind: "statutory" } | { kind: "local"; stages: LocalProcedure["stages"] };

const isoDateSchema = z.string().refine(isIsoDate, {
  error: (issue) => `Not a valid date: ${JSON.stringify(issue.input)} (expected yyyy-mm-dd)`,
});
const dated = { date: isoDateSchema };
/** Local stages are numbered from 1 as people say them ("Stage 2"); councils have at most 4. */
const localStage = z.number().int().min(1).max(MAX_LOCAL_STAGES);

/**
 * Something that happened, dated (regs 14–20). A stage is opened by `received` (stage 1),
 * `stage2-requested`, `stage3-requested` or, locally, `local-stage-requested`; extensions may carry
 * the new date the council gave (`until`). Extra fields (ids, notes) are allowed and ignored.
 * Built when first used (`z.lazy`): What happens after I complain works out dates with this module
 * and reads no stored event, and building these 40 schemas was a long task on a cheap phone
 * (issue 9, decision 027).
 */
export const timelineEventSchema = z.lazy(() =>
  z.discriminatedUnion("type", [
    z.object({ type: z.literal("received"), ...dated }),
    z.object({ type: z.literal("acknowledged"), ...dated }),
    z.object({ type: z.literal("stage1-extended"), ...dated, until: isoDateSchema.optional() }),
    z.object({ type: z.literal("stage1-response"), ...dated }),
    z.object({ type: z.literal("stage2-requested"), ...dated }),
    z.object({ type: z.literal("stage2-summary-agreed"), ...dated }),
    z.object({ type: z.literal("stage2-extended"), ...dated, until: isoDateSchema.optional() }),
    z.object({ type: z.literal("stage2-response"), ...dated }),
    z.object({ type: z.literal("stage3-requested"), ...dated }),
    z.object({ type: z.literal("panel-met"), ...dated }),
    z.object({ type: z.literal("panel-report"), ...dated }),
    z.object({ type: z.literal("final-response"), ...dated }),
    z.object({ type: z.literal("local-stage-requested"), ...dated, stage: localStage }),
    z.object({ type: z.literal("local-stage-response"), ...dated, stage: localStage }),
  ]),
);
export type TimelineEvent = z.infer<typeof timelineEventSchema>;
export type TimelineEventType = TimelineEvent["type"];

export interface TimelineInput {
  timescales: Timescales;
  procedure: Procedure;
  events: readonly unknown[];
  today: IsoDate;
  /** How many working days before a deadline a stage shows as `due-soon`; default 3. */
  dueSoonWorkingDays?: number;
}

// ---------------------------------------------------------------------------------------------
// Outputs

export type StageStatus = "not-started" | "in-progress" | "due-soon" | "overdue" | "finished";

export type MilestoneKind = "acknowledgement" | "summaryAgreed" | "panelMeeting" | "panelReport" | "finalResponse";

export interface Milestone {
  kind: MilestoneKind;
  key: MilestoneKey;
  /** Undefined when there is no set period (summary agreement) or the stage has not started. */
  due?: IsoDate;
  done?: IsoDate;
  /** `due` is counted from an earlier step's due date, not from when that step really happened. */
  estimated: boolean;
  /** Done after `due`, or not done and `today` is after `due`. */
  late: boolean;
}

export interface Escalation {
  /** Ask for the next stage by this date (the request window after the response). */
  deadline: IsoDate;
  window: RequestWindow;
  key: EscalationKey;
}

export interface StageTimeline {
  procedure: Procedure["kind"];
  /** 1-based, as people say it: Stage 1, 2, 3. */
  stage: number;
  /** The day the stage began: complaint received (stage 1) or the request for this stage received. */
  startedOn?: IsoDate;
  /** Working days are counted after this day; differs from `startedOn` only for Stage 2 "agreed-summary". */
  clockStartsOn?: IsoDate;
  target?: IsoDate;
  /** The maximum, or the extended date if the council notified one (never past the maximum). */
  latest?: IsoDate;
  /** `target` and `latest` are estimates (Stage 2 summary not agreed yet; Stage 3 steps not done yet). */
  estimated: boolean;
  extension?: { notifiedOn: IsoDate; until?: IsoDate };
  respondedOn?: IsoDate;
  escalation?: Escalation;
  milestones: Milestone[];
  status: StageStatus;
  reason: StatusKey;
  /** What the complainant can do now, most gentle first; empty unless something is wrong. */
  actions: ActionKey[];
}

export interface OmbudsmanGuide {
  /** The response the months are counted from. */
  from: IsoDate;
  /** Contact the Ombudsman by this date (a guide: the Ombudsman may accept later complaints). */
  by: IsoDate;
  months: number;
  basis: "final-response" | "latest-response";
  key: OmbudsmanKey;
}

export interface TimelineWarning {
  key: WarningKey;
  event: TimelineEvent;
}

export interface Timeline {
  procedure: Procedure["kind"];
  today: IsoDate;
  stages: StageTimeline[];
  /** The latest stage that has started; undefined before the complaint is received. */
  current?: number;
  ombudsman?: OmbudsmanGuide;
  warnings: TimelineWarning[];
}

// ---------------------------------------------------------------------------------------------
// Input checks

function show(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function parseEvent(value: unknown, index: number): TimelineEvent {
  const result = timelineEventSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join(".") || "(event)"}: ${i.message}`).join("; ");
  throw new Error(`Timeline event ${index} is not valid (${problems}): ${show(value)}`);
}

function checkProcedure(procedure: Procedure): void {
  if (procedure.kind === "statutory") return;
  const ok =
    procedure.kind === "local" &&
    Array.isArray(procedure.stages) &&
    procedure.stages.length >= 1 &&
    procedure.stages.length <= 4 &&
    procedure.stages.every((s) => Number.isInteger(s.workingDays) && s.workingDays >= 1);
  if (!ok) throw new Error(`Not a valid procedure: ${show(procedure)}`);
}

// ---------------------------------------------------------------------------------------------
// Computation

interface Context {
  today: IsoDate;
  /** The last day counted as due soon: deadlines on or before it (and not past) are `due-soon`. */
  dueSoonUntil: IsoDate;
  timescales: Timescales;
  /** Events by bucket, each list sorted by date (ties keep input order). */
  buckets: Map<string, TimelineEvent[]>;
  warnings: TimelineWarning[];
}

const ASK_COUNCIL_THEN_OMBUDSMAN: readonly ActionKey[] = ["timeline:actions.askCouncil", "timeline:actions.ombudsmanDelay"];

/** Bucket names group events that mean the same thing for one stage. */
function bucketOf(event: TimelineEvent, procedure: Procedure): string | "wrong" | "unknown" {
  const localOnly = event.type === "local-stage-requested" || event.type === "local-stage-response";
  if (procedure.kind === "statutory") return localOnly ? "wrong" : event.type;
  if (event.type === "received" || event.type === "acknowledged") return event.type;
  if (!localOnly) return "wrong";
  if (event.stage > procedure.stages.length) return "unknown";
  // Asking for local stage 1 is the same as the complaint being received.
  if (event.type === "local-stage-requested" && event.stage === 1) return "received";
  return `${event.type}#${event.stage}`;
}

function collect(events: readonly TimelineEvent[], procedure: Procedure, today: IsoDate, warnings: TimelineWarning[]) {
  const buckets = new Map<string, TimelineEvent[]>();
  // Stable sort by date: ties keep the caller's order, so "the last extension" is well defined.
  const sorted = events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : a.index - b.index));
  for (const { event } of sorted) {
    if (event.date > today) {
      warnings.push({ key: "timeline:warnings.futureEvent", event });
      continue;
    }
    const bucket = bucketOf(event, procedure);
    if (bucket === "wrong" || bucket === "unknown") {
      warnings.push({ key: bucket === "wrong" ? "timeline:warnings.wrongProcedure" : "timeline:warnings.unknownStage", event });
      continue;
    }
    const list = buckets.get(bucket);
    if (list === undefined) {
      buckets.set(bucket, [event]);
      continue;
    }
    // A second extension is normal (a further extension); anything else twice is a mistake.
    if (!event.type.endsWith("-extended")) warnings.push({ key: "timeline:warnings.duplicate", event });
    list.push(event);
  }
  return buckets;
}

function earliest(ctx: Context, bucket: string): IsoDate | undefined {
  return ctx.buckets.get(bucket)?.[0]?.date;
}

function latestExtension(ctx: Context, bucket: string): { notifiedOn: IsoDate; until?: IsoDate } | undefined {
  const event = ctx.buckets.get(bucket)?.at(-1);
  if (event === undefined) return undefined;
  return "until" in event && event.until !== undefined ? { notifiedOn: event.date, until: event.until } : { notifiedOn: event.date };
}

/**
 * The day a stage began: its start event, or (warned) its earliest other event. Events before the
 * start are warned about but still used.
 */
function openStage(ctx: Context, startBucket: string, otherBuckets: readonly string[]): IsoDate | undefined {
  const others = otherBuckets.flatMap((b) => ctx.buckets.get(b) ?? []);
  let start = earliest(ctx, startBucket);
  if (start === undefined) {
    const first = others.reduce<TimelineEvent | undefined>((a, e) => (a === undefined || e.date < a.date ? e : a), undefined);
    if (first === undefined) return undefined;
    ctx.warnings.push({ key: "timeline:warnings.startMissing", event: first });
    start = first.date;
  }
  for (const event of others) {
    if (event.date < start) ctx.warnings.push({ key: "timeline:warnings.beforeStart", event });
  }
  return start;
}

function windowEnd(from: IsoDate, window: RequestWindow): IsoDate {
  return window.unit === "working-days" ? addWorkingDays(from, window.value) : addCalendarDays(from, window.value);
}

function escalation(ctx: Context, respondedOn: IsoDate | undefined, window: RequestWindow, nextStarted: boolean): Escalation | undefined {
  if (respondedOn === undefined) return undefined;
  const deadline = windowEnd(respondedOn, window);
  const key: EscalationKey = nextStarted ? "timeline:escalation.requested" : ctx.today > deadline ? "timeline:escalation.late" : "timeline:escalation.open";
  return { deadline, window, key };
}

function milestone(ctx: Context, kind: MilestoneKind, due: IsoDate | undefined, done: IsoDate | undefined, estimated = false): Milestone {
  const late = due !== undefined && (done === undefined ? ctx.today > due : done > due);
  const m: Milestone = { kind, key: `timeline:milestones.${kind}`, estimated, late };
  if (due !== undefined) m.due = due;
  if (done !== undefined) m.done = done;
  return m;
}

type StatusPart = Pick<StageTimeline, "status" | "reason" | "actions">;

/** Status of a started, unanswered stage against its deadline (the module comment gives the rule). */
function againstDeadline(ctx: Context, deadline: IsoDate, extended: boolean): StatusPart {
  if (ctx.today > deadline) {
    return {
      status: "overdue",
      reason: extended ? "timeline:status.overdueAfterExtension" : "timeline:status.overdue",
      actions: [...ASK_COUNCIL_THEN_OMBUDSMAN],
    };
  }
  if (deadline <= ctx.dueSoonUntil) return { status: "due-soon", reason: "timeline:status.dueSoon", actions: [] };
  return { status: "in-progress", reason: extended ? "timeline:status.extended" : "timeline:status.inProgress", actions: [] };
}

/** Finished, moved on or not started; undefined when the stage is running and needs a deadline check. */
function settled(startedOn: IsoDate | undefined, respondedOn: IsoDate | undefined, laterStarted: boolean): StatusPart | undefined {
  if (respondedOn !== undefined) return { status: "finished", reason: "timeline:status.finished", actions: [] };
  if (laterStarted) return { status: "finished", reason: "timeline:status.movedOn", actions: [] };
  if (startedOn === undefined) return { status: "not-started", reason: "timeline:status.notStarted", actions: [] };
  return undefined;
}

function latestWithin(extension: { until?: IsoDate } | undefined, target: IsoDate, max: IsoDate): IsoDate {
  const until = extension?.until;
  if (until === undefined) return max;
  return until > max ? max : until < target ? target : until;
}

/** A stage with a target, a maximum and optional extensions: statutory Stages 1 and 2. */
function extendableStage(
  ctx: Context,
  stage: number,
  startedOn: IsoDate | undefined,
  clockStartsOn: IsoDate | undefined,
  targetDays: number,
  maxDays: number,
  extensionBucket: string,
  respondedOn: IsoDate | undefined,
  laterStarted: boolean,
): StageTimeline {
  const base: StageTimeline = {
    procedure: "statutory",
    stage,
    estimated: false,
    milestones: [],
    status: "not-started",
    reason: "timeline:status.notStarted",
    actions: [],
  };
  if (startedOn !== undefined) base.startedOn = startedOn;
  if (respondedOn !== undefined) base.respondedOn = respondedOn;
  const extension = latestExtension(ctx, extensionBucket);
  if (extension !== undefined) base.extension = extension;
  // Before the Stage 2 summary is agreed the dates are counted from the request, as estimates.
  const countFrom = clockStartsOn ?? startedOn;
  if (countFrom === undefined) return { ...base, ...settled(startedOn, respondedOn, laterStarted) };
  if (clockStartsOn !== undefined) base.clockStartsOn = clockStartsOn;
  const target = addWorkingDays(countFrom, targetDays);
  const latest = latestWithin(extension, target, addWorkingDays(countFrom, maxDays));
  const dated: StageTimeline = { ...base, target, latest, estimated: clockStartsOn === undefined };
  const done = settled(startedOn, respondedOn, laterStarted);
  if (done !== undefined) return { ...dated, ...done };
  if (clockStartsOn === undefined) {
    return {
      ...dated,
      status: "in-progress",
      reason: "timeline:status.waitingForSummary",
      actions: ctx.today > target ? ["timeline:actions.askAboutSummary"] : [],
    };
  }
  return { ...dated, ...againstDeadline(ctx, extension === undefined ? target : latest, extension !== undefined) };
}

function statutoryStages(ctx: Context): StageTimeline[] {
  const t = ctx.timescales;
  const s1Start = openStage(ctx, "received", ["acknowledged", "stage1-extended", "stage1-response"]);
  const s2Start = openStage(ctx, "stage2-requested", ["stage2-summary-agreed", "stage2-extended", "stage2-response"]);
  const s3Start = openStage(ctx, "stage3-requested", ["panel-met", "panel-report", "final-response"]);

  // Stage 1: local resolution, reg 14.
  const s1Response = earliest(ctx, "stage1-response");
  const stage1 = extendableStage(
    ctx,
    1,
    s1Start,
    s1Start,
    t.stage1TargetWorkingDays,
    t.stage1MaxWorkingDays,
    "stage1-extended",
    s1Response,
    s2Start !== undefined || s3Start !== undefined,
  );
  const acknowledged = earliest(ctx, "acknowledged");
  if (t.acknowledgementWorkingDays !== undefined || acknowledged !== undefined) {
    const due = t.acknowledgementWorkingDays !== undefined && s1Start !== undefined ? addWorkingDays(s1Start, t.acknowledgementWorkingDays) : undefined;
    stage1.milestones.push(milestone(ctx, "acknowledgement", due, acknowledged));
  }
  const s1Escalation = escalation(ctx, s1Response, t.stage2RequestWindow, s2Start !== undefined || s3Start !== undefined);
  if (s1Escalation !== undefined) stage1.escalation = s1Escalation;

  // Stage 2: investigation, regs 16–17; the clock start is a council setting (docs/domain.md §3).
  const agreed = earliest(ctx, "stage2-summary-agreed");
  const byAgreement = t.stage2ClockStart === "agreed-summary";
  const s2Response = earliest(ctx, "stage2-response");
  const stage2 = extendableStage(
    ctx,
    2,
    s2Start,
    byAgreement ? agreed : s2Start,
    t.stage2TargetWorkingDays,
    t.stage2MaxWorkingDays,
    "stage2-extended",
    s2Response,
    s3Start !== undefined,
  );
  if (byAgreement || agreed !== undefined) stage2.milestones.push(milestone(ctx, "summaryAgreed", undefined, agreed));
  const s2Escalation = escalation(ctx, s2Response, t.stage3RequestWindow, s3Start !== undefined);
  if (s2Escalation !== undefined) stage2.escalation = s2Escalation;

  return [stage1, stage2, reviewPanelStage(ctx, s3Start)];
}

/** Stage 3: review panel, regs 19(4) and 20 (meeting, report, final response). */
function reviewPanelStage(ctx: Context, startedOn: IsoDate | undefined): StageTimeline {
  const t = ctx.timescales;
  const finalResponse = earliest(ctx, "final-response");
  const stage: StageTimeline = {
    procedure: "statutory",
    stage: 3,
    estimated: false,
    milestones: [],
    status: "not-started",
    reason: "timeline:status.notStarted",
    actions: [],
  };
  if (finalResponse !== undefined) stage.respondedOn = finalResponse;
  if (startedOn === undefined) return { ...stage, ...settled(startedOn, finalResponse, false) };
  const met = earliest(ctx, "panel-met");
  const report = earliest(ctx, "panel-report");
  const meetingDue = addWorkingDays(startedOn, t.panelMeetingWorkingDays);
  const reportDue = addWorkingDays(met ?? meetingDue, t.panelReportWorkingDays);
  const finalDue = addWorkingDays(report ?? reportDue, t.finalResponseWorkingDays);
  stage.startedOn = startedOn;
  stage.clockStartsOn = startedOn;
  stage.target = finalDue;
  stage.latest = finalDue;
  stage.estimated = report === undefined;
  stage.milestones.push(
    milestone(ctx, "panelMeeting", meetingDue, met),
    milestone(ctx, "panelReport", reportDue, report, met === undefined),
    milestone(ctx, "finalResponse", finalDue, finalResponse, report === undefined),
  );
  const done = settled(startedOn, finalResponse, false);
  if (done !== undefined) return { ...stage, ...done };
  const deadline = met === undefined ? meetingDue : report === undefined ? reportDue : finalDue;
  return { ...stage, ...againstDeadline(ctx, deadline, false) };
}

/** The council's own procedure: each stage answers within its working days; no maximum, no extension. */
function localStages(ctx: Context, stages: LocalProcedure["stages"]): StageTimeline[] {
  const starts = stages.map((_, i) =>
    i === 0
      ? openStage(ctx, "received", ["acknowledged", "local-stage-response#1"])
      : openStage(ctx, `local-stage-requested#${i + 1}`, [`local-stage-response#${i + 1}`]),
  );
  return stages.map((spec, i) => {
    const startedOn = starts[i];
    const respondedOn = earliest(ctx, `local-stage-response#${i + 1}`);
    const laterStarted = starts.slice(i + 1).some((s) => s !== undefined);
    const stage: StageTimeline = {
      procedure: "local",
      stage: i + 1,
      estimated: false,
      milestones: [],
      status: "not-started",
      reason: "timeline:status.notStarted",
      actions: [],
    };
    if (respondedOn !== undefined) stage.respondedOn = respondedOn;
    if (i === 0) {
      const acknowledged = earliest(ctx, "acknowledged");
      const ackDays = ctx.timescales.acknowledgementWorkingDays;
      if (ackDays !== undefined || acknowledged !== undefined) {
        const due = ackDays !== undefined && startedOn !== undefined ? addWorkingDays(startedOn, ackDays) : undefined;
        stage.milestones.push(milestone(ctx, "acknowledgement", due, acknowledged));
      }
    }
    if (startedOn === undefined) return { ...stage, ...settled(startedOn, respondedOn, laterStarted) };
    const target = addWorkingDays(startedOn, spec.workingDays);
    const dated = { ...stage, startedOn, clockStartsOn: startedOn, target, latest: target };
    return { ...dated, ...(settled(startedOn, respondedOn, laterStarted) ?? againstDeadline(ctx, target, false)) };
  });
}

function ombudsmanGuide(stages: readonly StageTimeline[], months: number): OmbudsmanGuide | undefined {
  const last = stages.at(-1);
  if (last?.respondedOn !== undefined) {
    return { from: last.respondedOn, by: addMonths(last.respondedOn, months), months, basis: "final-response", key: "timeline:ombudsman.afterFinalResponse" };
  }
  const responses = stages.flatMap((s) => (s.respondedOn === undefined ? [] : [s.respondedOn])).sort();
  const from = responses.at(-1);
  if (from === undefined) return undefined;
  return { from, by: addMonths(from, months), months, basis: "latest-response", key: "timeline:ombudsman.afterLatestResponse" };
}

/**
 * The complaint's timeline as of `today`: per stage its dates, status, reason key and actions, the
 * current stage and the Ombudsman guide date (regs 14–20; LGA 1974 s26B). Rules: module comment.
 */
export function computeTimeline(input: TimelineInput): Timeline {
  const { timescales, procedure, today } = input;
  assertIsoDate(today);
  checkProcedure(procedure);
  const dueSoon = input.dueSoonWorkingDays ?? 3;
  if (!Number.isInteger(dueSoon) || dueSoon < 0) {
    throw new RangeError(`dueSoonWorkingDays must be a whole number, 0 or more, not ${show(dueSoon)}`);
  }
  if (!Array.isArray(input.events)) throw new Error(`Timeline events must be a list, not ${show(input.events)}`);
  const events = input.events.map(parseEvent);
  const warnings: TimelineWarning[] = [];
  const ctx: Context = {
    today,
    dueSoonUntil: addWorkingDays(today, dueSoon),
    timescales,
    buckets: collect(events, procedure, today, warnings),
    warnings,
  };
  const stages = procedure.kind === "statutory" ? statutoryStages(ctx) : localStages(ctx, procedure.stages);
  const started = stages.filter((s) => s.startedOn !== undefined);
  const timeline: Timeline = { procedure: procedure.kind, today, stages, warnings };
  const current = started.at(-1)?.stage;
  if (current !== undefined) timeline.current = current;
  const ombudsman = ombudsmanGuide(stages, timescales.ombudsmanMonths);
  if (ombudsman !== undefined) timeline.ombudsman = ombudsman;
  return timeline;
}

// ---------------------------------------------------------------------------------------------
// Before anything happens

export interface ExpectedDates {
  sentOn: IsoDate;
  /** Stage 1 reply due (reg 14: 10 working days by default). */
  target: IsoDate;
  /** Stage 1 at the latest, if the council extends (20 working days by default). */
  latest: IsoDate;
  /** Only when the council promises an acknowledgement period (none is statutory). */
  acknowledgementBy?: IsoDate;
}

/**
 * Stage 1 dates for a complaint sent on `sentOn` (reg 14), for the confirmation page. A complaint
 * sent through the app is treated as received the same day, whatever day that is.
 */
export function expectedDates(timescales: Timescales, sentOn: IsoDate): ExpectedDates {
  assertIsoDate(sentOn);
  const dates: ExpectedDates = {
    sentOn,
    target: addWorkingDays(sentOn, timescales.stage1TargetWorkingDays),
    latest: addWorkingDays(sentOn, timescales.stage1MaxWorkingDays),
  };
  if (timescales.acknowledgementWorkingDays !== undefined) {
    dates.acknowledgementBy = addWorkingDays(sentOn, timescales.acknowledgementWorkingDays);
  }
  return dates;
}

export interface Plan {
  stage1Dates: ExpectedDates;
  stage1: { key: PlanKey; targetWorkingDays: number; maxWorkingDays: number };
  stage2: {
    key: PlanKey;
    clockKey: PlanKey;
    requestWindow: RequestWindow;
    targetWorkingDays: number;
    maxWorkingDays: number;
  };
  stage3: {
    key: PlanKey;
    requestWindow: RequestWindow;
    panelMeetingWorkingDays: number;
    panelReportWorkingDays: number;
    finalResponseWorkingDays: number;
    /** Request to final response if every step takes its full time. */
    totalWorkingDays: number;
  };
  ombudsman: { key: PlanKey; months: number };
}

/**
 * "What happens after I complain": each statutory stage's durations from the council's settings
 * (regs 14–20; docs/domain.md §3) and the Stage 1 dates if the complaint were sent `today`.
 */
export function planIfSentToday(timescales: Timescales, today: IsoDate): Plan {
  const t = timescales;
  return {
    stage1Dates: expectedDates(t, today),
    stage1: { key: "timeline:plan.stage1", targetWorkingDays: t.stage1TargetWorkingDays, maxWorkingDays: t.stage1MaxWorkingDays },
    stage2: {
      key: "timeline:plan.stage2",
      clockKey: t.stage2ClockStart === "agreed-summary" ? "timeline:plan.stage2ClockAgreedSummary" : "timeline:plan.stage2ClockRequest",
      requestWindow: t.stage2RequestWindow,
      targetWorkingDays: t.stage2TargetWorkingDays,
      maxWorkingDays: t.stage2MaxWorkingDays,
    },
    stage3: {
      key: "timeline:plan.stage3",
      requestWindow: t.stage3RequestWindow,
      panelMeetingWorkingDays: t.panelMeetingWorkingDays,
      panelReportWorkingDays: t.panelReportWorkingDays,
      finalResponseWorkingDays: t.finalResponseWorkingDays,
      totalWorkingDays: t.panelMeetingWorkingDays + t.panelReportWorkingDays + t.finalResponseWorkingDays,
    },
    ombudsman: { key: "timeline:plan.ombudsman", months: t.ombudsmanMonths },
  };
}
