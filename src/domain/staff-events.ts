import "./zod-config";
import * as z from "zod";
import { addWorkingDays, isIsoDate, type IsoDate } from "./calendar";
import { hasUnstorableCharacter, hasVisibleCharacter, type Role } from "./complaint";
import type { Timescales } from "./council";
import type { Procedure } from "./timeline";
import { movedTo, replyOutcomes, requestChannels, staffEventTypes, sufficientInterestDecisions } from "./staff-event-kinds";
import { MAX_STAGE } from "./stages";

/*
 * What the council records about a complaint, as append-only events (issue 12; regs 14–20,
 * docs/domain.md §3 and §8). Nothing is ever edited: a correction is a new event of the same type that
 * `supersedes` the earlier one. `checkStaffEvent` refuses events the complaint's current state and
 * the council's settings make impossible, with the field and an i18n key (`staff:problems.*`).
 * Pure: the server validates with it and the phone reads the same events (docs/staff-api.md).
 */

export { movedTo, replyOutcomes, requestChannels, staffEventTypes, sufficientInterestDecisions } from "./staff-event-kinds";
export type { ReplyOutcome, StaffEventType } from "./staff-event-kinds";

/** Every key a problem with an event can carry; the staff pages give each English text. */
export const STAFF_PROBLEM_KEYS = [
  "staff:problems.invalid",
  "staff:problems.unknownField",
  "staff:problems.required",
  "staff:problems.tooLong",
  "staff:problems.dateFormat",
  "staff:problems.dateInFuture",
  "staff:problems.beforeReceived",
  "staff:problems.beforeStageStarted",
  "staff:problems.finished",
  "staff:problems.alreadyRecorded",
  "staff:problems.stageNotCurrent",
  "staff:problems.stageNotNext",
  "staff:problems.noFurtherStage",
  "staff:problems.notRepliedYet",
  "staff:problems.alreadyReplied",
  "staff:problems.noMoreTimeAtStage",
  "staff:problems.newDueNotLater",
  "staff:problems.beyondMaximum",
  "staff:problems.needsStage2",
  "staff:problems.needsStage3Request",
  "staff:problems.panelBeforeRequest",
  "staff:problems.needsPanelDate",
  "staff:problems.panelNotHeld",
  "staff:problems.needsPanelReport",
  "staff:problems.notNeeded",
  "staff:problems.reasonRequired",
  "staff:problems.supersedesUnknown",
  "staff:problems.supersedesOtherType",
  "staff:problems.supersedesAlready",
  "staff:problems.supersedesPhone",
  // Accounts and signing in (src/server/routes/staff-auth.ts).
  "staff:problems.passwordTooShort",
  "staff:problems.codeWrong",
  "staff:problems.emailTaken",
  // Date ranges for exports and the annual report (src/server/routes/staff-reports.ts).
  "staff:problems.rangeReversed",
] as const;
export type StaffProblemKey = (typeof STAFF_PROBLEM_KEYS)[number];

const problem = (k: StaffProblemKey) => ({ error: k });

const dateField = z
  .string(problem("staff:problems.dateFormat"))
  .regex(/^\d{4}-\d{2}-\d{2}$/, { ...problem("staff:problems.dateFormat"), abort: true })
  .refine(isIsoDate, problem("staff:problems.dateFormat"));

function textField(max: number) {
  return z
    .string(problem("staff:problems.required"))
    .trim()
    .refine((v) => !hasUnstorableCharacter(v), { ...problem("staff:problems.invalid"), abort: true })
    .refine(hasVisibleCharacter, { ...problem("staff:problems.required"), abort: true })
    .refine((v) => v.length <= max, problem("staff:problems.tooLong"));
}

const stageField = z
  .number(problem("staff:problems.invalid"))
  .int(problem("staff:problems.invalid"))
  .min(1, problem("staff:problems.invalid"))
  .max(MAX_STAGE, problem("staff:problems.invalid"));

const common = {
  /** The day it happened (Europe/London): not after today, not before the complaint arrived. */
  date: dateField,
  /** Internal: never shown to the person (decision 012). */
  note: textField(2000).optional(),
  /** The id of an earlier event of the same type that this one corrects. */
  supersedes: z.uuid(problem("staff:problems.invalid")).toLowerCase().optional(),
};

