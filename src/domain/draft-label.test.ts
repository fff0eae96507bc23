import { describe, expect, it } from "vitest";
import { defaultLabelParts, initialsOf } from "./draft-label";

describe("a draft's default name", () => {
  it.each([
    ["Jamie Rivers", "J.R."],
    ["jamie", "J."],
    ["  Mary-Jane  O'Neil ", "M.J.O."],
    ["Anna Maria de la Cruz", "A.M.D."],
    ["محمد علي", "م.ع."],
    ["J", "J."],
    ["   ", undefined],
    ["123", undefined],
  ])("takes initials from %j: %j, never the whole name", (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
    if (initials && name.trim().length > 1) expect(initials).not.toContain(name.trim());
  });

  it.each([
    [
      { childName: "Jamie Rivers", topics: ["delay" as const, "staff" as const] },
      { initials: "J.R.", topic: "delay" },
    ],
    [{ topics: ["decision" as const] }, { topic: "decision" }],
    [{ childName: "Sam" }, { initials: "S." }],
    [{}, {}],
  ])("from %j: %j", (answers, parts) => {
    expect(defaultLabelParts(answers)).toEqual(parts);
  });
});
