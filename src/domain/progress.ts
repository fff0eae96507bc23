import * as z from "zod";
import type { IsoDate } from "./calendar";
import { isIsoDate } from "./calendar";
import { type Complaint, isoDate, isoDateTime, key, requiredText, text, uuid } from "./complaint";
import type { CouncilSettings } from "./council";
import { assessEligibility, eligibilityInputOf } from "./eligibility";
import type { Procedure, TimelineEvent } from "./timeline";

/*
 * How a sent complaint moves on: which procedure it follows, which stage comes next, and the
 * timeline events the server knows about (regs 14–20; the council's own procedure for complaints
 * outside them). Pure: the server and the app ("My complaints") run the same rules.
 */

/** The statutory procedure has three stages: local resolution, investigation, review panel (regs 14–20). */
const STATUTORY_STAGES = 3;

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
  const highest = procedure.kind === "statutory" ? STATUTORY_STAGES : 4;
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
    .max(4, key("escalation.toStage.type")),
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
