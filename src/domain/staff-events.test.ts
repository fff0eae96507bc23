import { describe, expect, it } from "vitest";
import { timescalesSchema } from "./council";
import { complaintProgress, phoneRequestEvent } from "./progress";
import {
  STAFF_PROBLEM_KEYS,
  checkStaffEvent,
  effectiveEvents,
  publicPartOf,
  staffEventSchema,
  type EventContext,
  type KnownEvent,
  type StaffEvent,
} from "./staff-events";

const timescales = timescalesSchema.parse({});
const RECEIVED = "2026-01-05"; // a Monday: Stage 1 target 2026-01-19, maximum 2026-02-02
const TODAY = "2026-06-01";

let counter = 0;
/** A recorded staff event with a fresh id (uuid-shaped). */
function recorded(event: StaffEvent): KnownEvent {
  counter++;
  return { ...event, id: `00000000-0000-4000-8000-${String(counter).padStart(12, "0")}`, source: "staff" };
}

function context(events: KnownEvent[], extra: Partial<EventContext> = {}): EventContext {
  return { receivedOn: RECEIVED, procedure: { kind: "statutory" }, timescales, role: "young-person", today: TODAY, events, ...extra };
}

const ack = (date = "2026-01-06"): StaffEvent => ({ type: "acknowledged", date });
const reply = (stage: number, date: string): StaffEvent => ({ type: "replied", date, stage, outcome: "not-upheld" });
const request = (stage: number, date: string): StaffEvent => ({ type: "stage-requested", date, stage, how: "letter" });

/** A complaint replied at Stage 1 on 15 January and asked for Stage 2 on 20 January. */
const atStage2 = () => [recorded(ack()), recorded(reply(1, "2026-01-15")), recorded(request(2, "2026-01-20"))];
/** The same, on to Stage 3 asked for on 2026-03-02 after the Stage 2 response on 2026-02-20. */
const atStage3 = () => [...atStage2(), recorded(reply(2, "2026-02-20")), recorded(request(3, "2026-03-02"))];
/** Stage 3 with the panel on 2026-04-01 and its report on 2026-04-03. */
const reported = () => [
  ...atStage3(),
  recorded({ type: "panel-date-set", date: "2026-03-03", panelOn: "2026-04-01" }),
  recorded({ type: "panel-report", date: "2026-04-03" }),
];
const LOCAL = { procedure: { kind: "local" as const, stages: [{ workingDays: 10 }, { workingDays: 20 }] } };