/** One event as staff send it (`POST /api/v1/staff/complaints/:reference/events`). */
export const staffEventSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("acknowledged"), ...common }),
    z.strictObject({ type: z.literal("more-time-agreed"), ...common, stage: stageField, newDueDate: dateField, reason: textField(2000) }),
    z.strictObject({ type: z.literal("replied"), ...common, stage: stageField, outcome: z.enum(replyOutcomes, problem("staff:problems.invalid")) }),
    z.strictObject({ type: z.literal("stage-requested"), ...common, stage: stageField, how: z.enum(requestChannels, problem("staff:problems.invalid")) }),
    z.strictObject({ type: z.literal("statement-agreed"), ...common }),
    z.strictObject({ type: z.literal("investigation-appointed"), ...common, investigatingOfficer: textField(200), independentPerson: textField(200) }),
    z.strictObject({ type: z.literal("panel-date-set"), ...common, panelOn: dateField }),
    z.strictObject({ type: z.literal("panel-report"), ...common }),
    z.strictObject({
      type: z.literal("sufficient-interest"),
      ...common,
      decision: z.enum(sufficientInterestDecisions, problem("staff:problems.invalid")),
      reason: textField(2000).optional(),
    }),
    z.strictObject({
      type: z.literal("moved"),
      ...common,
      to: z.enum(movedTo, problem("staff:problems.invalid")),
      where: textField(200),
      why: textField(2000),
    }),
    z.strictObject({ type: z.literal("withdrawn"), ...common }),
    z.strictObject({ type: z.literal("closed"), ...common }),
    z.strictObject({ type: z.literal("ombudsman-referral"), ...common }),
  ],
  problem("staff:problems.invalid"),
);
export type StaffEvent = z.infer<typeof staffEventSchema>;
export type StaffEventInput = z.input<typeof staffEventSchema>;

/**
 * An event the complaint has: recorded by staff, or the phone's own request for the next stage
 * (`source: "phone"`, from the escalations table; its `how` is "other" and it may carry the day
 * the person said the previous reply came).
 */
export type KnownEvent = StaffEvent & { id: string; source: "staff" | "phone"; replyReceivedOn?: IsoDate | undefined };

/** What validating an event needs to know about the complaint. */
export interface EventContext {
  receivedOn: IsoDate;
  procedure: Procedure;
  timescales: Timescales;
  /** Who complained; undefined when they did not say. */
  role: Role | undefined;
  today: IsoDate;
  /** Every event the complaint has so far, superseded ones included, in the order recorded. */
  events: readonly KnownEvent[];
}

export interface EventProblem {
  field: string;
  key: StaffProblemKey;
  message: string;
}

/** The events that count: every one not superseded by a later correction. */
export function effectiveEvents<E extends { id: string; supersedes?: string | undefined }>(events: readonly E[]): E[] {
  const superseded = new Set(events.flatMap((e) => (e.supersedes === undefined ? [] : [e.supersedes.toLowerCase()])));
  return events.filter((e) => !superseded.has(e.id.toLowerCase()));
}

/** Where the complaint is, from the events that count. */
export interface CaseFacts {
  stage: number;
  lastStage: number;
  /** The day each started stage began (index = stage). */
  stageStart: Map<number, IsoDate>;
  replies: Map<number, IsoDate>;
  acknowledged?: IsoDate;
  statementAgreed?: IsoDate;
  panelOn?: IsoDate;
  panelReport?: IsoDate;
  sufficientInterest?: IsoDate;
  extension: Map<number, IsoDate>;
  closed?: IsoDate;
  withdrawn?: IsoDate;
  moved?: IsoDate;
  /** The day the council heard the Ombudsman is looking at the complaint. */
  ombudsmanReferral?: IsoDate;
  /** Something was recorded by staff (not only the phone's own requests). */
  anyStaffEvent: boolean;
}

/** The statutory procedure has three stages (regs 14–20); a local one has the council's. */
export function lastStageOf(procedure: Procedure): number {
  return procedure.kind === "statutory" ? 3 : procedure.stages.length;
}

