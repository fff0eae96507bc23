import { describe, expect, it } from "vitest";
import { addWorkingDays } from "./calendar";
import { timescalesSchema } from "./council";
import { ombudsmanStep } from "./ombudsman";
import { computeTimeline, type TimelineEvent } from "./timeline";

const timescales = timescalesSchema.parse({});

function step(events: TimelineEvent[], today: string) {
  const timeline = computeTimeline({ timescales, procedure: { kind: "statutory" }, events, today });
  const stage = Math.max(1, ...events.map((e) => (e.type === "stage2-requested" ? 2 : e.type === "stage3-requested" ? 3 : 1)));
  return ombudsmanStep(
    timeline,
    timeline.stages.find((s) => s.stage === stage),
    3,
    today,
  );
}

// Received Monday 2 November 2026: Stage 1 is due in 10 working days, at the latest in 20 (30 November).
const received: TimelineEvent = { type: "received", date: "2026-11-02" };
const latest = addWorkingDays("2026-11-02", 20);

describe("the Ombudsman step (issue 15)", () => {
  it.each([
    ["on time", "2026-11-10", undefined],
    ["late, but not for long", addWorkingDays(latest, 19), undefined],
  ])("is not shown while the council is %s", (_name, today, expected) => {
    expect(step([received], today)).toEqual(expected);
  });

  it("is shown once the council has not replied for 20 working days after its latest date, with 12 months from that date as the guide", () => {
    expect(step([received], addWorkingDays(latest, 20))).toEqual({ reason: "no-reply", lateSince: latest, by: "2027-11-30" });
  });

  it("is shown when the final response is recorded, with the date 12 months after it", () => {
    const events: TimelineEvent[] = [
      received,
      { type: "stage1-response", date: "2026-11-13" },
      { type: "stage2-requested", date: "2026-11-20" },
      { type: "stage2-response", date: "2027-01-15" },
      { type: "stage3-requested", date: "2027-01-20" },
      { type: "panel-met", date: "2027-02-10" },
      { type: "panel-report", date: "2027-02-15" },
      { type: "final-response", date: "2027-03-01" },
    ];
    expect(step(events, "2027-03-05")).toEqual({ reason: "final-response", respondedOn: "2027-03-01", by: "2028-03-01" });
  });

  it("is not shown after an earlier stage's reply: the next stage comes first", () => {
    expect(step([received, { type: "stage1-response", date: "2026-11-13" }], "2027-06-01")).toBeUndefined();
  });
});
