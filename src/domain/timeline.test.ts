import { describe, expect, it } from "vitest";
import english from "../../locales/en-GB/timeline.json" with { type: "json" };
import { type Timescales, timescalesSchema } from "./council";
import {
  TIMELINE_KEYS,
  type Procedure,
  type StageTimeline,
  type Timeline,
  computeTimeline,
  expectedDates,
  planIfSentToday,
  timelineEventSchema,
} from "./timeline";

const DEFAULTS: Timescales = timescalesSchema.parse({});
const STATUTORY: Procedure = { kind: "statutory" };
const LOCAL_20_25: Procedure = { kind: "local", stages: [{ workingDays: 20 }, { workingDays: 25 }] };

type Ev = Record<string, unknown> & { type: string; date: string };

function run(events: Ev[], today: string, timescales: Partial<Timescales> = {}, extra: { procedure?: Procedure; dueSoonWorkingDays?: number } = {}): Timeline {
  return computeTimeline({
    timescales: { ...DEFAULTS, ...timescales },
    procedure: extra.procedure ?? STATUTORY,
    events,
    today,
    ...(extra.dueSoonWorkingDays === undefined ? {} : { dueSoonWorkingDays: extra.dueSoonWorkingDays }),
  });
}

function stage(timeline: Timeline, n: number): StageTimeline {
  const found = timeline.stages.find((s) => s.stage === n);
  if (found === undefined) throw new Error(`no stage ${n}`);
  return found;
}

const ASK_THEN_OMBUDSMAN = ["timeline:actions.askCouncil", "timeline:actions.ombudsmanDelay"];

/**
 * A complaint that goes through all three stages on time (default timescales). Worked by hand:
 * S1 target 20 Jan (10 WD from Mon 6 Jan), S2 target 10 Mar (25 WD from 3 Feb), panel due 29 Apr
 * (30 WD from 14 Mar, skipping Easter), report due 2 May, final response due 22 May (skips 5 May).
 */
const FULL: Ev[] = [
  { type: "received", date: "2025-01-06" },
  { type: "acknowledged", date: "2025-01-08" },
  { type: "stage1-response", date: "2025-01-17" },
  { type: "stage2-requested", date: "2025-02-03" },
  { type: "stage2-summary-agreed", date: "2025-02-17" },
  { type: "stage2-response", date: "2025-03-07" },
  { type: "stage3-requested", date: "2025-03-14" },
  { type: "panel-met", date: "2025-04-25" },
  { type: "panel-report", date: "2025-04-30" },
  { type: "final-response", date: "2025-05-20" },
];

