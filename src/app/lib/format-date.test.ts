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

  it("says what Intl says in British English, day by day from 2024 to 2031", () => {
    // English is put together without Intl (it is cheaper while a page hydrates); the words and
    // their order must still be Intl's, without ICU's punctuation.
    const intl = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    for (let time = Date.UTC(2024, 0, 1); time < Date.UTC(2032, 0, 1); time += 86_400_000) {
      const day = new Date(time);
      const part = (type: Intl.DateTimeFormatPartTypes) => intl.formatToParts(day).find((p) => p.type === type)?.value;
      const iso = day.toISOString().slice(0, 10);
      expect(formatLongDate(iso, "en-GB")).toBe(`${part("weekday")} ${part("day")} ${part("month")} ${part("year")}`);
    }
  });

  it("refuses a date that does not exist, as Intl does", () => {
    expect(() => formatLongDate("2026-02-30x", "en-GB")).toThrow(RangeError);
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