describe("checkStaffEvent: refuses what cannot happen, with the field and why", () => {
  it.each<[string, KnownEvent[], StaffEvent, string | undefined, string | undefined, Partial<EventContext>?]>([
    ["an acknowledgement", [], ack(), undefined, undefined],
    ["an event dated after today", [], ack("2026-06-02"), "date", "staff:problems.dateInFuture"],
    ["a reply dated before the complaint arrived", [], reply(1, "2026-01-04"), "date", "staff:problems.beforeReceived"],
    ["a second acknowledgement", [recorded(ack())], ack("2026-01-07"), "type", "staff:problems.alreadyRecorded"],
    ["a Stage 1 reply", [], reply(1, "2026-01-15"), undefined, undefined],
    ["a second Stage 1 reply", [recorded(reply(1, "2026-01-15"))], reply(1, "2026-01-16"), "stage", "staff:problems.alreadyReplied"],
    ["a Stage 2 reply before Stage 2 was asked for", [], reply(2, "2026-01-15"), "stage", "staff:problems.stageNotCurrent"],
    [
      "more time at Stage 1 to the maximum",
      [],
      { type: "more-time-agreed", date: "2026-01-12", stage: 1, newDueDate: "2026-02-02", reason: "Complex" },
      undefined,
      undefined,
    ],
    [
      "more time beyond the maximum",
      [],
      { type: "more-time-agreed", date: "2026-01-12", stage: 1, newDueDate: "2026-02-03", reason: "Complex" },
      "newDueDate",
      "staff:problems.beyondMaximum",
    ],
    [
      "more time to before the target",
      [],
      { type: "more-time-agreed", date: "2026-01-12", stage: 1, newDueDate: "2026-01-19", reason: "Complex" },
      "newDueDate",
      "staff:problems.newDueNotLater",
    ],
    [
      "more time within a council's shorter maximum",
      [],
      { type: "more-time-agreed", date: "2026-01-12", stage: 1, newDueDate: "2026-01-27", reason: "x" },
      "newDueDate",
      "staff:problems.beyondMaximum",
      { timescales: timescalesSchema.parse({ stage1MaxWorkingDays: 15 }) },
    ],
    [
      "more time for a stage not current",
      [],
      { type: "more-time-agreed", date: "2026-01-12", stage: 2, newDueDate: "2026-03-02", reason: "x" },
      "stage",
      "staff:problems.stageNotCurrent",
    ],
    [
      "more time after the reply",
      [recorded(reply(1, "2026-01-15"))],
      { type: "more-time-agreed", date: "2026-01-16", stage: 1, newDueDate: "2026-01-30", reason: "x" },
      "stage",
      "staff:problems.alreadyReplied",
    ],
    ["Stage 2 asked for after the reply", [recorded(reply(1, "2026-01-15"))], request(2, "2026-01-20"), undefined, undefined],
    ["Stage 2 asked for a day after the complaint, with no reply and not late", [], request(2, "2026-01-06"), "stage", "staff:problems.notRepliedYet"],
    ["Stage 2 asked for once the council is late", [], request(2, "2026-01-20"), undefined, undefined],
    ["Stage 3 asked for at Stage 1", [recorded(reply(1, "2026-01-15"))], request(3, "2026-01-20"), "stage", "staff:problems.stageNotNext"],
    [
      "Stage 2 asked for before the reply it follows",
      [recorded(reply(1, "2026-01-15"))],
      request(2, "2026-01-14"),
      "date",
      "staff:problems.beforeStageStarted",
    ],
    ["a statement agreed at Stage 1", [], { type: "statement-agreed", date: "2026-01-10" }, "type", "staff:problems.needsStage2"],
    ["a statement agreed at Stage 2", atStage2(), { type: "statement-agreed", date: "2026-01-22" }, undefined, undefined],
    [
      "a statement agreed before Stage 2 was asked for",
      atStage2(),
      { type: "statement-agreed", date: "2026-01-19" },
      "date",
      "staff:problems.beforeStageStarted",
    ],
    [
      "appointing the investigation at Stage 2",
      atStage2(),
      { type: "investigation-appointed", date: "2026-01-22", investigatingOfficer: "A", independentPerson: "B" },
      undefined,
      undefined,
    ],
    [
      "more time at Stage 2 within 65 working days",
      atStage2(),
      { type: "more-time-agreed", date: "2026-02-10", stage: 2, newDueDate: "2026-04-01", reason: "x" },
      undefined,
      undefined,
    ],
    [
      "more time at Stage 2 beyond 65 working days",
      atStage2(),
      { type: "more-time-agreed", date: "2026-02-10", stage: 2, newDueDate: "2026-04-30", reason: "x" },
      "newDueDate",
      "staff:problems.beyondMaximum",
    ],
    [
      "a panel before the Stage 3 request",
      atStage2(),
      { type: "panel-date-set", date: "2026-02-01", panelOn: "2026-03-01" },
      "type",
      "staff:problems.needsStage3Request",
    ],
    ["a panel date at Stage 3", atStage3(), { type: "panel-date-set", date: "2026-03-03", panelOn: "2026-04-01" }, undefined, undefined],
    [
      "a panel meeting before the Stage 3 request",
      atStage3(),
      { type: "panel-date-set", date: "2026-03-03", panelOn: "2026-03-01" },
      "panelOn",
      "staff:problems.panelBeforeRequest",
    ],
    ["a panel report with no panel date", atStage3(), { type: "panel-report", date: "2026-04-02" }, "type", "staff:problems.needsPanelDate"],
    ["a final response before the panel report", atStage3(), reply(3, "2026-04-02"), "type", "staff:problems.needsPanelReport"],
    [
      "Stage 4 of the statutory procedure",
      [
        ...atStage3(),
        recorded({ type: "panel-date-set", date: "2026-03-03", panelOn: "2026-04-01" }),
        recorded({ type: "panel-report", date: "2026-04-03" }),
        recorded(reply(3, "2026-04-10")),
      ],
      request(4, "2026-04-20"),
      "stage",
      "staff:problems.noFurtherStage",
    ],
    [
      "a sufficient-interest decision for a young person",
      [],
      { type: "sufficient-interest", date: "2026-01-06", decision: "accepted" },
      "type",
      "staff:problems.notNeeded",
    ],
    [
      "a declined sufficient-interest decision without a reason",
      [],
      { type: "sufficient-interest", date: "2026-01-06", decision: "declined" },
      "reason",
      "staff:problems.reasonRequired",
      { role: "interested-person" },
    ],
    [
      "an accepted sufficient-interest decision for an interested person",
      [],
      { type: "sufficient-interest", date: "2026-01-06", decision: "accepted" },
      undefined,
      undefined,
      { role: "interested-person" },
    ],
    ["anything after closed", [recorded({ type: "closed", date: "2026-01-20" })], ack("2026-01-21"), "type", "staff:problems.finished"],
    ["a reply after it was withdrawn", [recorded({ type: "withdrawn", date: "2026-01-10" })], reply(1, "2026-01-15"), "type", "staff:problems.finished"],
    [
      "a second statement",
      [...atStage2(), recorded({ type: "statement-agreed", date: "2026-01-22" })],
      { type: "statement-agreed", date: "2026-01-23" },
      "type",
      "staff:problems.alreadyRecorded",
    ],
    [
      "more time at Stage 2 dated before it started",
      [...atStage2()],
      { type: "more-time-agreed", date: "2026-01-19", stage: 2, newDueDate: "2026-04-01", reason: "x" },
      "date",
      "staff:problems.beforeStageStarted",
    ],
    [
      "more time at Stage 3",
      atStage3(),
      { type: "more-time-agreed", date: "2026-03-03", stage: 3, newDueDate: "2026-05-01", reason: "x" },
      "stage",
      "staff:problems.noMoreTimeAtStage",
    ],
    ["a Stage 2 reply dated before Stage 2 started", atStage2(), reply(2, "2026-01-19"), "date", "staff:problems.beforeStageStarted"],
    ["a second panel date", reported(), { type: "panel-date-set", date: "2026-04-04", panelOn: "2026-04-10" }, "type", "staff:problems.alreadyRecorded"],
    ["a panel report at Stage 2", atStage2(), { type: "panel-report", date: "2026-02-01" }, "type", "staff:problems.needsStage3Request"],
    [
      "a panel report before the panel met",
      [...atStage3(), recorded({ type: "panel-date-set", date: "2026-03-03", panelOn: "2026-04-01" })],
      { type: "panel-report", date: "2026-03-31" },
      "date",
      "staff:problems.panelNotHeld",
    ],
    ["a second panel report", reported(), { type: "panel-report", date: "2026-04-06" }, "type", "staff:problems.alreadyRecorded"],
    ["a final response before the report", reported(), reply(3, "2026-04-02"), "date", "staff:problems.beforeStageStarted"],
    ["the final response", reported(), reply(3, "2026-04-10"), undefined, undefined],
    [
      "a second sufficient-interest decision",
      [recorded({ type: "sufficient-interest", date: "2026-01-06", decision: "accepted" })],
      { type: "sufficient-interest", date: "2026-01-07", decision: "accepted" },
      "type",
      "staff:problems.alreadyRecorded",
      { role: "interested-person" },
    ],
    [
      "moved to another organisation",
      [],
      { type: "moved", date: "2026-01-06", to: "other-organisation", where: "The NHS trust", why: "It is about a hospital" },
      undefined,
      undefined,
    ],
    [
      "more time on a local procedure",
      [],
      { type: "more-time-agreed", date: "2026-01-06", stage: 1, newDueDate: "2026-01-30", reason: "x" },
      "stage",
      "staff:problems.noMoreTimeAtStage",
      LOCAL,
    ],
    ["stage 2 of a local procedure once stage 1 is late", [], request(2, "2026-01-20"), undefined, undefined, LOCAL],
    ["stage 2 of a local procedure too early", [], request(2, "2026-01-12"), "stage", "staff:problems.notRepliedYet", LOCAL],
    [
      "Stage 2 asked for before the agreed more time has run out",
      [recorded({ type: "more-time-agreed", date: "2026-01-06", stage: 1, newDueDate: "2026-01-30", reason: "x" })],
      request(2, "2026-01-29"),
      "stage",
      "staff:problems.notRepliedYet",
    ],
    ["closing after it was withdrawn", [recorded({ type: "withdrawn", date: "2026-01-10" })], { type: "closed", date: "2026-01-11" }, undefined, undefined],
    [
      "the Ombudsman's interest after the complaint was closed",
      [recorded({ type: "closed", date: "2026-01-20" })],
      { type: "ombudsman-referral", date: "2026-05-01" },
      undefined,
      undefined,
    ],
    ["the Ombudsman's interest while it is still at Stage 1", [], { type: "ombudsman-referral", date: "2026-01-06" }, undefined, undefined],
    [
      "the Ombudsman's interest a second time",
      [recorded({ type: "ombudsman-referral", date: "2026-05-01" })],
      { type: "ombudsman-referral", date: "2026-05-02" },
      "type",
      "staff:problems.alreadyRecorded",
    ],
  ])("%s", (_name, events, event, field, key, extra) => {
    const problems = checkStaffEvent(staffEventSchema.parse(event), context(events, extra));
    if (field === undefined) expect(problems).toEqual([]);
    else expect(problems).toEqual([expect.objectContaining({ field, key })]);
  });

  it("every problem key is listed for the staff pages", () => {
    expect(new Set(STAFF_PROBLEM_KEYS).size).toBe(STAFF_PROBLEM_KEYS.length);
    for (const k of STAFF_PROBLEM_KEYS) expect(k).toMatch(/^staff:problems\.[a-zA-Z0-9]+$/);
  });
});

