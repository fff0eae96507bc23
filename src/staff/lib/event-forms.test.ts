import { describe, expect, it } from "vitest";
import { defaultStage, eventBody, EVENT_FIELDS, eventTypes, isEventType } from "./event-forms";

describe("staff event forms", () => {
  it("builds the body the API takes: stage as a number, empty optional fields and notes left out", () => {
    expect(eventBody("replied", { date: "2026-12-01", stage: "1", outcome: "upheld", note: "  " })).toEqual({
      type: "replied",
      date: "2026-12-01",
      stage: 1,
      outcome: "upheld",
    });
    expect(eventBody("sufficient-interest", { date: "2026-12-01", decision: "accepted", reason: "" })).toEqual({
      type: "sufficient-interest",
      date: "2026-12-01",
      decision: "accepted",
    });
    expect(eventBody("acknowledged", { date: "2026-12-01", note: "Rang them" })).toEqual({ type: "acknowledged", date: "2026-12-01", note: "Rang them" });
  });

  it("keeps a required field even when empty, so the server names it", () => {
    expect(eventBody("more-time-agreed", { date: "2026-12-01", stage: "1", newDueDate: "", reason: "" })).toEqual({
      type: "more-time-agreed",
      date: "2026-12-01",
      stage: 1,
      newDueDate: "",
      reason: "",
    });
  });

  it.each([
    ["stage-requested", 1, "2"],
    ["replied", 2, "2"],
    ["more-time-agreed", 1, "1"],
  ] as const)("%s at stage %i starts at stage %s", (type, stage, expected) => {
    expect(defaultStage(type, stage)).toBe(expected);
  });

  it("knows every type and only those", () => {
    expect(Object.keys(EVENT_FIELDS).sort()).toEqual([...eventTypes].sort());
    expect(isEventType("replied")).toBe(true);
    expect(isEventType("toString")).toBe(false);
    expect(isEventType(undefined)).toBe(false);
  });
});