describe("Stage 1 status day by day around the deadline (reg 14)", () => {
  // Received Thursday 3 Dec 2026: target Thu 17 Dec (10 WD), maximum Tue 5 Jan 2027 (20 WD, over Christmas).
  const received: Ev = { type: "received", date: "2026-12-03" };
  const noticeNoDate: Ev = { type: "stage1-extended", date: "2026-12-15" };
  const noticeTo23rd: Ev = { type: "stage1-extended", date: "2026-12-15", until: "2026-12-23" };
  const lateNotice: Ev = { type: "stage1-extended", date: "2026-12-21" };

  it.each([
    // [label, extension, today, status, reason, latest]
    ["received today", undefined, "2026-12-03", "in-progress", "timeline:status.inProgress", "2027-01-05"],
    ["the day before the due-soon window", undefined, "2026-12-11", "in-progress", "timeline:status.inProgress", "2027-01-05"],
    ["a Sunday, 3 working days before the target is Wednesday", undefined, "2026-12-13", "in-progress", "timeline:status.inProgress", "2027-01-05"],
    ["first due-soon day (3 WD before)", undefined, "2026-12-14", "due-soon", "timeline:status.dueSoon", "2027-01-05"],
    ["due soon (2 WD before)", undefined, "2026-12-15", "due-soon", "timeline:status.dueSoon", "2027-01-05"],
    ["due soon (1 WD before)", undefined, "2026-12-16", "due-soon", "timeline:status.dueSoon", "2027-01-05"],
    ["the target day", undefined, "2026-12-17", "due-soon", "timeline:status.dueSoon", "2027-01-05"],
    ["the day after the target, no extension: overdue", undefined, "2026-12-18", "overdue", "timeline:status.overdue", "2027-01-05"],
    ["past the maximum too", undefined, "2027-01-06", "overdue", "timeline:status.overdue", "2027-01-05"],
    ["before the extension was notified", noticeNoDate, "2026-12-14", "due-soon", "timeline:status.dueSoon", "2027-01-05"],
    ["the day the extension was notified", noticeNoDate, "2026-12-15", "in-progress", "timeline:status.extended", "2027-01-05"],
    ["extended: the target day", noticeNoDate, "2026-12-17", "in-progress", "timeline:status.extended", "2027-01-05"],
    ["extended: the day after the target", noticeNoDate, "2026-12-18", "in-progress", "timeline:status.extended", "2027-01-05"],
    ["extended: the day before due soon", noticeNoDate, "2026-12-29", "in-progress", "timeline:status.extended", "2027-01-05"],
    ["extended: due soon", noticeNoDate, "2026-12-30", "due-soon", "timeline:status.dueSoon", "2027-01-05"],
    ["extended: the maximum day", noticeNoDate, "2027-01-05", "due-soon", "timeline:status.dueSoon", "2027-01-05"],
    ["extended: the day after the maximum", noticeNoDate, "2027-01-06", "overdue", "timeline:status.overdueAfterExtension", "2027-01-05"],
    ["extended to the 23rd: target day", noticeTo23rd, "2026-12-17", "in-progress", "timeline:status.extended", "2026-12-23"],
    ["extended to the 23rd: due soon", noticeTo23rd, "2026-12-18", "due-soon", "timeline:status.dueSoon", "2026-12-23"],
    ["extended to the 23rd: the day after", noticeTo23rd, "2026-12-24", "overdue", "timeline:status.overdueAfterExtension", "2026-12-23"],
    ["extension notified after the target: before the notice", lateNotice, "2026-12-18", "overdue", "timeline:status.overdue", "2027-01-05"],
    ["extension notified after the target: from the notice", lateNotice, "2026-12-21", "in-progress", "timeline:status.extended", "2027-01-05"],
  ])("%s (%j, today %s): %s", (_, extension, today, status, reason, latest) => {
    const s1 = stage(run(extension ? [received, extension] : [received], today), 1);
    expect(s1.status).toBe(status);
    expect(s1.reason).toBe(reason);
    expect(s1.actions).toEqual(status === "overdue" ? ASK_THEN_OMBUDSMAN : []);
    expect(s1.target).toBe("2026-12-17");
    expect(s1.latest).toBe(latest);
  });

  it.each([
    [0, "2026-12-16", "in-progress"],
    [0, "2026-12-17", "due-soon"],
    [5, "2026-12-09", "in-progress"],
    [5, "2026-12-10", "due-soon"],
  ])("the due-soon window is configurable: %i working days, today %s is %s", (days, today, status) => {
    expect(stage(run([received], today, {}, { dueSoonWorkingDays: days }), 1).status).toBe(status);
  });

  it.each([
    ["no date given: the maximum", undefined, "2027-01-05"],
    ["a date within the maximum", "2026-12-23", "2026-12-23"],
    ["a date past the maximum is cut to the maximum", "2027-02-01", "2027-01-05"],
    ["a date before the target changes nothing", "2026-12-10", "2026-12-17"],
  ])("latest date with an extension: %s", (_, until, latest) => {
    const s1 = stage(run([received, { type: "stage1-extended", date: "2026-12-09", ...(until ? { until } : {}) }], "2026-12-09"), 1);
    expect(s1.latest).toBe(latest);
    expect(s1.extension).toEqual(until ? { notifiedOn: "2026-12-09", until } : { notifiedOn: "2026-12-09" });
  });

  it("a further extension replaces the first, without a warning", () => {
    const timeline = run(
      [received, { type: "stage1-extended", date: "2026-12-10", until: "2026-12-22" }, { type: "stage1-extended", date: "2026-12-21", until: "2026-12-31" }],
      "2026-12-23",
    );
    expect(stage(timeline, 1).latest).toBe("2026-12-31");
    expect(stage(timeline, 1).status).toBe("in-progress");
    expect(timeline.warnings).toEqual([]);
  });

  it("a response finishes the stage, even a late one", () => {
    const s1 = stage(run([received, { type: "stage1-response", date: "2027-01-08" }], "2027-01-20"), 1);
    expect(s1).toMatchObject({ status: "finished", reason: "timeline:status.finished", actions: [], respondedOn: "2027-01-08" });
  });

  it.each([
    ["not acknowledged yet, before the due date", [], "2025-01-10", { due: "2025-01-13", late: false }],
    ["not acknowledged, the day after the due date", [], "2025-01-14", { due: "2025-01-13", late: true }],
    ["acknowledged on the due date", [{ type: "acknowledged", date: "2025-01-13" }], "2025-01-20", { due: "2025-01-13", done: "2025-01-13", late: false }],
    ["acknowledged late", [{ type: "acknowledged", date: "2025-01-14" }], "2025-01-20", { due: "2025-01-13", done: "2025-01-14", late: true }],
  ])("acknowledgement within 5 working days: %s", (_, more, today, expected) => {
    const s1 = stage(run([{ type: "received", date: "2025-01-06" }, ...more], today, { acknowledgementWorkingDays: 5 }), 1);
    expect(s1.milestones).toEqual([{ kind: "acknowledgement", key: "timeline:milestones.acknowledgement", estimated: false, ...expected }]);
  });

  it("without an acknowledgement setting there is no due date, only what happened", () => {
    expect(stage(run([{ type: "received", date: "2025-01-06" }], "2025-01-20"), 1).milestones).toEqual([]);
    const s1 = stage(
      run(
        [
          { type: "received", date: "2025-01-06" },
          { type: "acknowledged", date: "2025-01-09" },
        ],
        "2025-01-20",
      ),
      1,
    );
    expect(s1.milestones).toEqual([{ kind: "acknowledgement", key: "timeline:milestones.acknowledgement", estimated: false, late: false, done: "2025-01-09" }]);
  });
});