describe("corrections supersede, never edit", () => {
  const first = recorded(reply(1, "2026-01-15"));

  it("a corrected reply replaces the earlier one in what counts", () => {
    const correction = staffEventSchema.parse({ ...reply(1, "2026-01-14"), supersedes: first.id });
    expect(checkStaffEvent(correction, context([first]))).toEqual([]);
    const both = [first, recorded(correction)];
    expect(effectiveEvents(both).map((e) => e.date)).toEqual(["2026-01-14"]);
  });

  it.each<[string, KnownEvent[], string, string]>([
    ["an unknown event", [first], "00000000-0000-4000-8000-999999999999", "staff:problems.supersedesUnknown"],
    ["an event of another type", [first, recorded(ack())], "", "staff:problems.supersedesOtherType"],
  ])("refuses correcting %s", (_name, events, id, key) => {
    const target = id === "" ? (events[1]?.id ?? "") : id;
    const correction = staffEventSchema.parse({ ...reply(1, "2026-01-14"), supersedes: target });
    expect(checkStaffEvent(correction, context(events))).toEqual([expect.objectContaining({ field: "supersedes", key })]);
  });

  it("refuses correcting an event twice, and a phone request", () => {
    const second = recorded({ ...reply(1, "2026-01-14"), supersedes: first.id });
    const again = staffEventSchema.parse({ ...reply(1, "2026-01-13"), supersedes: first.id });
    expect(checkStaffEvent(again, context([first, second]))).toEqual([expect.objectContaining({ key: "staff:problems.supersedesAlready" })]);
    const phone = phoneRequestEvent({ id: "00000000-0000-4000-8000-aaaaaaaaaaaa", toStage: 2, requestedOn: "2026-01-20" });
    const fix = staffEventSchema.parse({ ...request(2, "2026-01-21"), supersedes: phone.id });
    expect(checkStaffEvent(fix, context([recorded(reply(1, "2026-01-15")), phone]))).toEqual([
      expect.objectContaining({ key: "staff:problems.supersedesPhone" }),
    ]);
  });
});

