import { describe, expect, it } from "vitest";
import english from "../../locales/en-GB/validation.json" with { type: "json" };
import riversideJson from "../../test/fixtures/councils/riverside.json" with { type: "json" };
import exampleJson from "../../test/fixtures/councils/example-borough.json" with { type: "json" };
import type { Complaint } from "./complaint";
import { councilSettingsSchema } from "./council";
import {
  escalationProblemKeys,
  escalationSchema,
  nextStage,
  procedureFor,
  progressEvents,
  replyDateProblem,
  stageCount,
  type ProgressEscalation,
} from "./progress";
import { computeTimeline, timelineEventSchema, type Procedure } from "./timeline";

const riverside = councilSettingsSchema.parse(riversideJson);
const example = councilSettingsSchema.parse(exampleJson);
const STATUTORY: Procedure = { kind: "statutory" };
const LOCAL_2: Procedure = { kind: "local", stages: [{ workingDays: 20 }, { workingDays: 25 }] };
const LOCAL_3: Procedure = { kind: "local", stages: [{ workingDays: 10 }, { workingDays: 20 }, { workingDays: 20 }] };
const LOCAL_4: Procedure = { kind: "local", stages: [{ workingDays: 5 }, { workingDays: 10 }, { workingDays: 15 }, { workingDays: 20 }] };

type Answers = Pick<Complaint, "role" | "eligibility">;

describe("procedureFor", () => {
  it.each<[string, Answers, Procedure["kind"]]>([
    [
      "a looked-after young person about a decision",
      { role: "young-person", eligibility: { childSituation: "looked-after", topics: ["decision"] } },
      "statutory",
    ],
    ["no answers at all", {}, "statutory"],
    ["a parent about child protection only", { role: "parent", eligibility: { childSituation: "child-in-need", topics: ["child-protection"] } }, "local"],
    ["early help only, nobody said who", { eligibility: { topics: ["early-help"] } }, "local"],
    ["youth justice only", { role: "young-person", eligibility: { topics: ["youth-justice"] } }, "local"],
    [
      "child protection and a decision (the statutory part leads)",
      { role: "parent", eligibility: { childSituation: "looked-after", topics: ["child-protection", "decision"] } },
      "statutory",
    ],
    ["an interested person (council decides)", { role: "interested-person", eligibility: { topics: ["decision"] } }, "statutory"],
    ["health only (another organisation)", { role: "parent", eligibility: { topics: ["health"] } }, "statutory"],
  ])("%s → %s", (_name, answers, kind) => {
    expect(procedureFor(answers, riverside).kind).toBe(kind);
  });

  it("uses the council's own local stages", () => {
    const answers: Answers = { role: "parent", eligibility: { topics: ["child-protection"] } };
    expect(procedureFor(answers, riverside)).toEqual({ kind: "local", stages: [{ workingDays: 20 }, { workingDays: 25 }] });
    // A council that sets none gets the settings default of two stages.
    expect(procedureFor(answers, example)).toEqual({ kind: "local", stages: example.localProcedure.stages });
  });
});

describe("stageCount and nextStage", () => {
  it.each<[string, Procedure, number]>([
    ["statutory", STATUTORY, 3],
    ["local, 2 stages", LOCAL_2, 2],
    ["local, 3 stages", LOCAL_3, 3],
    ["local, 4 stages", LOCAL_4, 4],
  ])("%s has %i stages", (_name, procedure, count) => {
    expect(stageCount(procedure)).toBe(count);
  });

  it.each<[string, Procedure, number, number | undefined]>([
    ["statutory", STATUTORY, 1, 2],
    ["statutory", STATUTORY, 2, 3],
    ["statutory", STATUTORY, 3, undefined],
    ["local 2", LOCAL_2, 1, 2],
    ["local 2", LOCAL_2, 2, undefined],
    ["local 4", LOCAL_4, 3, 4],
    ["local 4", LOCAL_4, 4, undefined],
  ])("%s: after stage %i comes %s", (_name, procedure, current, next) => {
    expect(nextStage(procedure, current)).toBe(next);
  });

  it.each<[Procedure, number]>([
    [STATUTORY, 0],
    [STATUTORY, 4],
    [STATUTORY, 1.5],
    [LOCAL_2, 3],
    [LOCAL_2, Number.NaN],
  ])("throws for a stage the procedure lacks (%j, %s)", (procedure, current) => {
    expect(() => nextStage(procedure, current)).toThrow(RangeError);
  });
});

