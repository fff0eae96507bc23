import { describe, expect, it } from "vitest";
import { addToReport, annualReport, emptyReport, reportRows, type ReportCase } from "./annual-report";
import { timescalesSchema } from "./council";
import type { KnownEvent } from "./staff-events";

const timescales = timescalesSchema.parse({});
let n = 0;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;
const staff = (e: Record<string, unknown>): KnownEvent => ({ id: id(), source: "staff", ...e }) as KnownEvent;

/** Received Monday 2 November 2026: Stage 1's usual 10 working days end on Monday 16 November (no bank holiday). */
const base = (over: Partial<ReportCase> = {}): ReportCase => ({
  receivedOn: "2026-11-02",
  answers: {
    role: "young-person",
    eligibility: { childSituation: "looked-after", topics: ["decision"], when: "under-12-months", proceedings: [] },
    wantsAdvocate: "no",
  },
  route: "statutory",
  procedure: { kind: "statutory" },
  timescales,
  events: [],
  // Long after every date below.
  today: "2028-01-03",
  ...over,
});

describe("the annual report", () => {
  it("an empty range has every row at zero", () => {
    const r = annualReport([]);
    expect(r.total).toBe(0);
    expect(r.who["parent"]).toBe(0);
    expect(r.about["staff"]).toBe(0);
    expect(r.timescales["1"]).toEqual({ metWithoutExtraTime: 0, metWithExtraTime: 0, notMet: 0 });
    expect(reportRows(r).every(([, , count]) => count === 0)).toBe(true);
  });

  it("counts hand-built complaints (each count worked out by hand)", () => {
    const cases: ReportCase[] = [
      // 1: replied on the 10th working day: met without extra time; upheld.
      base({ events: [staff({ type: "replied", date: "2026-11-16", stage: 1, outcome: "upheld" })] }),
      // 2: replied a day late: not met; not upheld. A parent, two topics, wants an advocate.
      base({
        answers: {
          role: "parent",
          eligibility: { childSituation: "child-in-need", topics: ["delay", "staff"], when: "under-12-months", proceedings: [] },
          wantsAdvocate: "yes",
        },
        events: [staff({ type: "replied", date: "2026-11-17", stage: 1, outcome: "not-upheld" })],
      }),
      // 3: more time to 20 November, replied 19th: met with extra time; partly upheld; then Stage 2 asked for.
      base({
        events: [
          staff({ type: "more-time-agreed", date: "2026-11-10", stage: 1, newDueDate: "2026-11-20", reason: "r" }),
          staff({ type: "replied", date: "2026-11-19", stage: 1, outcome: "partly-upheld" }),
          staff({ type: "stage-requested", date: "2026-11-23", stage: 2, how: "letter" }),
        ],
      }),
      // 4: more time to 20 November, replied 23rd: not met. Advocate, no topics, already has an advocate.
      base({
        answers: { role: "advocate", wantsAdvocate: "already-have" },
        events: [
          staff({ type: "more-time-agreed", date: "2026-11-10", stage: 1, newDueDate: "2026-11-20", reason: "r" }),
          staff({ type: "replied", date: "2026-11-23", stage: 1, outcome: "resolved" }),
        ],
      }),
      // 5: withdrawn; no role said, advocacy question not answered.
      base({
        answers: { eligibility: { childSituation: "none", topics: ["staff"], when: "not-sure", proceedings: [] } },
        events: [staff({ type: "withdrawn", date: "2026-11-05" })],
      }),
      // 6: moved to the Ombudsman (another organisation), local route.
      base({
        route: "council-decides",
        events: [staff({ type: "moved", date: "2026-11-05", to: "other-organisation", where: "Local Government and Social Care Ombudsman", why: "w" })],
      }),
      // 7: moved to another procedure; a corrected reply counts only once, with the correction's outcome.
      (() => {
        const first = staff({ type: "replied", date: "2026-11-04", stage: 1, outcome: "upheld" });
        return base({
          events: [
            first,
            staff({ type: "replied", date: "2026-11-04", stage: 1, outcome: "not-upheld", supersedes: first.id }),
            staff({ type: "moved", date: "2026-11-06", to: "other-procedure", where: "Schools", why: "w" }),
          ],
        });
      })(),
    ];
    const r = annualReport(cases);
    expect(r.total).toBe(7);
    expect(r.stages).toEqual({ "1": 7, "2": 1, "3": 0 });
    expect(r.who).toMatchObject({ "young-person": 4, parent: 1, advocate: 1, "not-said": 1, "foster-carer": 0 });
    // decision: cases 1, 3, 6, 7; delay: case 2; staff: cases 2 and 5; none: case 4.
    expect(r.about).toMatchObject({ decision: 4, delay: 1, staff: 2, "not-said": 1 });
    expect(r.route).toMatchObject({ statutory: 6, "council-decides": 1 });
    expect(r.outcomes["1"]).toMatchObject({ upheld: 1, "not-upheld": 2, "partly-upheld": 1, resolved: 1 });
    expect(r.timescales["1"]).toEqual({ metWithoutExtraTime: 2, metWithExtraTime: 1, notMet: 2 });
    expect(r.timescales["2"]).toEqual({ metWithoutExtraTime: 0, metWithExtraTime: 0, notMet: 0 });
    // Offered: every complaint that answered the question (1, 2, 3, 4, 6, 7); taken: case 2; already had: case 4.
    expect(r.advocacy).toEqual({ offered: 6, taken: 1, alreadyHad: 1 });
    expect(r.moved).toEqual({ otherProcedure: 1, otherOrganisation: 1 });
    expect(r.withdrawn).toBe(1);
    expect(r.ombudsman).toBe(1);
  });

  it("counts Stage 2 from the request, over the bank holidays (25 and 28 December 2026, 1 January 2027)", () => {
    // Stage 2 asked for on Mon 30 Nov 2026; 25 working days skip 25 and 28 December and 1 January: Thu 7 January 2027.
    const events = [
      staff({ type: "replied", date: "2026-11-16", stage: 1, outcome: "upheld" }),
      staff({ type: "stage-requested", date: "2026-11-30", stage: 2, how: "email" }),
    ];
    const onTime = addToReport(emptyReport(), base({ events: [...events, staff({ type: "replied", date: "2027-01-07", stage: 2, outcome: "upheld" })] }));
    expect(onTime.timescales["2"].metWithoutExtraTime).toBe(1);
    const late = addToReport(emptyReport(), base({ events: [...events, staff({ type: "replied", date: "2027-01-08", stage: 2, outcome: "upheld" })] }));
    expect(late.timescales["2"].notMet).toBe(1);
  });

  it("counts Stage 3 step by step: the panel within 30 working days of the request, its report within 5, the final response within 15", () => {
    // Stage 3 asked for on Mon 7 June 2027 (no bank holiday until 30 August): the panel by Mon 19 July;
    // a report after a 19 July panel by Mon 26 July; a response to a 26 July report by Mon 16 August.
    const stage3 = (panelOn: string, reportOn: string, responseOn?: string) =>
      base({
        events: [
          staff({ type: "stage-requested", date: "2027-06-07", stage: 3, how: "letter" }),
          staff({ type: "panel-date-set", date: "2027-06-08", panelOn }),
          staff({ type: "panel-report", date: reportOn }),
          ...(responseOn ? [staff({ type: "replied", date: responseOn, stage: 3, outcome: "upheld" })] : []),
        ],
      });
    const r = annualReport([
      stage3("2027-07-19", "2027-07-26", "2027-08-16"), // every step on time: met
      stage3("2027-07-20", "2027-07-21", "2027-07-22"), // the panel a day late: not met
      stage3("2027-07-19", "2027-07-26", "2027-08-17"), // the response a day late: not met
      stage3("2027-07-19", "2027-07-27"), // the report a day late, no response yet: not counted overall
    ]);
    expect(r.stages["3"]).toBe(4);
    expect(r.stage3Steps).toEqual({ panel: { onTime: 3, late: 1 }, panelReport: { onTime: 3, late: 1 }, finalResponse: { onTime: 2, late: 1 } });
    expect(r.timescales["3"]).toEqual({ metWithoutExtraTime: 1, metWithExtraTime: 0, notMet: 2 });
    expect(reportRows(r)).toContainEqual(["stage-3-steps", "panel-late", 1]);
    expect(reportRows(r)).toContainEqual(["stage-3-steps", "panel-report-on-time", 3]);
    expect(reportRows(r)).toContainEqual(["stage-3-steps", "final-response-late", 1]);
    expect(reportRows(r)).toContainEqual(["timescales-stage-3", "notMet", 2]);
  });

  it("counts a local procedure's third stage against its own working days", () => {
    const procedure = { kind: "local" as const, stages: [{ workingDays: 10 }, { workingDays: 10 }, { workingDays: 5 }] };
    // Stage 3 asked for on Mon 7 June 2027: 5 working days end on Mon 14 June.
    const events = (replyOn: string) => [
      staff({ type: "stage-requested", date: "2027-06-07", stage: 3, how: "letter" }),
      staff({ type: "replied", date: replyOn, stage: 3, outcome: "resolved" }),
    ];
    const r = annualReport([base({ procedure, events: events("2027-06-14") }), base({ procedure, events: events("2027-06-15") })]);
    expect(r.timescales["3"]).toEqual({ metWithoutExtraTime: 1, metWithExtraTime: 0, notMet: 1 });
    expect(r.stage3Steps.panel).toEqual({ onTime: 0, late: 0 });
  });

  it("counts the Ombudsman once a complaint: from its own event, or moved to an organisation called the Ombudsman", () => {
    const ombudsman = staff({ type: "ombudsman-referral", date: "2026-12-01" });
    const moved = staff({ type: "moved", date: "2026-11-05", to: "other-organisation", where: "The Ombudsman", why: "w" });
    const corrected = staff({ type: "ombudsman-referral", date: "2026-12-01" });
    const r = annualReport([
      base({ events: [staff({ type: "closed", date: "2026-11-20" }), ombudsman] }),
      base({ events: [moved, staff({ type: "ombudsman-referral", date: "2026-12-02" })] }),
      base({ events: [corrected, staff({ type: "ombudsman-referral", date: "2026-12-03", supersedes: corrected.id })] }),
      base(),
    ]);
    expect(r.ombudsman).toBe(3);
  });

  it("counts a panel only once its day has come, or as late once the latest day for it has gone by", () => {
    // Stage 3 asked for on Mon 7 June 2027: the panel must meet by Mon 19 July 2027.
    const panel = (panelOn: string, today: string) =>
      annualReport([
        base({
          today,
          events: [
            staff({ type: "stage-requested", date: "2027-06-07", stage: 3, how: "letter" }),
            staff({ type: "panel-date-set", date: "2027-06-08", panelOn }),
          ],
        }),
      ]).stage3Steps.panel;
    expect(panel("2027-07-16", "2027-06-10")).toEqual({ onTime: 0, late: 0 }); // set for later, on time: not met yet
    expect(panel("2027-07-16", "2027-07-16")).toEqual({ onTime: 1, late: 0 });
    expect(panel("2027-07-23", "2027-07-10")).toEqual({ onTime: 0, late: 0 }); // set for a late day, which has not come
    expect(panel("2027-07-23", "2027-07-20")).toEqual({ onTime: 0, late: 1 }); // the latest day has gone by
    // No panel date at all, and the latest day gone by: late.
    const none = annualReport([base({ today: "2027-07-20", events: [staff({ type: "stage-requested", date: "2027-06-07", stage: 3, how: "letter" })] })]);
    expect(none.stage3Steps.panel).toEqual({ onTime: 0, late: 1 });
  });
});
