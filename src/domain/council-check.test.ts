import { describe, expect, it } from "vitest";
import { parseCouncilSettings, type CouncilSettingsInput } from "./council";
import { DEFAULT_LOCAL_PROCEDURE, describeCouncil, differencesFromStatutory, STATUTORY_TIMESCALES, unpublishedSettings } from "./council-check";

const read = "2026-12-01";
const minimal = {
  id: "testshire",
  name: "Testshire County Council",
  shortName: "Testshire",
  contact: { email: "complaints@testshire.example" },
  emergency: { childrensServices: "01632 960 000", outOfHours: "01632 960 001" },
  advocacy: [{ name: "Testshire Advocacy" }],
  privacyNotice: "https://www.testshire.example/privacy",
} satisfies CouncilSettingsInput;
const council = (changes: Record<string, unknown> = {}) => parseCouncilSettings("testshire.json", { ...structuredClone(minimal), ...changes });

describe("differencesFromStatutory", () => {
  it("finds none for a council that sets nothing, or sets only the statutory values", () => {
    expect(differencesFromStatutory(council())).toEqual([]);
    expect(differencesFromStatutory(council({ timescales: { ...STATUTORY_TIMESCALES }, localProcedure: DEFAULT_LOCAL_PROCEDURE }))).toEqual([]);
  });

  it("lists each timescale that differs, in schema order, with the default and its source", () => {
    const source = { source: "Testshire's page", read, note: "'an extra 40 working days'" };
    const differences = differencesFromStatutory(
      council({
        timescales: {
          stage2MaxWorkingDays: 70,
          acknowledgementWorkingDays: 3,
          stage3RequestWindow: { value: 28, unit: "calendar-days" },
          stage2ClockStart: "agreed-summary",
        },
        sources: { "timescales.stage2MaxWorkingDays": source },
      }),
    );
    expect(differences).toEqual([
      { field: "timescales.acknowledgementWorkingDays", value: 3, default: undefined, kind: "statutory", source: undefined },
      { field: "timescales.stage2MaxWorkingDays", value: 70, default: 65, kind: "statutory", source },
      { field: "timescales.stage2ClockStart", value: "agreed-summary", default: "request", kind: "statutory", source: undefined },
      {
        field: "timescales.stage3RequestWindow",
        value: { value: 28, unit: "calendar-days" },
        default: { value: 20, unit: "working-days" },
        kind: "statutory",
        source: undefined,
      },
    ]);
  });

  it("a window in other units is a difference even with the same number", () => {
    expect(differencesFromStatutory(council({ timescales: { stage2RequestWindow: { value: 20, unit: "calendar-days" } } })).map((d) => d.field)).toEqual([
      "timescales.stage2RequestWindow",
    ]);
  });

  it("reports a local procedure other than the app's default as an app-default difference", () => {
    expect(differencesFromStatutory(council({ localProcedure: { stages: [{ workingDays: 20 }, { workingDays: 25 }] } }))).toEqual([
      {
        field: "localProcedure",
        value: { stages: [{ workingDays: 20 }, { workingDays: 25 }] },
        default: DEFAULT_LOCAL_PROCEDURE,
        kind: "app",
        source: undefined,
      },
    ]);
  });
});

describe("unpublishedSettings", () => {
  it("lists the settings left out with a sources entry, and nothing for a complete council", () => {
    expect(unpublishedSettings(council())).toEqual([]);
    const note = { source: "Testshire's page", read, note: "not published" };
    const rest: Record<string, unknown> = structuredClone(minimal);
    delete rest.privacyNotice;
    const gaps = unpublishedSettings(
      parseCouncilSettings("t.json", {
        ...rest,
        contact: {},
        emergency: { outOfHours: "01632 960 001" },
        sources: { contact: note, "emergency.childrensServices": note, privacyNotice: note },
      }),
    );
    expect(gaps).toEqual([
      { field: "contact", source: note },
      { field: "emergency.childrensServices", source: note },
      { field: "privacyNotice", source: note },
    ]);
  });
});

describe("describeCouncil", () => {
  it("says when a council has the statutory defaults throughout", () => {
    expect(describeCouncil("testshire.json", council())).toEqual([
      "testshire.json: Testshire County Council — valid",
      "  Same as the statutory defaults in every timescale, with the app's default local procedure.",
    ]);
  });

  it("prints each difference with the default and where the value was read, and each gap", () => {
    const source = { source: "Testshire's page", read, note: "'within 28 days'" };
    const lines = describeCouncil(
      "testshire.json",
      council({
        timescales: { acknowledgementWorkingDays: 5, stage2RequestWindow: { value: 28, unit: "calendar-days" } },
        localProcedure: { stages: [{ workingDays: 20 }, { workingDays: 25 }] },
        emergency: { childrensServices: "01632 960 000" },
        sources: { "timescales.stage2RequestWindow": source, "emergency.outOfHours": { source: "Testshire's page", read } },
      }),
    );
    expect(lines).toEqual([
      "testshire.json: Testshire County Council — valid",
      "  Differs from the defaults in:",
      "    - timescales.acknowledgementWorkingDays: 5 (statutory: none) — no source given",
      "    - timescales.stage2RequestWindow: 28 calendar-days (statutory: 20 working-days) — 'within 28 days'; Testshire's page, read 2026-12-01",
      "    - localProcedure: 20 then 25 working days (app default: 10 then 20 working days) — no source given",
      "  Left out, to be supplied before going live:",
      "    - emergency.outOfHours — Testshire's page, read 2026-12-01",
    ]);
  });
});