/** Read the facts from the events that count (see effectiveEvents), in the order recorded. */
export function caseFacts(receivedOn: IsoDate, procedure: Procedure, events: readonly KnownEvent[]): CaseFacts {
  const facts: CaseFacts = {
    stage: 1,
    lastStage: lastStageOf(procedure),
    stageStart: new Map([[1, receivedOn]]),
    replies: new Map(),
    extension: new Map(),
    anyStaffEvent: false,
  };
  for (const e of effectiveEvents(events)) {
    // The Ombudsman's interest is not the council acting on the complaint: a new one stays new.
    if (e.source === "staff" && e.type !== "ombudsman-referral") facts.anyStaffEvent = true;
    switch (e.type) {
      case "acknowledged":
        facts.acknowledged ??= e.date;
        break;
      case "more-time-agreed":
        facts.extension.set(e.stage, e.newDueDate);
        break;
      case "replied":
        if (!facts.replies.has(e.stage)) facts.replies.set(e.stage, e.date);
        break;
      case "stage-requested":
        if (!facts.stageStart.has(e.stage)) facts.stageStart.set(e.stage, e.date);
        facts.stage = Math.max(facts.stage, e.stage);
        // The person said when the previous reply came (the phone's request): it counts until staff record theirs.
        if (e.replyReceivedOn !== undefined && !facts.replies.has(e.stage - 1)) facts.replies.set(e.stage - 1, e.replyReceivedOn);
        break;
      case "statement-agreed":
        facts.statementAgreed ??= e.date;
        break;
      case "panel-date-set":
        facts.panelOn = e.panelOn;
        break;
      case "panel-report":
        facts.panelReport ??= e.date;
        break;
      case "sufficient-interest":
        facts.sufficientInterest ??= e.date;
        break;
      case "moved":
        facts.moved ??= e.date;
        break;
      case "withdrawn":
        facts.withdrawn ??= e.date;
        break;
      case "closed":
        facts.closed ??= e.date;
        break;
      case "ombudsman-referral":
        facts.ombudsmanReferral ??= e.date;
        break;
      case "investigation-appointed":
        break;
    }
  }
  return facts;
}

/** The latest day the council may take for a stage's reply: its maximum in working days (S000–S003 in docs/sources.md; docs/domain.md §8). */
export function maximumDueDate(stage: 1 | 2, facts: CaseFacts, timescales: Timescales): { target: IsoDate; maximum: IsoDate } | undefined {
  const start = facts.stageStart.get(stage);
  if (start === undefined) return undefined;
  if (stage === 1) {
    return { target: addWorkingDays(start, timescales.stage1TargetWorkingDays), maximum: addWorkingDays(start, timescales.stage1MaxWorkingDays) };
  }
  const clock = timescales.stage2ClockStart === "agreed-summary" && facts.statementAgreed !== undefined ? facts.statementAgreed : start;
  return { target: addWorkingDays(clock, timescales.stage2TargetWorkingDays), maximum: addWorkingDays(clock, timescales.stage2MaxWorkingDays) };
}

/** The day the council should have replied at a stage without more time, or with the more time it agreed. */
function replyDeadline(stage: number, facts: CaseFacts, procedure: Procedure, timescales: Timescales): IsoDate | undefined {
  const start = facts.stageStart.get(stage);
  if (start === undefined) return undefined;
  const extended = facts.extension.get(stage);
  if (extended !== undefined) return extended;
  if (procedure.kind === "local") {
    const days = procedure.stages[stage - 1]?.workingDays;
    return days === undefined ? undefined : addWorkingDays(start, days);
  }
  if (stage === 1 || stage === 2) return maximumDueDate(stage, facts, timescales)?.target;
  return undefined;
}

const SELF_ROLES: ReadonlySet<Role> = new Set(["young-person", "care-leaver"]);