describe("all three statutory stages (regs 14–20)", () => {
  it.each([
    // [today, current, stage statuses]
    ["2025-01-05", undefined, ["not-started", "not-started", "not-started"]],
    ["2025-01-10", 1, ["in-progress", "not-started", "not-started"]],
    ["2025-01-17", 1, ["finished", "not-started", "not-started"]],
    ["2025-02-03", 2, ["finished", "in-progress", "not-started"]],
    ["2025-03-05", 2, ["finished", "due-soon", "not-started"]],
    ["2025-03-07", 2, ["finished", "finished", "not-started"]],
    ["2025-03-20", 3, ["finished", "finished", "in-progress"]],
    ["2025-04-28", 3, ["finished", "finished", "in-progress"]], // met on the 25th; report due 2 May
    ["2025-04-29", 3, ["finished", "finished", "due-soon"]],
    ["2025-05-19", 3, ["finished", "finished", "due-soon"]], // final response due 22 May
    ["2025-05-20", 3, ["finished", "finished", "finished"]],
  ])("on %s the current stage is %s and the stages are %j", (today, current, statuses) => {
    const timeline = run(FULL, today);
    expect(timeline.current).toBe(current);
    expect(timeline.stages.map((s) => s.status)).toEqual(statuses);
  });

  it("works out every date once everything has happened", () => {
    const timeline = run(FULL, "2025-06-01", { acknowledgementWorkingDays: 3 });
    expect(timeline.procedure).toBe("statutory");
    expect(timeline.warnings).toEqual([]);
    expect(stage(timeline, 1)).toMatchObject({
      startedOn: "2025-01-06",
      clockStartsOn: "2025-01-06",
      target: "2025-01-20",
      latest: "2025-02-03",
      respondedOn: "2025-01-17",
      escalation: { deadline: "2025-02-14", window: { value: 20, unit: "working-days" }, key: "timeline:escalation.requested" },
      milestones: [{ kind: "acknowledgement", due: "2025-01-09", done: "2025-01-08", late: false }],
    });
    expect(stage(timeline, 2)).toMatchObject({
      startedOn: "2025-02-03",
      clockStartsOn: "2025-02-03",
      target: "2025-03-10",
      latest: "2025-05-08",
      estimated: false,
      respondedOn: "2025-03-07",
      escalation: { deadline: "2025-04-04", key: "timeline:escalation.requested" },
    });
    const s3 = stage(timeline, 3);
    expect(s3).toMatchObject({ startedOn: "2025-03-14", target: "2025-05-22", latest: "2025-05-22", estimated: false, respondedOn: "2025-05-20" });
    expect(s3.escalation).toBeUndefined();
    expect(s3.milestones.map(({ kind, due, done, estimated, late }) => [kind, due, done, estimated, late])).toEqual([
      ["panelMeeting", "2025-04-29", "2025-04-25", false, false],
      ["panelReport", "2025-05-02", "2025-04-30", false, false],
      ["finalResponse", "2025-05-22", "2025-05-20", false, false],
    ]);
    expect(timeline.ombudsman).toEqual({
      from: "2025-05-20",
      by: "2026-05-20",
      months: 12,
      basis: "final-response",
      key: "timeline:ombudsman.afterFinalResponse",
    });
  });

  it.each([
    ["2025-01-20", "timeline:escalation.open"],
    ["2025-02-14", "timeline:escalation.open"],
    ["2025-02-15", "timeline:escalation.late"],
  ])("after the Stage 1 response, on %s the Stage 2 request window is %s (warn, never block)", (today, key) => {
    const s1 = stage(run(FULL.slice(0, 3), today), 1);
    expect(s1.escalation).toEqual({ deadline: "2025-02-14", window: { value: 20, unit: "working-days" }, key });
  });

  it("a stage not answered is finished as 'moved on' once the next stage starts", () => {
    const timeline = run(
      [
        { type: "received", date: "2025-01-06" },
        { type: "stage2-requested", date: "2025-01-24" },
      ],
      "2025-01-27",
    );
    expect(stage(timeline, 1)).toMatchObject({ status: "finished", reason: "timeline:status.movedOn", actions: [] });
    expect(stage(timeline, 1).respondedOn).toBeUndefined();
    expect(stage(timeline, 1).escalation).toBeUndefined();
    expect(stage(timeline, 2)).toMatchObject({ status: "in-progress", target: "2025-02-28" });
    expect(timeline.current).toBe(2);
  });

  it("Stage 2 past its target with no extension is overdue; with one it runs to the maximum", () => {
    const base: Ev[] = [
      { type: "received", date: "2025-01-06" },
      { type: "stage2-requested", date: "2025-02-03" },
    ];
    expect(stage(run(base, "2025-03-11"), 2)).toMatchObject({ status: "overdue", reason: "timeline:status.overdue", actions: ASK_THEN_OMBUDSMAN });
    const extended = run([...base, { type: "stage2-extended", date: "2025-03-03" }], "2025-03-11");
    expect(stage(extended, 2)).toMatchObject({ status: "in-progress", reason: "timeline:status.extended", latest: "2025-05-08" });
    expect(stage(run([...base, { type: "stage2-extended", date: "2025-03-03" }], "2025-05-09"), 2)).toMatchObject({
      status: "overdue",
      reason: "timeline:status.overdueAfterExtension",
    });
  });
});

