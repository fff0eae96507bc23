import { describe, expect, it } from "vitest";
import { formatLongDate } from "./format-date";

describe("formatLongDate", () => {
  it.each([
    ["2026-12-17", "Thursday 17 December 2026"],
    ["2027-01-05", "Tuesday 5 January 2027"],
    ["2024-02-29", "Thursday 29 February 2024"],
  ])("formats %s as %s whatever the time zone", (iso, expected) => {
    expect(formatLongDate(iso, "en-GB")).toBe(expected);
  });
});
