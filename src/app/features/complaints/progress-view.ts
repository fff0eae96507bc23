import type { CouncilSettings } from "../../../domain/council";
import type { ReplyOutcome } from "../../../domain/staff-events";
import { nextStage, procedureFor, progressEvents, stageCount } from "../../../domain/progress";
import { computeTimeline, type Procedure, type StageTimeline, type Timeline, type TimelineEvent } from "../../../domain/timeline";
import type { SentRecord } from "../../lib/db";

export interface ProgressView {
  procedure: Procedure;
  /** The stage the complaint is at now (1-based). */
  stage: number;
  lastStage: number;
  /** The stage the person could ask for next, or undefined after the last one (the Ombudsman). */
  next: number | undefined;
  timeline: Timeline;
  current: StageTimeline | undefined;
  /** The council's reply to the current stage, when it is known (recorded by staff, or the date the person gave). */
  reply: { on: string; outcome: ReplyOutcome | undefined; recorded: boolean } | undefined;
  /** More time the council agreed for the current stage, and the new date (recorded by staff). */
  moreTime: { until: string } | undefined;
  /** The complaint is no longer going through the council's stages, and why. */
  ended: { how: "closed" | "withdrawn" | "moved"; on: string } | undefined;
}

/**
 * Where a sent complaint is, worked out on this phone: the server's last known status when it
 * knows more than this phone does, else the day it was sent plus the requests for the next stage
 * this phone has sent. Dates come from the council's timescales (src/domain/timeline.ts).
 */
export function progressOf(sent: SentRecord, council: CouncilSettings, today: string, extraEvents: TimelineEvent[] = []): ProgressView {
  const local = sent.escalations ?? [];
  const localStage = Math.max(1, ...local.map((e) => e.toStage));
  const fromServer = sent.status && sent.status.stage >= localStage ? sent.status : undefined;
  const procedure: Procedure =
    fromServer?.procedure === "local" && council.localProcedure
      ? { kind: "local", stages: council.localProcedure.stages }
      : fromServer?.procedure === "statutory"
        ? { kind: "statutory" }
        : procedureFor(sent.payload, council);
  const events = fromServer ? fromServer.events : progressEvents({ receivedOn: sent.receivedOn, procedure, escalations: local });
  const timeline = computeTimeline({ timescales: council.timescales, procedure, events: [...events, ...extraEvents], today });
  const lastStage = stageCount(procedure);
  const stage = Math.min(lastStage, Math.max(fromServer?.stage ?? 1, localStage));
  const current = timeline.stages.find((s) => s.stage === stage);
  // What the council recorded (the public part; decision 012), when the server's status is the latest word.
  const recorded = fromServer?.staffEvents ?? [];
  const replied = recorded.filter((e) => e.type === "replied" && e.stage === stage).at(-1);
  const extended = recorded.filter((e) => e.type === "more-time-agreed" && e.stage === stage).at(-1);
  const end = recorded.filter((e) => e.type === "closed" || e.type === "withdrawn" || e.type === "moved").at(-1);
  return {
    procedure,
    stage,
    lastStage,
    next: nextStage(procedure, stage),
    timeline,
    current,
    reply: current?.respondedOn ? { on: current.respondedOn, outcome: replied?.outcome, recorded: replied !== undefined } : undefined,
    moreTime: current?.respondedOn === undefined && extended?.newDueDate ? { until: extended.newDueDate } : undefined,
    ended: end ? { how: end.type as "closed" | "withdrawn" | "moved", on: end.date } : undefined,
  };
}
