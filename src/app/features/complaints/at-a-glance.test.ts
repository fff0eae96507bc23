import { describe, expect, it } from "vitest";
import { byUrgency, type NextDate } from "./at-a-glance";

describe("Your complaints at a glance", () => {
  it("puts late ones first (longest late first), then the nearest date, then those with none", () => {
    const items: Array<[string, NextDate | undefined]> = [
      ["none", undefined],
      ["reply soon", { kind: "reply-by", date: "2026-12-10" }],
      ["late a little", { kind: "late", date: "2026-11-30" }],
      ["ask later", { kind: "ask-by", date: "2027-01-15", stage: 2 }],
      ["late a lot", { kind: "late", date: "2026-10-01" }],
      ["ombudsman", { kind: "ombudsman-by", date: "2027-11-01" }],
    ];
    expect(byUrgency(items, ([, next]) => next).map(([name]) => name)).toEqual(["late a lot", "late a little", "reply soon", "ask later", "ombudsman", "none"]);
  });
});
