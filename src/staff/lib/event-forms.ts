/**
 * The events staff record (docs/staff-api.md "Events"), as data: each type's own fields, in the
 * order the form asks for them. Every type also has `date` (first) and an optional internal `note`
 * (last). The server's shared rules decide what is allowed; the form only asks.
 */

import { movedTo, replyOutcomes, requestChannels, staffEventTypes, sufficientInterestDecisions, type StaffEventType } from "../../domain/staff-event-kinds";

export type EventFieldKind = "date" | "text" | "textarea" | "stage" | "choice";

export interface EventField {
  name: string;
  kind: EventFieldKind;
  options?: readonly string[];
  optional?: boolean;
}

export const eventTypes = staffEventTypes;
export type EventType = StaffEventType;

export const EVENT_FIELDS: Record<EventType, readonly EventField[]> = {
  acknowledged: [],
  "more-time-agreed": [
    { name: "stage", kind: "stage" },
    { name: "newDueDate", kind: "date" },
    { name: "reason", kind: "textarea" },
  ],
  replied: [
    { name: "stage", kind: "stage" },
    { name: "outcome", kind: "choice", options: replyOutcomes },
  ],
  "stage-requested": [
    { name: "stage", kind: "stage" },
    { name: "how", kind: "choice", options: requestChannels },
  ],
  "statement-agreed": [],
  "investigation-appointed": [
    { name: "investigatingOfficer", kind: "text" },
    { name: "independentPerson", kind: "text" },
  ],
  "panel-date-set": [{ name: "panelOn", kind: "date" }],
  "panel-report": [],
  "sufficient-interest": [
    { name: "decision", kind: "choice", options: sufficientInterestDecisions },
    { name: "reason", kind: "textarea", optional: true },
  ],
  moved: [
    { name: "to", kind: "choice", options: movedTo },
    { name: "where", kind: "text" },
    { name: "why", kind: "textarea" },
  ],
  withdrawn: [],
  closed: [],
  "ombudsman-referral": [],
};

export function isEventType(value: string | undefined): value is EventType {
  return (eventTypes as readonly string[]).includes(value ?? "");
}

/** Which stage a form starts with: the current one, or the next one for a request. */
export function defaultStage(type: EventType, currentStage: number): string {
  return String(type === "stage-requested" ? currentStage + 1 : currentStage);
}

/** The body for the API: the date, this type's fields (stage as a number), the note when there is one. Empty optional fields are left out. */
export function eventBody(type: EventType, values: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = { type, date: values.date ?? "" };
  for (const field of EVENT_FIELDS[type]) {
    const value = (values[field.name] ?? "").trim();
    if (field.optional && value === "") continue;
    body[field.name] = field.kind === "stage" && /^\d+$/.test(value) ? Number(value) : value;
  }
  const note = (values.note ?? "").trim();
  if (note) body.note = note;
  if (values.supersedes) body.supersedes = values.supersedes;
  return body;
}