describe("Stage 3: the review panel (regs 19(4), 20)", () => {
  const requested: Ev = { type: "stage3-requested", date: "2025-03-14" };

  it("before the meeting, later steps are estimated from the meeting's due date", () => {
    const s3 = stage(run([requested], "2025-03-20"), 3);
    expect(s3).toMatchObject({ status: "in-progress", target: "2025-05-29", latest: "2025-05-29", estimated: true });
    expect(s3.milestones.map((m) => [m.kind, m.due, m.estimated, m.late])).toEqual([
      ["panelMeeting", "2025-04-29", false, false],
      ["panelReport", "2025-05-07", true, false],
      ["finalResponse", "2025-05-29", true, false],
    ]);
  });

  it.each([
    ["no meeting by its due date", [], "2025-04-30", "overdue"],
    ["the meeting's due date", [], "2025-04-29", "due-soon"],
    ["met late; report not due yet", [{ type: "panel-met", date: "2025-05-06" }], "2025-05-07", "in-progress"],
    ["met late; report overdue", [{ type: "panel-met", date: "2025-05-06" }], "2025-05-14", "overdue"],
    [
      "report in; final response not due soon yet",
      [
        { type: "panel-met", date: "2025-05-06" },
        { type: "panel-report", date: "2025-05-13" },
      ],
      "2025-05-29",
      "in-progress",
    ],
    [
      "report in; final response due soon",
      [
        { type: "panel-met", date: "2025-05-06" },
        { type: "panel-report", date: "2025-05-13" },
      ],
      "2025-05-30",
      "due-soon",
    ],
    [
      "report in; final response overdue",
      [
        { type: "panel-met", date: "2025-05-06" },
        { type: "panel-report", date: "2025-05-13" },
      ],
      "2025-06-05",
      "overdue",
    ],
  ])("%s: %s on %s", (_, more, today, status) => {
    const s3 = stage(run([requested, ...more], today), 3);
    expect(s3.status).toBe(status);
    expect(s3.actions).toEqual(status === "overdue" ? ASK_THEN_OMBUDSMAN : []);
  });

  it("a late meeting moves the later due dates and is marked late", () => {
    const s3 = stage(run([requested, { type: "panel-met", date: "2025-05-06" }], "2025-05-07"), 3);
    expect(s3.milestones.map((m) => [m.kind, m.due, m.done, m.estimated, m.late])).toEqual([
      ["panelMeeting", "2025-04-29", "2025-05-06", false, true],
      ["panelReport", "2025-05-13", undefined, false, false],
      ["finalResponse", "2025-06-04", undefined, true, false],
    ]);
    expect(s3.target).toBe("2025-06-04");
  });
});

describe("Stage 2 clock start (docs/domain.md §3: a council setting)", () => {
  const events: Ev[] = [
    { type: "received", date: "2025-01-06" },
    { type: "stage1-response", date: "2025-01-17" },
    { type: "stage2-requested", date: "2025-02-03" },
    { type: "stage2-summary-agreed", date: "2025-02-17" },
  ];

  it.each([
    ["request", "2025-02-03", "2025-03-10", "2025-05-08"],
    ["agreed-summary", "2025-02-17", "2025-03-24", "2025-05-22"],
  ] as const)("counted from the %s: clock starts %s, target %s, latest %s", (clockStart, clock, target, latest) => {
    const s2 = stage(run(events, "2025-02-20", { stage2ClockStart: clockStart }), 2);
    expect(s2).toMatchObject({ startedOn: "2025-02-03", clockStartsOn: clock, target, latest, estimated: false, status: "in-progress" });
    expect(s2.milestones).toEqual([{ kind: "summaryAgreed", key: "timeline:milestones.summaryAgreed", done: "2025-02-17", estimated: false, late: false }]);
  });

  const waiting = events.slice(0, 3);

  it.each([
    ["2025-02-10", []],
    ["2025-03-10", []],
    ["2025-03-11", ["timeline:actions.askAboutSummary"]],
  ])("agreed-summary, not agreed yet, on %s: in progress on estimated dates, actions %j", (today, actions) => {
    const s2 = stage(run(waiting, today, { stage2ClockStart: "agreed-summary" }), 2);
    expect(s2).toMatchObject({
      status: "in-progress",
      reason: "timeline:status.waitingForSummary",
      startedOn: "2025-02-03",
      target: "2025-03-10",
      latest: "2025-05-08",
      estimated: true,
      actions,
    });
    expect(s2.clockStartsOn).toBeUndefined();
    expect(s2.milestones).toEqual([{ kind: "summaryAgreed", key: "timeline:milestones.summaryAgreed", estimated: false, late: false }]);
  });

  it("the same day counted from the request is overdue", () => {
    expect(stage(run(waiting, "2025-03-11", { stage2ClockStart: "request" }), 2).status).toBe("overdue");
    expect(stage(run(waiting, "2025-03-11", { stage2ClockStart: "request" }), 2).milestones).toEqual([]);
  });

  it("agreed late: dates count from the agreement", () => {
    const s2 = stage(run([...waiting, { type: "stage2-summary-agreed", date: "2025-03-12" }], "2025-03-13", { stage2ClockStart: "agreed-summary" }), 2);
    expect(s2).toMatchObject({ status: "in-progress", reason: "timeline:status.inProgress", target: "2025-04-16", latest: "2025-06-17", estimated: false });
  });
});

