import { describe, expect, it } from "vitest";
import { formatDateTime, formatLongDate } from "./format-date";

describe("formatLongDate", () => {
  it.each([
    ["2026-12-17", "Thursday 17 December 2026"],
    ["2027-01-05", "Tuesday 5 January 2027"],
    ["2024-02-29", "Thursday 29 February 2024"],
  ])("formats %s as %s whatever the time zone", (iso, expected) => {
    expect(formatLongDate(iso, "en-GB")).toBe(expected);
  });
});

describe("dates in other languages (issue 14)", () => {
  it("uses the Gregorian calendar and the language's own month names", () => {
    // Persian and Pashto default to the Solar Hijri calendar: 2026 would be 1405.
    expect(formatLongDate("2026-12-17", "fa")).toMatch(/۲۰۲۶|2026/);
    expect(formatLongDate("2026-12-17", "fa")).not.toMatch(/۱۴۰۵|1405/);
    expect(formatLongDate("2026-12-17", "ps")).not.toMatch(/۱۴۰۵|1405/);
    expect(formatLongDate("2026-12-17", "ar")).toMatch(/ديسمبر/);
    expect(formatLongDate("2026-12-17", "vi")).toMatch(/2026/);
    expect(formatLongDate("2026-12-17", "vi")).not.toMatch(/December/);
  });

  it("gives a date and a time in London for an instant", () => {
    const { date, time } = formatDateTime("2026-07-01T23:30:00.000Z", "sq");
    // Midnight-thirty on 2 July in London (BST), not 1 July.
    expect(date).toMatch(/^2 /);
    expect(time).toMatch(/12:30|00:30|0:30/);
  });
});
