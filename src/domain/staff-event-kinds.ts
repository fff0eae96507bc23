/*
 * The kinds of event staff record and the choices each offers, as plain lists with no schema
 * library, so the staff pages (their own small bundle, decision 017) and the rules in
 * `staff-events.ts` share one definition.
 */

export const replyOutcomes = ["upheld", "partly-upheld", "not-upheld", "resolved"] as const;
export type ReplyOutcome = (typeof replyOutcomes)[number];

/** How a request for the next stage reached the council when staff record it. */
export const requestChannels = ["phone-call", "letter", "email", "in-person", "other"] as const;

/** A decision on whether someone acting for a child may complain for them (reg 10). */
export const sufficientInterestDecisions = ["accepted", "declined"] as const;

/** Where a complaint went when it left this procedure. */
export const movedTo = ["other-procedure", "other-organisation"] as const;

export const staffEventTypes = [
  "acknowledged",
  "more-time-agreed",
  "replied",
  "stage-requested",
  "statement-agreed",
  "investigation-appointed",
  "panel-date-set",
  "panel-report",
  "sufficient-interest",
  "moved",
  "withdrawn",
  "closed",
  // The Ombudsman told the council it is looking at the complaint: for the annual report; the
  // person is not shown it (they went to the Ombudsman themselves; decision 012).
  "ombudsman-referral",
] as const;
export type StaffEventType = (typeof staffEventTypes)[number];
