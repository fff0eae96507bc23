import { describe, expect, it } from "vitest";
import { formatDateTime } from "./format-date";

describe("formatDateTime", () => {
  it.each([
    ["2026-12-17T15:45:00.000Z", "17 December 2026", "3:45pm"],
    // British Summer Time: an hour ahead of UTC, so late evening UTC is the next day in London.
    ["2026-06-30T23:30:00.000Z", "1 July 2026", "12:30am"],
    ["2026-07-01T11:05:00.000Z", "1 July 2026", "12:05pm"],
    ["2027-01-05T09:00:00.000Z", "5 January 2027", "9:00am"],
  ])("shows %s as %s at %s in London", (instant, date, time) => {
    expect(formatDateTime(instant, "en-GB")).toEqual({ date, time });
  });
});
