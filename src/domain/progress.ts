import "./zod-config";
import * as z from "zod";
import type { IsoDate } from "./calendar";
import { isIsoDate, workingDaysBetween } from "./calendar";
import { type Complaint, isoDate, isoDateTime, key, requiredText, text, uuid } from "./complaint";
import type { CouncilSettings, Timescales } from "./council";
import { assessEligibility, eligibilityInputOf } from "./eligibility";
import { caseFacts, effectiveEvents, publicPartOf, type KnownEvent, type PublicEvent } from "./staff-events";
import { computeTimeline, type Procedure, type Timeline, type TimelineEvent } from "./timeline";
import { MAX_LOCAL_STAGES, MAX_STAGE, STATUTORY_STAGES } from "./stages";

/*
 * How a sent complaint moves on: which procedure it follows, which stage comes next, and the
 * timeline events the server knows about (regs 14–20; the council's own procedure for complaints
 * outside them). Pure: the server and the app ("My complaints") run the same rules.
 */

/** The statutory procedure has three stages: local resolution, investigation, review panel (regs 14–20). */

/**
 * The procedure a complaint follows: the council's own (local) one when its answers point there
 * (child protection, early help, youth justice: assessEligibility), otherwise the statutory one.
 */
export function procedureFor(complaint: Pick<Complaint, "role" | "eligibility">, council: CouncilSettings): Procedure {
  const { route } = assessEligibility(eligibilityInputOf(complaint));
  const stages = council.localProcedure.stages;
  return route === "local-procedure" && stages.length > 0 ? { kind: "local", stages } : { kind: "statutory" };
}

/** How many stages the procedure has: 3 statutory (regs 14–20), or the council's local stages. */
export function stageCount(procedure: Procedure): number {
  return procedure.kind === "statutory" ? STATUTORY_STAGES : procedure.stages.length;
}

/**
 * The stage to ask for after `current`, or undefined after the last one: then the next step is the
 * Local Government and Social Care Ombudsman (LGA 1974 s26B). Throws for a stage the procedure lacks.
 */
export function nextStage(procedure: Procedure, current: number): number | undefined {
  const last = stageCount(procedure);
  if (!Number.isInteger(current) || current < 1 || current > last) {
    throw new RangeError(`Stage ${String(current)} is not a stage of this procedure (1 to ${last})`);
  }
  return current < last ? current + 1 : undefined;
}

export interface ProgressEscalation {
  /** The stage asked for: 2 or more. */
  toStage: number;
  /** The day the request reached the server (Europe/London). */
  requestedOn: IsoDate;
  /** The day the person got the previous stage's reply, when they said. */
  replyReceivedOn?: IsoDate | undefined;
}

export interface ProgressInput {
  receivedOn: IsoDate;
  procedure: Procedure;
  escalations: readonly ProgressEscalation[];
}

function checkDate(value: unknown, what: string): asserts value is IsoDate {
  if (!isIsoDate(value)) throw new Error(`${what} is not a valid date: ${JSON.stringify(value)} (expected yyyy-mm-dd)`);
}

/**
 * The timeline events the server knows for a complaint (for computeTimeline, regs 14–20): `received`,
 * then for each escalation, by stage, the previous stage's reply (when its date was given) and the
 * request. Throws for a stage the procedure cannot ask for (statutory 2–3, local 2–4) or a bad date.
 */
export function progressEvents(input: ProgressInput): TimelineEvent[] {
  const { receivedOn, procedure } = input;
  checkDate(receivedOn, "receivedOn");
  // Local stage numbers beyond the council's current settings are passed on: computeTimeline warns
  // about them, and a council shortening its procedure must not make old complaints unreadable.
  const highest = procedure.kind === "statutory" ? STATUTORY_STAGES : MAX_LOCAL_STAGES;
  const events: TimelineEvent[] = [{ type: "received", date: receivedOn }];
  const ordered = [...input.escalations].sort((a, b) => a.toStage - b.toStage);
  for (const escalation of ordered) {
    const { toStage, requestedOn, replyReceivedOn } = escalation;
    if (!Number.isInteger(toStage) || toStage < 2 || toStage > highest) {
      throw new RangeError(`Cannot ask for stage ${String(toStage)} of a ${procedure.kind} procedure (2 to ${highest})`);
    }
    checkDate(requestedOn, "requestedOn");
    if (replyReceivedOn !== undefined) checkDate(replyReceivedOn, "replyReceivedOn");
    if (procedure.kind === "statutory") {
      if (replyReceivedOn !== undefined) {
        events.push({ type: toStage === 2 ? "stage1-response" : "stage2-response", date: replyReceivedOn });
      }
      events.push({ type: toStage === 2 ? "stage2-requested" : "stage3-requested", date: requestedOn });
    } else {
      if (replyReceivedOn !== undefined) events.push({ type: "local-stage-response", date: replyReceivedOn, stage: toStage - 1 });
      events.push({ type: "local-stage-requested", date: requestedOn, stage: toStage });
    }
  }
  return events;
}

