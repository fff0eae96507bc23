import { addMonths, addWorkingDays, compareDates, type IsoDate } from "./calendar";
import type { StageTimeline, Timeline } from "./timeline";

/*
 * When to show the Ombudsman step (issue 15, item 6). The Local Government and Social Care
 * Ombudsman normally looks at a complaint once the council's stages are finished, and earlier when
 * the process has "broken down or come to a halt" (S004 in docs/sources.md; docs/domain.md §4). Complaints should reach it
 * within 12 months of the final decision (LGA 1974 s26B; a guide: it may accept later ones).
 */

/** The Ombudsman's advice line (docs/domain.md §4, several council pages agree). Opening hours differ between sources, so none are given. */
export const OMBUDSMAN_PHONE = "0300 061 0614";

/**
 * How long past the latest date a council may stay silent before the app calls the process
 * stalled and shows the Ombudsman step: 20 working days (about a month), the same as the usual
 * window to ask for the next stage. A product choice, not a legal rule: warn, never block.
 */
export const STALLED_AFTER_WORKING_DAYS = 20;

export type OmbudsmanStep =
  /** The council's final response is recorded: go to the Ombudsman by `by` (12 months on). */
  | { reason: "final-response"; respondedOn: IsoDate; by: IsoDate }
  /** The council has not replied long after its latest date: the Ombudsman may look now. */
  | { reason: "no-reply"; lateSince: IsoDate; by: IsoDate };

/** Whether a complaint has reached the Ombudsman step, and why; undefined while the council's stages are still running on time. */
export function ombudsmanStep(
  timeline: Timeline,
  current: StageTimeline | undefined,
  lastStage: number,
  today: IsoDate,
  months = 12,
): OmbudsmanStep | undefined {
  // The final response: the last stage answered. Its date is what the Ombudsman's 12 months count from.
  if (current && current.stage === lastStage && current.respondedOn !== undefined) {
    return { reason: "final-response", respondedOn: current.respondedOn, by: timeline.ombudsman?.by ?? addMonths(current.respondedOn, months) };
  }
  if (!current || current.respondedOn !== undefined || current.status !== "overdue" || !current.latest) return undefined;
  const stalledFrom = addWorkingDays(current.latest, STALLED_AFTER_WORKING_DAYS);
  if (compareDates(today, stalledFrom) < 0) return undefined;
  return { reason: "no-reply", lateSince: current.latest, by: addMonths(current.latest, months) };
}