/** Why an event cannot be recorded now, or an empty list (regs 14–20; docs/staff-api.md "Events"). */
export function checkStaffEvent(event: StaffEvent, context: EventContext): EventProblem[] {
  const problems: EventProblem[] = [];
  const refuse = (field: string, key: StaffProblemKey, message: string) => {
    problems.push({ field, key, message });
    return problems;
  };
  const { receivedOn, procedure, timescales, today } = context;

  if (event.date > today) return refuse("date", "staff:problems.dateInFuture", `The date ${event.date} is after today (${today}).`);
  if (event.date < receivedOn) {
    return refuse("date", "staff:problems.beforeReceived", `The date ${event.date} is before the complaint arrived on ${receivedOn}.`);
  }

  // A correction is checked against the events as they would be without the one it corrects.
  let events = context.events;
  if (event.supersedes !== undefined) {
    const target = events.find((e) => e.id.toLowerCase() === event.supersedes);
    if (target === undefined) return refuse("supersedes", "staff:problems.supersedesUnknown", "There is no such event on this complaint.");
    if (target.source === "phone") {
      return refuse("supersedes", "staff:problems.supersedesPhone", "A request sent from the phone cannot be corrected here.");
    }
    if (target.type !== event.type) {
      return refuse("supersedes", "staff:problems.supersedesOtherType", `A correction must be of the same type as the event it corrects (${target.type}).`);
    }
    if (!effectiveEvents(events).includes(target)) {
      return refuse("supersedes", "staff:problems.supersedesAlready", "This event has already been corrected; correct the newer one.");
    }
    events = events.filter((e) => e !== target);
  }

  const facts = caseFacts(receivedOn, procedure, events);
  // The Ombudsman usually comes after the council has finished (and closed the complaint), so this
  // one is recorded whatever the complaint's state, once.
  if (event.type === "ombudsman-referral") {
    if (facts.ombudsmanReferral !== undefined) {
      refuse("type", "staff:problems.alreadyRecorded", `The Ombudsman's interest was already recorded on ${facts.ombudsmanReferral}.`);
    }
    return problems;
  }
  if (facts.closed !== undefined) return refuse("type", "staff:problems.finished", `This complaint was closed on ${facts.closed}.`);
  if ((facts.withdrawn !== undefined || facts.moved !== undefined) && event.type !== "closed") {
    return refuse("type", "staff:problems.finished", "This complaint was withdrawn or moved elsewhere: the only thing left is to close it.");
  }
  const stageStart = facts.stageStart.get(facts.stage) ?? receivedOn;
  const atStatutoryStage = (stage: number, key: StaffProblemKey, what: string) => {
    if (procedure.kind !== "statutory" || facts.stage !== stage) {
      refuse("type", key, `${what} happens at Stage ${stage} of the statutory procedure; this complaint is at stage ${facts.stage}.`);
      return false;
    }
    if (event.date < stageStart) {
      refuse("date", "staff:problems.beforeStageStarted", `The date is before Stage ${stage} was asked for on ${stageStart}.`);
      return false;
    }
    return true;
  };

  switch (event.type) {
    case "acknowledged":
      if (facts.acknowledged !== undefined) refuse("type", "staff:problems.alreadyRecorded", `It was already acknowledged on ${facts.acknowledged}.`);
      break;
    case "more-time-agreed": {
      if (event.stage !== facts.stage) {
        refuse("stage", "staff:problems.stageNotCurrent", `More time can only be agreed for the current stage, stage ${facts.stage}.`);
        break;
      }
      if (procedure.kind !== "statutory" || (event.stage !== 1 && event.stage !== 2)) {
        refuse("stage", "staff:problems.noMoreTimeAtStage", "More time is agreed at Stage 1 or Stage 2 of the statutory procedure.");
        break;
      }
      if (facts.replies.has(event.stage)) {
        refuse("stage", "staff:problems.alreadyReplied", `Stage ${event.stage} already has its reply.`);
        break;
      }
      if (event.date < stageStart) {
        refuse("date", "staff:problems.beforeStageStarted", `The date is before stage ${event.stage} started on ${stageStart}.`);
        break;
      }
      const limits = maximumDueDate(event.stage, facts, timescales);
      if (limits === undefined) break;
      if (event.newDueDate <= limits.target || event.newDueDate <= event.date) {
        refuse("newDueDate", "staff:problems.newDueNotLater", `The new date must be after the usual reply date, ${limits.target}.`);
      } else if (event.newDueDate > limits.maximum) {
        const most = event.stage === 1 ? timescales.stage1MaxWorkingDays : timescales.stage2MaxWorkingDays;
        refuse(
          "newDueDate",
          "staff:problems.beyondMaximum",
          `Stage ${event.stage} can take at most ${most} working days: the latest date is ${limits.maximum}.`,
        );
      }
      break;
    }
    case "replied": {
      const start = facts.stageStart.get(event.stage);
      if (event.stage > facts.lastStage || start === undefined) {
        refuse("stage", "staff:problems.stageNotCurrent", `Stage ${event.stage} has not started; this complaint is at stage ${facts.stage}.`);
        break;
      }
      const staffReply = effectiveEvents(events).find((e) => e.type === "replied" && e.stage === event.stage);
      if (staffReply !== undefined) {
        refuse("stage", "staff:problems.alreadyReplied", `Stage ${event.stage} already has its reply, dated ${staffReply.date}.`);
        break;
      }
      if (event.date < start) {
        refuse("date", "staff:problems.beforeStageStarted", `The reply is dated before stage ${event.stage} started on ${start}.`);
        break;
      }
      if (procedure.kind === "statutory" && event.stage === 3) {
        if (facts.panelReport === undefined) refuse("type", "staff:problems.needsPanelReport", "The final response comes after the panel's report.");
        else if (event.date < facts.panelReport)
          refuse("date", "staff:problems.beforeStageStarted", `The final response is dated before the panel's report (${facts.panelReport}).`);
      }
      break;
    }
    case "stage-requested": {
      if (event.stage > facts.lastStage) {
        refuse("stage", "staff:problems.noFurtherStage", `This procedure has ${facts.lastStage} stages; after the last, the next step is the Ombudsman.`);
        break;
      }
      if (event.stage !== facts.stage + 1) {
        refuse("stage", "staff:problems.stageNotNext", `This complaint is at stage ${facts.stage}: the next stage to ask for is stage ${facts.stage + 1}.`);
        break;
      }
      const reply = facts.replies.get(facts.stage);
      const deadline = replyDeadline(facts.stage, facts, procedure, timescales);
      if (reply === undefined) {
        // Without a reply, the next stage can be asked for once the council is late.
        if (deadline === undefined || event.date <= deadline) {
          refuse(
            "stage",
            "staff:problems.notRepliedYet",
            `Stage ${facts.stage} has no reply yet` + (deadline ? ` and is not late until after ${deadline}.` : "."),
          );
        }
      } else if (event.date < reply) {
        refuse("date", "staff:problems.beforeStageStarted", `The request is dated before the stage ${facts.stage} reply (${reply}).`);
      }
      break;
    }
    case "statement-agreed":
      if (!atStatutoryStage(2, "staff:problems.needsStage2", "Agreeing the statement of complaint")) break;
      if (facts.statementAgreed !== undefined)
        refuse("type", "staff:problems.alreadyRecorded", `The statement was already agreed on ${facts.statementAgreed}.`);
      break;
    case "investigation-appointed":
      atStatutoryStage(2, "staff:problems.needsStage2", "Appointing the investigating officer and independent person");
      break;
    case "panel-date-set":
      if (!atStatutoryStage(3, "staff:problems.needsStage3Request", "A review panel")) break;
      if (facts.panelOn !== undefined) {
        refuse("type", "staff:problems.alreadyRecorded", `The panel date is already set (${facts.panelOn}); correct that event to change it.`);
      } else if (event.panelOn < stageStart) {
        refuse("panelOn", "staff:problems.panelBeforeRequest", `The panel cannot meet before Stage 3 was asked for on ${stageStart}.`);
      }
      break;
    case "panel-report":
      if (!atStatutoryStage(3, "staff:problems.needsStage3Request", "The panel's report")) break;
      if (facts.panelOn === undefined) refuse("type", "staff:problems.needsPanelDate", "Set the panel date first.");
      else if (event.date < facts.panelOn) refuse("date", "staff:problems.panelNotHeld", `The report is dated before the panel met on ${facts.panelOn}.`);
      else if (facts.panelReport !== undefined) refuse("type", "staff:problems.alreadyRecorded", `The report was already recorded on ${facts.panelReport}.`);
      break;
    case "sufficient-interest":
      if (context.role !== undefined && SELF_ROLES.has(context.role)) {
        refuse("type", "staff:problems.notNeeded", "The young person complained for themselves: there is no sufficient-interest decision to make.");
      } else if (facts.sufficientInterest !== undefined) {
        refuse("type", "staff:problems.alreadyRecorded", `The decision was already recorded on ${facts.sufficientInterest}.`);
      } else if (event.decision === "declined" && event.reason === undefined) {
        refuse("reason", "staff:problems.reasonRequired", "Give the reason the person is told when the council declines.");
      }
      break;
    case "moved":
    case "withdrawn":
    case "closed":
      break;
  }
  return problems;
}

/** The part of an event the person may see on their phone: dates, stage, outcome, new date (decision 012). */
export const publicEventSchema = z.strictObject({
  type: z.enum(staffEventTypes),
  date: z.string(),
  stage: z.number().int().optional(),
  outcome: z.enum(replyOutcomes).optional(),
  newDueDate: z.string().optional(),
  panelOn: z.string().optional(),
  decision: z.enum(["accepted", "declined"]).optional(),
});
export type PublicEvent = z.infer<typeof publicEventSchema>;

/** Only what the person may see; never names, notes, reasons or who recorded it (decision 012). */
export function publicPartOf(event: KnownEvent): PublicEvent {
  const out: PublicEvent = { type: event.type, date: event.date };
  if ("stage" in event) out.stage = event.stage;
  if (event.type === "replied") out.outcome = event.outcome;
  if (event.type === "more-time-agreed") out.newDueDate = event.newDueDate;
  if (event.type === "panel-date-set") out.panelOn = event.panelOn;
  if (event.type === "sufficient-interest") out.decision = event.decision;
  return out;
}