// ---------------------------------------------------------------------------------------------
// Asking for the next stage: `POST /api/v1/complaints/:reference/escalations`

export const ESCALATION_SCHEMA_VERSION = 1;

/**
 * A request for the next stage (reg 15 Stage 2, reg 18 Stage 3, or the council's next local stage).
 * Messages are i18n keys in the `validation` namespace, like the complaint's.
 */
export const escalationSchema = z.strictObject({
  id: uuid(),
  schemaVersion: z.literal(ESCALATION_SCHEMA_VERSION, key("schemaVersion.unsupported")),
  toStage: z
    .number(key("escalation.toStage.type"))
    .int(key("escalation.toStage.type"))
    .min(2, key("escalation.toStage.type"))
    .max(MAX_STAGE, key("escalation.toStage.type")),
  why: requiredText(5000, "escalation.why"),
  wantNow: text(5000, "escalation.wantNow").optional(),
  replyReceivedOn: isoDate("escalation.replyReceivedOn").optional(),
  submittedAt: isoDateTime,
});
export type EscalationRequest = z.infer<typeof escalationSchema>;
export type EscalationRequestInput = z.input<typeof escalationSchema>;

/** Keys for problems only the server can see (they depend on what it has stored, or on today). */
export const escalationProblemKeys = {
  idReused: key("escalation.id.reused").error,
  stageNotNext: key("escalation.toStage.notNext").error,
  noFurtherStage: key("escalation.toStage.noFurtherStage").error,
  replyInFuture: key("escalation.replyReceivedOn.future").error,
  replyBeforeComplaint: key("escalation.replyReceivedOn.beforeComplaint").error,
} as const;

/**
 * What is wrong with the day the reply came, or undefined: it cannot be after today (Europe/London)
 * or before the complaint was received, because the reply answers that complaint.
 */