describe("progressEvents", () => {
  it.each<[string, Procedure, ProgressEscalation[], unknown[]]>([
    ["statutory, nothing asked yet", STATUTORY, [], [{ type: "received", date: "2026-03-02" }]],
    [
      "statutory, Stage 2 with the reply date",
      STATUTORY,
      [{ toStage: 2, requestedOn: "2026-03-20", replyReceivedOn: "2026-03-16" }],
      [
        { type: "received", date: "2026-03-02" },
        { type: "stage1-response", date: "2026-03-16" },
        { type: "stage2-requested", date: "2026-03-20" },
      ],
    ],
    [
      "statutory, Stage 2 without a reply date, then Stage 3 with one",
      STATUTORY,
      [
        { toStage: 2, requestedOn: "2026-03-20" },
        { toStage: 3, requestedOn: "2026-05-11", replyReceivedOn: "2026-05-04" },
      ],
      [
        { type: "received", date: "2026-03-02" },
        { type: "stage2-requested", date: "2026-03-20" },
        { type: "stage2-response", date: "2026-05-04" },
        { type: "stage3-requested", date: "2026-05-11" },
      ],
    ],
    [
      "local, Stage 2 with the reply date",
      LOCAL_2,
      [{ toStage: 2, requestedOn: "2026-04-01", replyReceivedOn: "2026-03-30" }],
      [
        { type: "received", date: "2026-03-02" },
        { type: "local-stage-response", date: "2026-03-30", stage: 1 },
        { type: "local-stage-requested", date: "2026-04-01", stage: 2 },
      ],
    ],
    [
      "local, stages 2 to 4, given out of order",
      LOCAL_4,
      [
        { toStage: 4, requestedOn: "2026-05-01" },
        { toStage: 2, requestedOn: "2026-03-10", replyReceivedOn: "2026-03-09" },
        { toStage: 3, requestedOn: "2026-04-01" },
      ],
      [
        { type: "received", date: "2026-03-02" },
        { type: "local-stage-response", date: "2026-03-09", stage: 1 },
        { type: "local-stage-requested", date: "2026-03-10", stage: 2 },
        { type: "local-stage-requested", date: "2026-04-01", stage: 3 },
        { type: "local-stage-requested", date: "2026-05-01", stage: 4 },
      ],
    ],
  ])("%s", (_name, procedure, escalations, events) => {
    const result = progressEvents({ receivedOn: "2026-03-02", procedure, escalations });
    expect(result).toEqual(events);
    for (const event of result) expect(timelineEventSchema.parse(event)).toEqual(event);
  });

  it.each<[string, Procedure, number[]]>([
    ["statutory, received only", STATUTORY, []],
    ["statutory, at Stage 2", STATUTORY, [2]],
    ["statutory, at Stage 3", STATUTORY, [2, 3]],
    ["local 2, at stage 1", LOCAL_2, []],
    ["local 2, at stage 2", LOCAL_2, [2]],
    ["local 4, at stage 4", LOCAL_4, [2, 3, 4]],
  ])("computeTimeline accepts the events and is at the latest stage: %s", (_name, procedure, stages) => {
    const escalations = stages.map((toStage, i) => ({
      toStage,
      requestedOn: `2026-0${4 + i}-15`,
      replyReceivedOn: `2026-0${4 + i}-10`,
    }));
    const timeline = computeTimeline({
      timescales: riverside.timescales,
      procedure,
      events: progressEvents({ receivedOn: "2026-03-02", procedure, escalations }),
      today: "2026-09-01",
    });
    expect(timeline.current).toBe(stages.at(-1) ?? 1);
    expect(timeline.warnings).toEqual([]);
    // Every stage before the current one has finished.
    for (const stage of timeline.stages.filter((s) => s.stage < (timeline.current ?? 1))) expect(stage.status).toBe("finished");
  });

  it.each<[string, Procedure, number]>([
    ["statutory Stage 4", STATUTORY, 4],
    ["statutory Stage 1", STATUTORY, 1],
    ["local stage 5", LOCAL_4, 5],
    ["a fractional stage", LOCAL_4, 2.5],
  ])("throws for %s", (_name, procedure, toStage) => {
    expect(() => progressEvents({ receivedOn: "2026-03-02", procedure, escalations: [{ toStage, requestedOn: "2026-03-10" }] })).toThrow(
      /Cannot ask for stage/,
    );
  });

  it("passes on a local stage beyond the council's current settings, for computeTimeline to warn about", () => {
    const events = progressEvents({
      receivedOn: "2026-03-02",
      procedure: LOCAL_2,
      escalations: [
        { toStage: 2, requestedOn: "2026-03-10" },
        { toStage: 3, requestedOn: "2026-04-10" },
      ],
    });
    expect(events.at(-1)).toEqual({ type: "local-stage-requested", date: "2026-04-10", stage: 3 });
  });

  it.each([
    ["receivedOn", { receivedOn: "2026-02-30", escalations: [] }],
    ["requestedOn", { receivedOn: "2026-03-02", escalations: [{ toStage: 2, requestedOn: "20/03/2026" }] }],
    ["replyReceivedOn", { receivedOn: "2026-03-02", escalations: [{ toStage: 2, requestedOn: "2026-03-20", replyReceivedOn: "" }] }],
  ])("throws naming a bad %s", (field, input) => {
    expect(() => progressEvents({ procedure: STATUTORY, ...input })).toThrow(new RegExp(`^${field} is not a valid date`));
  });
});