describe("request windows in working or calendar days", () => {
  // Response Mon 15 Dec 2025: 20 WD skips Christmas, Boxing Day and New Year.
  const events: Ev[] = [
    { type: "received", date: "2025-11-28" },
    { type: "stage1-response", date: "2025-12-15" },
  ];
  it.each([
    [{ value: 20, unit: "working-days" }, "2026-01-13", "2026-01-15", "timeline:escalation.open"],
    [{ value: 28, unit: "calendar-days" }, "2026-01-13", "2026-01-12", "timeline:escalation.late"],
    [{ value: 20, unit: "calendar-days" }, "2026-01-04", "2026-01-04", "timeline:escalation.open"],
  ] as const)("Stage 2 window %j: on %s the deadline is %s (%s)", (window, today, deadline, key) => {
    const s1 = stage(run(events, today, { stage2RequestWindow: window }), 1);
    expect(s1.escalation).toEqual({ deadline, window, key });
  });

  it("the Stage 3 window uses its own setting", () => {
    const timeline = run([...events, { type: "stage2-requested", date: "2025-12-16" }, { type: "stage2-response", date: "2026-01-20" }], "2026-02-01", {
      stage3RequestWindow: { value: 28, unit: "calendar-days" },
    });
    expect(stage(timeline, 2).escalation).toMatchObject({ deadline: "2026-02-17", key: "timeline:escalation.open" });
    const workingDays = run([...events, { type: "stage2-requested", date: "2025-12-16" }, { type: "stage2-response", date: "2026-01-20" }], "2026-02-18");
    expect(stage(workingDays, 2).escalation).toMatchObject({ deadline: "2026-02-17", key: "timeline:escalation.late" });
  });
});

describe("a local procedure: 20 then 25 working days (S001, docs/sources.md)", () => {
  const events: Ev[] = [
    { type: "received", date: "2025-03-14" },
    { type: "local-stage-response", stage: 1, date: "2025-04-10" },
    { type: "local-stage-requested", stage: 2, date: "2025-04-15" },
    { type: "local-stage-response", stage: 2, date: "2025-05-20" },
  ];
  const local = (evs: Ev[], today: string) => run(evs, today, {}, { procedure: LOCAL_20_25 });

  it.each([
    ["2025-04-07", 1, ["in-progress", "not-started"]],
    ["2025-04-08", 1, ["due-soon", "not-started"]],
    ["2025-04-10", 1, ["finished", "not-started"]],
    ["2025-04-15", 2, ["finished", "in-progress"]],
    ["2025-05-20", 2, ["finished", "finished"]],
  ])("on %s the current stage is %i, statuses %j", (today, current, statuses) => {
    const timeline = local(events, today);
    expect(timeline.current).toBe(current);
    expect(timeline.stages.map((s) => s.status)).toEqual(statuses);
  });

  it("has the council's dates, no maximum and no request window", () => {
    const timeline = local(events, "2025-05-20");
    expect(timeline.procedure).toBe("local");
    expect(
      timeline.stages.map(({ procedure, stage: n, startedOn, target, latest, respondedOn }) => ({ procedure, n, startedOn, target, latest, respondedOn })),
    ).toEqual([
      { procedure: "local", n: 1, startedOn: "2025-03-14", target: "2025-04-11", latest: "2025-04-11", respondedOn: "2025-04-10" },
      { procedure: "local", n: 2, startedOn: "2025-04-15", target: "2025-05-23", latest: "2025-05-23", respondedOn: "2025-05-20" },
    ]);
    expect(timeline.stages.every((s) => s.escalation === undefined)).toBe(true);
    expect(timeline.ombudsman).toMatchObject({ from: "2025-05-20", by: "2026-05-20", basis: "final-response" });
  });

  it.each([
    ["2025-04-11", "due-soon", []],
    ["2025-04-14", "overdue", ASK_THEN_OMBUDSMAN],
  ])("unanswered stage 1 on %s is %s", (today, status, actions) => {
    const s1 = stage(local(events.slice(0, 1), today), 1);
    expect(s1.status).toBe(status);
    expect(s1.actions).toEqual(actions);
  });

  it("asking for stage 2 before an answer moves on; asking for stage 1 is the same as it being received", () => {
    const timeline = local(
      [
        { type: "local-stage-requested", stage: 1, date: "2025-03-14" },
        { type: "local-stage-requested", stage: 2, date: "2025-04-14" },
      ],
      "2025-04-15",
    );
    expect(stage(timeline, 1)).toMatchObject({ startedOn: "2025-03-14", status: "finished", reason: "timeline:status.movedOn" });
    expect(stage(timeline, 2)).toMatchObject({ startedOn: "2025-04-14", status: "in-progress" });
    expect(timeline.ombudsman).toBeUndefined();
  });

  it("acknowledgement applies to the first local stage", () => {
    const timeline = run(
      [
        { type: "received", date: "2025-03-14" },
        { type: "acknowledged", date: "2025-03-20" },
      ],
      "2025-03-21",
      { acknowledgementWorkingDays: 3 },
      { procedure: LOCAL_20_25 },
    );
    expect(stage(timeline, 1).milestones).toEqual([
      { kind: "acknowledgement", key: "timeline:milestones.acknowledgement", due: "2025-03-19", done: "2025-03-20", estimated: false, late: true },
    ]);
    expect(stage(timeline, 2).milestones).toEqual([]);
  });

  it("statutory events and stages the council lacks are left out, with a warning", () => {
    const wrong: Ev = { type: "stage2-requested", date: "2025-04-01" };
    const unknown: Ev = { type: "local-stage-requested", stage: 3, date: "2025-04-02" };
    const timeline = local([events[0] as Ev, wrong, unknown], "2025-04-03");
    expect(timeline.warnings).toEqual([
      { key: "timeline:warnings.wrongProcedure", event: wrong },
      { key: "timeline:warnings.unknownStage", event: unknown },
    ]);
    expect(timeline.current).toBe(1);
  });

  it("local events in a statutory timeline are left out, with a warning", () => {
    const event: Ev = { type: "local-stage-response", stage: 1, date: "2025-03-19" };
    const timeline = run([{ type: "received", date: "2025-03-14" }, event], "2025-03-20");
    expect(timeline.warnings).toEqual([{ key: "timeline:warnings.wrongProcedure", event }]);
    expect(stage(timeline, 1).status).toBe("in-progress");
  });
});