export function replyDateProblem(
  replyReceivedOn: IsoDate,
  bounds: { receivedOn: IsoDate; today: IsoDate },
): (typeof escalationProblemKeys)["replyInFuture" | "replyBeforeComplaint"] | undefined {
  checkDate(replyReceivedOn, "replyReceivedOn");
  checkDate(bounds.receivedOn, "receivedOn");
  checkDate(bounds.today, "today");
  if (replyReceivedOn > bounds.today) return escalationProblemKeys.replyInFuture;
  if (replyReceivedOn < bounds.receivedOn) return escalationProblemKeys.replyBeforeComplaint;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Where a complaint is, from everything recorded: one function for the staff inbox and the phone.

/** The phone's request for the next stage as an event of the complaint (`source: "phone"`). */
export function phoneRequestEvent(escalation: { id: string; toStage: number; requestedOn: IsoDate; replyReceivedOn?: IsoDate | undefined }): KnownEvent {
  return {
    id: escalation.id,
    source: "phone",
    type: "stage-requested",
    stage: escalation.toStage,
    how: "other",
    date: escalation.requestedOn,
    replyReceivedOn: escalation.replyReceivedOn,
  };
}

/**
 * The timeline events (for computeTimeline, regs 14–20) of the events that count: a reply the
 * person gave the date of on their phone counts until staff record the council's own.
 */
export function timelineEventsOf(receivedOn: IsoDate, procedure: Procedure, events: readonly KnownEvent[], today: IsoDate): TimelineEvent[] {
  const statutory = procedure.kind === "statutory";
  const out: TimelineEvent[] = [{ type: "received", date: receivedOn }];
  const counted = effectiveEvents(events);
  const staffReplied = new Set(counted.flatMap((e) => (e.type === "replied" ? [e.stage] : [])));
  const response = (stage: number, date: IsoDate): TimelineEvent | undefined => {
    if (!statutory) return { type: "local-stage-response", date, stage };
    if (stage === 1) return { type: "stage1-response", date };
    if (stage === 2) return { type: "stage2-response", date };
    if (stage === 3) return { type: "final-response", date };
    return undefined;
  };
  for (const e of counted) {
    let mapped: TimelineEvent | undefined;
    switch (e.type) {
      case "acknowledged":
        mapped = { type: "acknowledged", date: e.date };
        break;
      case "more-time-agreed":
        if (statutory && (e.stage === 1 || e.stage === 2)) {
          mapped = { type: e.stage === 1 ? "stage1-extended" : "stage2-extended", date: e.date, until: e.newDueDate };
        }
        break;
      case "replied":
        mapped = response(e.stage, e.date);
        break;
      case "stage-requested":
        if (e.replyReceivedOn !== undefined && !staffReplied.has(e.stage - 1)) {
          const said = response(e.stage - 1, e.replyReceivedOn);
          if (said) out.push(said);
        }
        if (!statutory) mapped = { type: "local-stage-requested", date: e.date, stage: e.stage };
        else if (e.stage === 2) mapped = { type: "stage2-requested", date: e.date };
        else if (e.stage === 3) mapped = { type: "stage3-requested", date: e.date };
        break;
      case "statement-agreed":
        mapped = { type: "stage2-summary-agreed", date: e.date };
        break;
      case "panel-date-set":
        // The panel has met once its day has come; until then the meeting is only due.
        if (e.panelOn <= today) mapped = { type: "panel-met", date: e.panelOn };
        break;
      case "panel-report":
        mapped = { type: "panel-report", date: e.date };
        break;
      default:
        break;
    }
    if (mapped) out.push(mapped);
  }
  return out;
}

/** Staff events the person sees (decision 012): not their own requests, and not the Ombudsman's interest, which they know of. */
const isPublic = (e: KnownEvent) => e.source === "staff" && e.type !== "ombudsman-referral";

export const complaintStates = ["new", "open", "replied", "withdrawn", "moved", "closed"] as const;
export type ComplaintState = (typeof complaintStates)[number];

export type DueWhat = "acknowledgement" | "reply" | "panel" | "panel-report" | "final-response";

export interface ComplaintProgress {
  stage: number;
  lastStage: number;
  state: ComplaintState;
  /** The next thing the council must do and by when; null when nothing is due (replied, finished). */
  nextDue: { what: DueWhat; date: IsoDate; estimated: boolean } | null;
  /** Today is after `nextDue` (never on estimated dates). */
  overdue: boolean;
  /** `nextDue` is today or within the next 2 working days, and not overdue. */
  dueSoon: boolean;
  timeline: Timeline;
  timelineEvents: TimelineEvent[];
  /** What the person may see of the events that count (decision 012). */
  publicEvents: PublicEvent[];
}

export interface ComplaintProgressInput {
  receivedOn: IsoDate;
  procedure: Procedure;
  timescales: Timescales;
  /** Staff events and the phone's requests, superseded ones included, in the order recorded. */
  events: readonly KnownEvent[];
  today: IsoDate;
}

/** How many working days ahead "due soon" looks for staff (issue 12: "due within 2 working days"). */
export const DUE_SOON_WORKING_DAYS = 2;

/**
 * Where a complaint is (regs 14–20): its stage, state, what is due next and whether it is late,
 * counted with the working-day rules of calendar.ts and timeline.ts. The staff inbox, the case
 * page and the phone's status all use this one function.
 */
export function complaintProgress(input: ComplaintProgressInput): ComplaintProgress {
  const { receivedOn, procedure, timescales, events, today } = input;
  checkDate(receivedOn, "receivedOn");
  checkDate(today, "today");
  const facts = caseFacts(receivedOn, procedure, events);
  const timelineEvents = timelineEventsOf(receivedOn, procedure, events, today);
  const timeline = computeTimeline({ timescales, procedure, events: timelineEvents, today, dueSoonWorkingDays: DUE_SOON_WORKING_DAYS });
  const stage = Math.min(facts.stage, facts.lastStage);
  const state: ComplaintState =
    facts.closed !== undefined
      ? "closed"
      : facts.withdrawn !== undefined
        ? "withdrawn"
        : facts.moved !== undefined
          ? "moved"
          : facts.replies.has(stage)
            ? "replied"
            : facts.anyStaffEvent
              ? "open"
              : "new";

  let nextDue: ComplaintProgress["nextDue"] = null;
  const current = timeline.stages[stage - 1];
  if ((state === "new" || state === "open") && current !== undefined && current.respondedOn === undefined) {
    const candidates: NonNullable<ComplaintProgress["nextDue"]>[] = [];
    const whatOf = { acknowledgement: "acknowledgement", panelMeeting: "panel", panelReport: "panel-report", finalResponse: "final-response" } as const;
    for (const m of current.milestones) {
      if (m.done !== undefined || m.due === undefined || m.kind === "summaryAgreed") continue;
      candidates.push({ what: whatOf[m.kind], date: m.due, estimated: m.estimated });
      if (m.kind !== "acknowledgement") break; // Stage 3's steps: only the next one not done
    }
    const replyBy = current.extension !== undefined ? current.latest : current.target;
    if (replyBy !== undefined && !current.milestones.some((m) => m.kind === "finalResponse")) {
      candidates.push({ what: "reply", date: replyBy, estimated: current.estimated });
    }
    candidates.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    nextDue = candidates[0] ?? null;
  }
  const overdue = nextDue !== null && !nextDue.estimated && today > nextDue.date;
  const dueSoon = nextDue !== null && !overdue && !nextDue.estimated && workingDaysBetween(today, nextDue.date) <= DUE_SOON_WORKING_DAYS;
  return {
    stage,
    lastStage: facts.lastStage,
    state,
    nextDue,
    overdue,
    dueSoon,
    timeline,
    timelineEvents,
    publicEvents: effectiveEvents(events).filter(isPublic).map(publicPartOf),
  };
}