describe("staffEventSchema: malformed events name the field", () => {
  it.each<[string, unknown, string]>([
    ["an unknown type", { type: "teleported", date: "2026-01-06" }, "type"],
    ["a bad date", { type: "acknowledged", date: "2026-02-30" }, "date"],
    ["an unknown field", { type: "acknowledged", date: "2026-01-06", extra: 1 }, ""],
    ["a missing outcome", { type: "replied", date: "2026-01-06", stage: 1 }, "outcome"],
    ["an empty reason", { type: "more-time-agreed", date: "2026-01-06", stage: 1, newDueDate: "2026-01-30", reason: "  " }, "reason"],
  ])("%s", (_name, body, path) => {
    const parsed = staffEventSchema.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toContain(path);
  });
});

describe("complaintProgress: where a complaint is, for the inbox and the phone", () => {
  const progressOf = (events: KnownEvent[], today = "2026-01-12", extra: Partial<{ acknowledgementWorkingDays: number }> = {}) =>
    complaintProgress({ receivedOn: RECEIVED, procedure: { kind: "statutory" }, timescales: timescalesSchema.parse(extra), events, today });

  it.each<[string, KnownEvent[], string, object]>([
    [
      "a new complaint",
      [],
      "2026-01-12",
      { stage: 1, state: "new", nextDue: { what: "reply", date: "2026-01-19", estimated: false }, overdue: false, dueSoon: false },
    ],
    ["due within 2 working days", [], "2026-01-15", { state: "new", overdue: false, dueSoon: true }],
    ["overdue the day after", [], "2026-01-20", { overdue: true, dueSoon: false }],
    ["acknowledged and open", [recorded(ack())], "2026-01-12", { state: "open" }],
    [
      "more time moves the date",
      [recorded({ type: "more-time-agreed", date: "2026-01-12", stage: 1, newDueDate: "2026-01-30", reason: "x" })],
      "2026-01-20",
      { nextDue: { what: "reply", date: "2026-01-30", estimated: false }, overdue: false },
    ],
    ["replied: nothing due, not late", [recorded(reply(1, "2026-01-22"))], "2026-01-26", { state: "replied", nextDue: null, overdue: false }],
    ["at Stage 2", atStage2(), "2026-01-26", { stage: 2, state: "open", nextDue: { what: "reply", date: "2026-02-24", estimated: false } }],
    [
      "at Stage 3: the panel is next (30 working days, Easter passed)",
      atStage3(),
      "2026-03-03",
      { stage: 3, nextDue: { what: "panel", date: "2026-04-15", estimated: false } },
    ],
    ["closed", [recorded({ type: "closed", date: "2026-01-10" })], "2026-01-30", { state: "closed", nextDue: null, overdue: false }],
  ])("%s", (_name, events, today, expected) => {
    expect(progressOf(events, today)).toMatchObject(expected);
  });

  it("follows Stage 3 through the panel, its report and the final response", () => {
    const withPanel = [...atStage3(), recorded({ type: "panel-date-set", date: "2026-03-03", panelOn: "2026-04-01" })];
    expect(progressOf(withPanel, "2026-03-20").nextDue?.what).toBe("panel");
    expect(progressOf(withPanel, "2026-04-02").nextDue?.what).toBe("panel-report");
    expect(progressOf(reported(), "2026-04-06").nextDue?.what).toBe("final-response");
    const done = progressOf([...reported(), recorded(reply(3, "2026-04-10"))], "2026-04-20");
    expect(done).toMatchObject({ stage: 3, state: "replied", nextDue: null });
    expect(done.timelineEvents).toContainEqual({ type: "final-response", date: "2026-04-10" });
    expect(done.publicEvents).toContainEqual({ type: "panel-date-set", date: "2026-03-03", panelOn: "2026-04-01" });
  });

  it("counts a local procedure's stages and replies", () => {
    const events = [recorded(reply(1, "2026-01-15")), recorded(request(2, "2026-01-20")), recorded({ type: "statement-agreed", date: "2026-01-21" })];
    const p = complaintProgress({ receivedOn: RECEIVED, ...LOCAL, timescales, events, today: "2026-01-22" });
    expect(p).toMatchObject({ stage: 2, lastStage: 2, state: "open" });
    expect(p.timelineEvents).toEqual([
      { type: "received", date: RECEIVED },
      { type: "local-stage-response", date: "2026-01-15", stage: 1 },
      { type: "local-stage-requested", date: "2026-01-20", stage: 2 },
      { type: "stage2-summary-agreed", date: "2026-01-21" },
    ]);
  });

  it("the acknowledgement is due first when the council has a period for it", () => {
    expect(progressOf([], "2026-01-06", { acknowledgementWorkingDays: 3 }).nextDue).toEqual({ what: "acknowledgement", date: "2026-01-08", estimated: false });
    expect(progressOf([recorded(ack())], "2026-01-06", { acknowledgementWorkingDays: 3 }).nextDue?.what).toBe("reply");
  });

  it("counts a reply the person reported on the phone until staff record one", () => {
    const phone = phoneRequestEvent({ id: "00000000-0000-4000-8000-bbbbbbbbbbbb", toStage: 2, requestedOn: "2026-01-20", replyReceivedOn: "2026-01-16" });
    const p = progressOf([phone], "2026-01-21");
    expect(p.stage).toBe(2);
    expect(p.timelineEvents).toContainEqual({ type: "stage1-response", date: "2026-01-16" });
  });

  it("the Ombudsman's interest on a complaint the council has not touched leaves it new", () => {
    expect(progressOf([recorded({ type: "ombudsman-referral", date: "2026-01-06" })], "2026-01-07").state).toBe("new");
    expect(progressOf([recorded(ack()), recorded({ type: "ombudsman-referral", date: "2026-01-06" })], "2026-01-07").state).toBe("open");
  });

  it("the phone is not shown the Ombudsman's interest, which the person already knows of", () => {
    const events = [
      recorded(reply(1, "2026-01-15")),
      recorded({ type: "closed", date: "2026-01-20" }),
      recorded({ type: "ombudsman-referral", date: "2026-05-01" }),
    ];
    const p = progressOf(events, TODAY);
    expect(p.publicEvents.map((e) => e.type)).toEqual(["replied", "closed"]);
    expect(p.state).toBe("closed");
  });

  it("the phone sees dates, stage and outcome, never notes, names or reasons", () => {
    const events = [
      recorded({ type: "more-time-agreed", date: "2026-01-12", stage: 1, newDueDate: "2026-01-30", reason: "Secret reason", note: "Internal" }),
      recorded({ type: "investigation-appointed", date: "2026-01-12", investigatingOfficer: "Ann Officer", independentPerson: "Ian Person" }),
    ];
    const shown = JSON.stringify(events.map(publicPartOf));
    expect(shown).not.toMatch(/Secret|Internal|Ann|Ian/);
    expect(publicPartOf(events[0] as KnownEvent)).toEqual({ type: "more-time-agreed", date: "2026-01-12", stage: 1, newDueDate: "2026-01-30" });
  });
});