describe("the Ombudsman's 12 months (LGA 1974 s26B)", () => {
  it.each([
    ["no response yet", [{ type: "received", date: "2025-01-06" }], {}, undefined],
    [
      "after the Stage 1 response only",
      [
        { type: "received", date: "2025-01-06" },
        { type: "stage1-response", date: "2025-01-17" },
      ],
      {},
      { from: "2025-01-17", by: "2026-01-17", months: 12, basis: "latest-response", key: "timeline:ombudsman.afterLatestResponse" },
    ],
    [
      "6 months from 31 August is clamped to 28 February",
      [
        { type: "received", date: "2025-08-01" },
        { type: "stage1-response", date: "2025-08-31" },
      ],
      { ombudsmanMonths: 6 },
      { from: "2025-08-31", by: "2026-02-28", months: 6, basis: "latest-response", key: "timeline:ombudsman.afterLatestResponse" },
    ],
    [
      "the latest of several responses",
      FULL.slice(0, 7),
      {},
      { from: "2025-03-07", by: "2026-03-07", months: 12, basis: "latest-response", key: "timeline:ombudsman.afterLatestResponse" },
    ],
    [
      "a leap-day final response",
      [
        { type: "stage3-requested", date: "2024-01-15" },
        { type: "final-response", date: "2024-02-29" },
      ],
      {},
      { from: "2024-02-29", by: "2025-02-28", months: 12, basis: "final-response", key: "timeline:ombudsman.afterFinalResponse" },
    ],
  ])("%s", (_, events, timescales, expected) => {
    expect(run(events, "2025-12-31", timescales).ombudsman).toEqual(expected);
  });
});

describe("events: order, gaps and mistakes are tolerated (and reported)", () => {
  it("gives the same stages whatever order the events come in", () => {
    const sorted = run(FULL, "2025-06-01");
    const reversed = run([...FULL].reverse(), "2025-06-01");
    const shuffled = run(
      [...FULL].sort((a, b) => a.type.localeCompare(b.type)),
      "2025-06-01",
    );
    expect(reversed).toEqual(sorted);
    expect(shuffled).toEqual(sorted);
  });

  it("ignores events after today, with a warning", () => {
    const future: Ev = { type: "stage1-response", date: "2025-01-20" };
    const timeline = run([{ type: "received", date: "2025-01-06" }, future], "2025-01-13");
    expect(stage(timeline, 1).status).toBe("in-progress");
    expect(timeline.warnings).toEqual([{ key: "timeline:warnings.futureEvent", event: future }]);
  });

  it("uses the earliest of repeated events and warns about the others", () => {
    const again: Ev = { type: "stage1-response", date: "2025-01-17" };
    const timeline = run([{ type: "received", date: "2025-01-06" }, again, { type: "stage1-response", date: "2025-01-15" }], "2025-01-20");
    expect(stage(timeline, 1).respondedOn).toBe("2025-01-15");
    expect(timeline.warnings).toEqual([{ key: "timeline:warnings.duplicate", event: again }]);
  });

  it("takes a stage's earliest event as its start when the start is missing", () => {
    const response: Ev = { type: "stage1-response", date: "2025-01-17" };
    const timeline = run([response], "2025-01-20");
    expect(stage(timeline, 1)).toMatchObject({ status: "finished", startedOn: "2025-01-17", respondedOn: "2025-01-17" });
    expect(timeline.current).toBe(1);
    expect(timeline.warnings).toEqual([{ key: "timeline:warnings.startMissing", event: response }]);
  });

  it("warns about an event dated before its stage started, and still uses it", () => {
    const early: Ev = { type: "stage2-response", date: "2025-02-01" };
    const timeline = run([{ type: "received", date: "2025-01-06" }, { type: "stage2-requested", date: "2025-02-03" }, early], "2025-02-10");
    expect(stage(timeline, 2)).toMatchObject({ status: "finished", respondedOn: "2025-02-01" });
    expect(timeline.warnings).toEqual([{ key: "timeline:warnings.beforeStart", event: early }]);
  });

  it("keeps extra fields out of the way (ids, notes)", () => {
    const timeline = run([{ type: "received", date: "2025-01-06", id: "abc", note: "by email" }], "2025-01-07");
    expect(stage(timeline, 1).startedOn).toBe("2025-01-06");
  });
});