const VALID = {
  id: "5b0c1f4e-2d3a-4b5c-8d6e-7f8091a2b3c4",
  schemaVersion: 1,
  toStage: 2,
  why: "They did not answer what I asked about my contact with my brother.",
  submittedAt: "2026-03-20T09:15:00.000Z",
};

function problems(input: unknown): string[] {
  const result = escalationSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")} → ${i.message}`);
}

describe("escalationSchema", () => {
  it("accepts the minimum: id, version, stage, why and when it was sent", () => {
    expect(escalationSchema.parse(VALID)).toEqual(VALID);
  });

  it("accepts every field, trimming the texts", () => {
    const full = { ...VALID, toStage: 4, why: "  Not fixed.\n", wantNow: " A meeting. ", replyReceivedOn: "2026-03-16" };
    expect(escalationSchema.parse(full)).toEqual({ ...full, why: "Not fixed.", wantNow: "A meeting." });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ["why missing", { why: undefined }, ["why → validation:escalation.why.type"]],
    ["why only spaces", { why: "  \n " }, ["why → validation:escalation.why.required"]],
    ["why not text", { why: 3 }, ["why → validation:escalation.why.type"]],
    ["why 5,001 characters", { why: "x".repeat(5001) }, ["why → validation:escalation.why.tooLong"]],
    ["wantNow 5,001 characters", { wantNow: "x".repeat(5001) }, ["wantNow → validation:escalation.wantNow.tooLong"]],
    ["wantNow not text", { wantNow: ["a"] }, ["wantNow → validation:escalation.wantNow.type"]],
    ["toStage 1", { toStage: 1 }, ["toStage → validation:escalation.toStage.type"]],
    ["toStage 5", { toStage: 5 }, ["toStage → validation:escalation.toStage.type"]],
    ["toStage 2.5", { toStage: 2.5 }, ["toStage → validation:escalation.toStage.type"]],
    ["toStage as text", { toStage: "2" }, ["toStage → validation:escalation.toStage.type"]],
    ["replyReceivedOn not a real day", { replyReceivedOn: "2026-02-30" }, ["replyReceivedOn → validation:escalation.replyReceivedOn.format"]],
    ["replyReceivedOn as a British date", { replyReceivedOn: "16/03/2026" }, ["replyReceivedOn → validation:escalation.replyReceivedOn.format"]],
    ["replyReceivedOn a number", { replyReceivedOn: 20260316 }, ["replyReceivedOn → validation:escalation.replyReceivedOn.type"]],
    ["a bad id", { id: "not-a-uuid" }, ["id → validation:id.format"]],
    ["schemaVersion 2", { schemaVersion: 2 }, ["schemaVersion → validation:schemaVersion.unsupported"]],
    ["submittedAt without a time", { submittedAt: "2026-03-20" }, ["submittedAt → validation:datetime.format"]],
    ["an unknown field", { isAdmin: true }, [' → Unrecognized key: "isAdmin"']],
  ])("%s", (_name, change, expected) => {
    // A change to undefined removes the field.
    const input = Object.fromEntries(Object.entries({ ...VALID, ...change }).filter(([, v]) => v !== undefined));
    expect(problems(input)).toEqual(expected);
  });

  it.each(["why", "wantNow"])("%s: 5,000 characters are accepted", (field) => {
    expect(problems({ ...VALID, [field]: "x".repeat(5000) })).toEqual([]);
  });

  it.each(["why", "wantNow"])("the English %s.tooLong text names the 5,000 limit", (field) => {
    const texts = english.escalation[field as "why" | "wantNow"];
    expect(texts.tooLong).toContain("5,000 characters or fewer");
  });
});

describe("replyDateProblem", () => {
  const bounds = { receivedOn: "2026-03-02", today: "2026-03-20" };
  it.each<[string, string | undefined]>([
    ["2026-03-02", undefined],
    ["2026-03-10", undefined],
    ["2026-03-20", undefined],
    ["2026-03-21", escalationProblemKeys.replyInFuture],
    ["2027-01-01", escalationProblemKeys.replyInFuture],
    ["2026-03-01", escalationProblemKeys.replyBeforeComplaint],
  ])("%s → %s", (date, problem) => {
    expect(replyDateProblem(date, bounds)).toBe(problem);
  });

  it("throws naming a date that is not real", () => {
    expect(() => replyDateProblem("2026-03-02", { receivedOn: "2026-03-02", today: "tomorrow" })).toThrow(/^today is not a valid date/);
  });

  it("has English text for every problem key", () => {
    for (const problem of Object.values(escalationProblemKeys)) {
      const text = problem
        .slice("validation:".length)
        .split(".")
        .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], english);
      expect(text, problem).toEqual(expect.stringMatching(/\w/));
    }
  });
});