describe("input checks: invalid input throws an Error naming the value", () => {
  it.each([
    ["a date that does not exist", { type: "received", date: "2025-02-30" }, '"2025-02-30"'],
    ["a date in the wrong format", { type: "received", date: "3/2/2025" }, '"3/2/2025"'],
    ["a bad extension date", { type: "stage1-extended", date: "2025-02-03", until: "soon" }, '"soon"'],
    ["an unknown event", { type: "complained-again", date: "2025-02-03" }, '"complained-again"'],
    ["a local stage 0", { type: "local-stage-response", stage: 0, date: "2025-02-03" }, '"stage":0'],
    ["no date", { type: "received" }, '{"type":"received"}'],
    ["not an object", "received", '"received"'],
  ])("%s", (_, event, shown) => {
    expect(() => run([event as Ev], "2025-03-01")).toThrow(shown);
    expect(() => run([event as Ev], "2025-03-01")).toThrow("Timeline event 0 is not valid");
  });

  it.each(["2025-02-30", "today", ""])("today = %j", (today) => {
    expect(() => run([], today)).toThrow(`Not a valid date: ${JSON.stringify(today)}`);
  });

  it.each([-1, 1.5])("dueSoonWorkingDays = %s", (days) => {
    expect(() => run([], "2025-03-01", {}, { dueSoonWorkingDays: days })).toThrow(String(days));
  });

  it.each([{ kind: "local", stages: [] }, { kind: "local", stages: [{ workingDays: 0 }] }, { kind: "local" }, { kind: "corporate" }])(
    "procedure %j",
    (procedure) => {
      expect(() => run([], "2025-03-01", {}, { procedure: procedure as Procedure })).toThrow(`Not a valid procedure: ${JSON.stringify(procedure)}`);
    },
  );

  it("names a value JSON cannot show", () => {
    expect(() => run([], "2025-03-01", {}, { dueSoonWorkingDays: 2n as unknown as number })).toThrow("not 2");
  });

  it("events must be a list", () => {
    expect(() => computeTimeline({ timescales: DEFAULTS, procedure: STATUTORY, today: "2025-03-01", events: "none" as unknown as unknown[] })).toThrow(
      'Timeline events must be a list, not "none"',
    );
  });

  it("the event schema is the one to use at storage boundaries", () => {
    expect(timelineEventSchema.safeParse({ type: "panel-met", date: "2025-04-25" }).success).toBe(true);
    expect(timelineEventSchema.safeParse({ type: "panel-met", date: "2025-04-31" }).success).toBe(false);
  });
});

describe("before anything happens", () => {
  it.each([
    ["Thursday 3 Dec 2026 (issue example)", "2026-12-03", "2026-12-17", "2027-01-05"],
    ["a Saturday: day 1 is the Monday", "2025-06-07", "2025-06-20", "2025-07-04"],
    ["Friday before the Queen's funeral", "2022-09-16", "2022-10-03", "2022-10-17"],
  ])("expectedDates: sent %s", (_, sentOn, target, latest) => {
    expect(expectedDates(DEFAULTS, sentOn)).toEqual({ sentOn, target, latest });
  });

  it("expectedDates adds the acknowledgement date when the council promises one", () => {
    expect(expectedDates({ ...DEFAULTS, acknowledgementWorkingDays: 3 }, "2026-12-03").acknowledgementBy).toBe("2026-12-08");
    expect(() => expectedDates(DEFAULTS, "2026-13-01")).toThrow('"2026-13-01"');
  });

  it("planIfSentToday gives each stage's durations from the settings", () => {
    expect(planIfSentToday(DEFAULTS, "2026-12-03")).toEqual({
      stage1Dates: { sentOn: "2026-12-03", target: "2026-12-17", latest: "2027-01-05" },
      stage1: { key: "timeline:plan.stage1", targetWorkingDays: 10, maxWorkingDays: 20 },
      stage2: {
        key: "timeline:plan.stage2",
        clockKey: "timeline:plan.stage2ClockRequest",
        requestWindow: { value: 20, unit: "working-days" },
        targetWorkingDays: 25,
        maxWorkingDays: 65,
      },
      stage3: {
        key: "timeline:plan.stage3",
        requestWindow: { value: 20, unit: "working-days" },
        panelMeetingWorkingDays: 30,
        panelReportWorkingDays: 5,
        finalResponseWorkingDays: 15,
        totalWorkingDays: 50,
      },
      ombudsman: { key: "timeline:plan.ombudsman", months: 12 },
    });
  });

  it("planIfSentToday follows a council's own settings", () => {
    const plan = planIfSentToday(
      { ...DEFAULTS, stage1TargetWorkingDays: 5, stage2ClockStart: "agreed-summary", stage2RequestWindow: { value: 28, unit: "calendar-days" } },
      "2026-12-03",
    );
    expect(plan.stage1Dates.target).toBe("2026-12-10");
    expect(plan.stage1.targetWorkingDays).toBe(5);
    expect(plan.stage2.clockKey).toBe("timeline:plan.stage2ClockAgreedSummary");
    expect(plan.stage2.requestWindow).toEqual({ value: 28, unit: "calendar-days" });
  });
});

describe("reason keys and the English text (locales/en-GB/timeline.json)", () => {
  function leaves(value: unknown, prefix: string): string[] {
    if (typeof value !== "object" || value === null) return [prefix];
    return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  function lookUp(key: string): unknown {
    const path = key.replace(/^timeline:/, "").split(".");
    return path.reduce<unknown>((node, part) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part] : undefined), english);
  }

  it.each(TIMELINE_KEYS)("%s has English text", (key) => {
    const text = lookUp(key);
    expect(typeof text).toBe("string");
    expect((text as string).trim().length).toBeGreaterThan(0);
  });

  it("the English file has no keys the module never uses", () => {
    expect(
      leaves(english, "")
        .map((k) => `timeline:${k}`)
        .sort(),
    ).toEqual([...TIMELINE_KEYS].sort());
  });

  it("every key the module emits is listed, and every listed key is emitted by some timeline", () => {
    const timelines: Timeline[] = [
      run(FULL, "2025-06-01", { acknowledgementWorkingDays: 3, stage2ClockStart: "agreed-summary" }),
      run(FULL, "2025-01-05"),
      run(FULL.slice(0, 3), "2025-01-20"),
      run(FULL.slice(0, 3), "2025-03-01"),
      run(FULL.slice(0, 4), "2025-03-11", { stage2ClockStart: "agreed-summary" }),
      run([{ type: "received", date: "2026-12-03" }], "2026-12-15"),
      run([{ type: "received", date: "2026-12-03" }], "2026-12-18"),
      run(
        [
          { type: "received", date: "2026-12-03" },
          { type: "stage1-extended", date: "2026-12-15" },
        ],
        "2026-12-18",
      ),
      run(
        [
          { type: "received", date: "2026-12-03" },
          { type: "stage1-extended", date: "2026-12-15" },
        ],
        "2027-01-06",
      ),
      run(
        [
          { type: "received", date: "2025-01-06" },
          { type: "stage2-requested", date: "2025-01-24" },
        ],
        "2025-01-27",
      ),
      run(
        [
          { type: "stage1-response", date: "2025-01-17" },
          { type: "stage1-response", date: "2025-01-18" },
          { type: "stage2-requested", date: "2025-02-03" },
          { type: "stage2-response", date: "2025-02-01" },
          { type: "local-stage-response", stage: 1, date: "2025-02-02" },
          { type: "final-response", date: "2099-01-01" },
        ],
        "2025-02-10",
      ),
      run(
        [
          { type: "received", date: "2025-01-06" },
          { type: "local-stage-response", stage: 4, date: "2025-01-07" },
        ],
        "2025-01-08",
        {},
        { procedure: LOCAL_20_25 },
      ),
    ];
    const emitted = new Set<string>();
    for (const t of timelines) {
      for (const s of t.stages) {
        emitted.add(s.reason);
        s.actions.forEach((a) => emitted.add(a));
        s.milestones.forEach((m) => emitted.add(m.key));
        if (s.escalation) emitted.add(s.escalation.key);
      }
      if (t.ombudsman) emitted.add(t.ombudsman.key);
      t.warnings.forEach((w) => emitted.add(w.key));
    }
    for (const clockStart of ["request", "agreed-summary"] as const) {
      const plan = planIfSentToday({ ...DEFAULTS, stage2ClockStart: clockStart }, "2026-12-03");
      [plan.stage1.key, plan.stage2.key, plan.stage2.clockKey, plan.stage3.key, plan.ombudsman.key].forEach((k) => emitted.add(k));
    }
    expect([...emitted].filter((k) => !(TIMELINE_KEYS as readonly string[]).includes(k))).toEqual([]);
    expect(TIMELINE_KEYS.filter((k) => !emitted.has(k))).toEqual([]);
  });
});
