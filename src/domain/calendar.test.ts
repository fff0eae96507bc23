import { describe, expect, it } from "vitest";
import rawData from "./bank-holidays.json" with { type: "json" };
import {
  BANK_HOLIDAY_DATA_SOURCE,
  BANK_HOLIDAY_DATA_VERSION,
  PUBLISHED_BANK_HOLIDAY_YEARS,
  addCalendarDays,
  addMonths,
  addWorkingDays,
  assertIsoDate,
  bankHolidayTitle,
  bankHolidays,
  bankHolidaysByRule,
  compareDates,
  dayOfWeek,
  isIsoDate,
  isWorkingDay,
  parseBankHolidayData,
  parseIsoDate,
  londonDate,
  todayIso,
  workingDaysBetween,
} from "./calendar";

/** docs/domain.md §6, copied by hand: the data file must say exactly this. */
const PUBLISHED: Record<number, string> = {
  2018: "01-01, 03-30, 04-02, 05-07, 05-28, 08-27, 12-25, 12-26",
  2019: "01-01, 04-19, 04-22, 05-06, 05-27, 08-26, 12-25, 12-26",
  2020: "01-01, 04-10, 04-13, 05-08, 05-25, 08-31, 12-25, 12-28",
  2021: "01-01, 04-02, 04-05, 05-03, 05-31, 08-30, 12-27, 12-28",
  2022: "01-03, 04-15, 04-18, 05-02, 06-02, 06-03, 08-29, 09-19, 12-26, 12-27",
  2023: "01-02, 04-07, 04-10, 05-01, 05-08, 05-29, 08-28, 12-25, 12-26",
  2024: "01-01, 03-29, 04-01, 05-06, 05-27, 08-26, 12-25, 12-26",
  2025: "01-01, 04-18, 04-21, 05-05, 05-26, 08-25, 12-25, 12-26",
  2026: "01-01, 04-03, 04-06, 05-04, 05-25, 08-31, 12-25, 12-28",
  2027: "01-01, 03-26, 03-29, 05-03, 05-31, 08-30, 12-27, 12-28",
};
const publishedDates = (year: number) => (PUBLISHED[year] ?? "").split(", ").map((md) => `${year}-${md}`);
const YEARS = Object.keys(PUBLISHED).map(Number);

/** Proclaimed for one year only; the rules cannot know them. */
const ONE_OFFS = ["2020-05-08", "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08"];
/** Regular days that were moved to make way for a one-off, so were ordinary working days. */
const MOVED_FROM = ["2020-05-04", "2022-05-30"];

/** A deliberately naive oracle: walk one calendar day at a time. */
function naiveAddWorkingDays(received: string, n: number): string {
  let day = received;
  for (let left = n; left > 0;) {
    day = addCalendarDays(day, 1);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

function everyDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) days.push(d);
  return days;
}

describe("bank holiday data (docs/domain.md §6)", () => {
  it("lists exactly the 83 published dates for 2018–2027", () => {
    const all = YEARS.flatMap(publishedDates);
    expect(all).toHaveLength(83);
    expect(rawData.events.map((e) => e.date)).toEqual(all);
    expect(PUBLISHED_BANK_HOLIDAY_YEARS).toEqual(YEARS);
  });

  it.each(YEARS)("bankHolidays(%i) is the published list, sorted", (year) => {
    expect(bankHolidays(year)).toEqual(publishedDates(year));
  });

  it("gives every date a title and carries a dated version and a source", () => {
    expect(rawData.events.every((e) => e.title.trim().length > 0)).toBe(true);
    expect(isIsoDate(BANK_HOLIDAY_DATA_VERSION)).toBe(true);
    expect(BANK_HOLIDAY_DATA_VERSION).toBe(rawData.version);
    expect(BANK_HOLIDAY_DATA_SOURCE).toContain("gov.uk");
  });

  it.each(YEARS)("the rules reproduce every regular %i date (data minus one-offs = rules minus moved days)", (year) => {
    const data = bankHolidays(year).filter((d) => !ONE_OFFS.includes(d));
    const rules = bankHolidaysByRule(year).filter((d) => !MOVED_FROM.includes(d));
    expect(data).toEqual(rules);
  });

  it.each(ONE_OFFS)("one-off %s is not a working day", (date) => {
    expect(isWorkingDay(date)).toBe(false);
    expect(bankHolidaysByRule(Number(date.slice(0, 4)))).not.toContain(date);
  });

  it.each(MOVED_FROM)("%s, the regular day that was moved, is a working day", (date) => {
    expect(bankHolidaysByRule(Number(date.slice(0, 4)))).toContain(date);
    expect(isWorkingDay(date)).toBe(true);
  });

  it.each([
    ["2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II"],
    ["2026-12-28", "Boxing Day (substitute day)"],
    ["2022-12-26", "Boxing Day"],
    ["2033-01-03", "New Year’s Day (substitute day)"],
    ["2033-12-27", "Christmas Day (substitute day)"],
    ["2032-12-28", "Boxing Day (substitute day)"],
    ["2030-04-19", "Good Friday"],
    ["2030-08-26", "Summer bank holiday"],
    ["2025-06-02", undefined],
  ])("bankHolidayTitle(%s) is %j", (date, title) => {
    expect(bankHolidayTitle(date)).toBe(title);
  });
});

describe("parseBankHolidayData: a council's edit is checked", () => {
  const withEvents = (events: unknown[]) => ({ ...rawData, events: [...rawData.events, ...events] });
  const eightIn2028 = bankHolidaysByRule(2028).map((date) => ({ date, title: "Rule day" }));

  it("accepts the shipped file and a complete new year", () => {
    expect(parseBankHolidayData(rawData).events).toHaveLength(83);
    expect(parseBankHolidayData(withEvents(eightIn2028)).events).toHaveLength(91);
  });

  it.each([
    ["a year with only one date", [{ date: "2028-06-05", title: "New holiday" }], "2028 has 1 date(s)"],
    ["a weekend date", [...eightIn2028, { date: "2028-06-03", title: "Saturday" }], "2028-06-03 is a weekend"],
    ["a repeated date", [...eightIn2028, { date: "2028-01-03", title: "Again" }], "2028-01-03 is listed twice"],
    ["a date that does not exist", [{ date: "2028-02-30", title: "Nope" }], '"2028-02-30"'],
    ["an empty title", [{ date: "2028-06-05", title: " " }], "events.83.title"],
    ["a year outside 1970–2100", bankHolidaysByRule(2100).map((d) => ({ date: d.replace("2100", "2101"), title: "x" })), "outside 1970–2100"],
  ])("rejects %s", (_, events, message) => {
    expect(() => parseBankHolidayData(withEvents(events))).toThrow(message);
  });

  it("rejects a missing version and another division", () => {
    expect(() => parseBankHolidayData({ ...rawData, version: undefined })).toThrow("version");
    expect(() => parseBankHolidayData({ ...rawData, division: "scotland" })).toThrow("division");
    expect(() => parseBankHolidayData("nonsense")).toThrow("(top level)");
  });
});

describe("bank holiday rules for years without data", () => {
  it.each([
    // [year, dates] — each covers a different New Year / Christmas weekday.
    [1970, "01-01, 03-27, 03-30, 05-04, 05-25, 08-31, 12-25, 12-28"], // Christmas Friday
    [2028, "01-03, 04-14, 04-17, 05-01, 05-29, 08-28, 12-25, 12-26"], // 1 Jan Saturday, Christmas Monday
    [2032, "01-01, 03-26, 03-29, 05-03, 05-31, 08-30, 12-27, 12-28"], // Christmas Saturday
    [2033, "01-03, 04-15, 04-18, 05-02, 05-30, 08-29, 12-26, 12-27"], // 1 Jan Saturday, Christmas Sunday
    [2034, "01-02, 04-07, 04-10, 05-01, 05-29, 08-28, 12-25, 12-26"], // 1 Jan Sunday
    [2037, "01-01, 04-03, 04-06, 05-04, 05-25, 08-31, 12-25, 12-28"], // Christmas Friday
    [2038, "01-01, 04-23, 04-26, 05-03, 05-31, 08-30, 12-27, 12-28"], // latest Easter (25 April)
    [2100, "01-01, 03-26, 03-29, 05-03, 05-31, 08-30, 12-27, 12-28"], // not a leap year
  ])("%i", (year, dates) => {
    const expected = dates.split(", ").map((md) => `${year}-${md}`);
    expect(bankHolidays(year)).toEqual(expected);
    expect(bankHolidaysByRule(year)).toEqual(expected);
  });

  it("uses Gregorian Easter for early and late Easters", () => {
    expect(bankHolidays(2008)).toContain("2008-03-21"); // Easter 23 March
    expect(bankHolidays(2008)).toContain("2008-03-24");
    expect(bankHolidays(2038)).toContain("2038-04-23"); // Easter 25 April
  });

  it.each([1969, 2101, 2020.5, Number.NaN])("throws a RangeError naming the year %s", (year) => {
    expect(() => bankHolidays(year)).toThrow(RangeError);
    expect(() => bankHolidays(year)).toThrow(String(year));
    expect(() => bankHolidaysByRule(year)).toThrow(RangeError);
  });
});

describe("substitute days (docs/domain.md §6)", () => {
  it.each([
    ["2020-12-28", "Boxing Day, 25th on Friday"],
    ["2021-12-27", "Christmas, 25th on Saturday"],
    ["2021-12-28", "Boxing Day, 25th on Saturday"],
    ["2022-01-03", "New Year on Saturday"],
    ["2022-12-27", "Christmas, 25th on Sunday"],
    ["2023-01-02", "New Year on Sunday"],
    ["2026-12-28", "Boxing Day, 25th on Friday"],
    ["2027-12-27", "Christmas, 25th on Saturday"],
    ["2027-12-28", "Boxing Day, 25th on Saturday"],
    ["2028-01-03", "New Year on Saturday (rule year)"],
    ["2033-12-27", "Christmas, 25th on Sunday (rule year)"],
  ])("%s (%s) is not a working day", (date) => {
    expect(isWorkingDay(date)).toBe(false);
  });

  it.each([
    ["2021-12-24", true],
    ["2022-12-28", true],
    ["2020-12-29", true],
    ["2021-12-25", false], // Saturday
    ["2022-12-25", false], // Sunday
  ])("%s working day: %s", (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });
});

describe("addWorkingDays (reg 2; day 1 = first working day after receipt)", () => {
  it.each([
    ["2022-09-13", 10, "2022-09-28", "§6: skips the State Funeral, 19 Sep"],
    ["2022-05-25", 10, "2022-06-10", "§6: skips the Jubilee, 2–3 June"],
    ["2023-04-28", 20, "2023-05-31", "§6: skips 1, 8 and 29 May"],
    ["2021-12-20", 20, "2022-01-20", "§6: skips 27, 28 Dec and 3 Jan"],
    ["2024-03-25", 65, "2024-06-28", "§6: Easter and both May holidays"],
    ["2022-09-16", 10, "2022-10-03", "Decisions: Friday, then the funeral Monday"],
    ["2026-12-03", 10, "2026-12-17", "issue example: Thursday to Thursday"],
    ["2026-12-03", 20, "2027-01-05", "issue example: across Christmas and New Year"],
  ])("%s + %i working days = %s (%s)", (received, n, expected) => {
    expect(addWorkingDays(received, n)).toBe(expected);
    expect(workingDaysBetween(received, expected)).toBe(n);
    expect(naiveAddWorkingDays(received, n)).toBe(expected);
  });

  it.each([
    ["2025-06-07", 1, "2025-06-09", "Saturday"],
    ["2025-06-08", 1, "2025-06-09", "Sunday"],
    ["2025-06-08", 10, "2025-06-20", "Sunday, 10 days"],
    ["2025-05-26", 1, "2025-05-27", "Spring bank holiday"],
    ["2025-04-18", 1, "2025-04-22", "Good Friday (Easter Monday follows)"],
    ["2025-12-25", 1, "2025-12-29", "Christmas Day"],
    ["2022-09-19", 1, "2022-09-20", "the State Funeral"],
  ])("received %s + %i = %s (received on a %s)", (received, n, expected) => {
    expect(addWorkingDays(received, n)).toBe(expected);
  });

  it.each([
    ["2026-12-24", 1, "2026-12-29"],
    ["2027-12-24", 1, "2027-12-29"],
    ["2027-12-31", 1, "2028-01-04"], // into a rule year with a substitute New Year
    ["2025-12-31", 1, "2026-01-02"],
    ["2024-12-20", 10, "2025-01-08"],
    ["2099-12-31", 1, "2100-01-04"], // 1 Jan 2100 Friday; then the weekend
  ])("year end: %s + %i = %s", (received, n, expected) => {
    expect(addWorkingDays(received, n)).toBe(expected);
  });

  it.each(["2025-06-08", "2025-12-25", "2025-06-10"])("n = 0 returns the day received, %s, unchanged", (received) => {
    expect(addWorkingDays(received, 0)).toBe(received);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "3"])("n = %j throws", (n) => {
    expect(() => addWorkingDays("2025-06-10", n as number)).toThrow(RangeError);
    expect(() => addWorkingDays("2025-06-10", n as number)).toThrow(typeof n === "string" ? '"3"' : String(n));
  });

  it("throws a RangeError naming the year when the count leaves 1970–2100", () => {
    expect(() => addWorkingDays("2100-12-30", 5)).toThrow(/2101/);
    expect(() => isWorkingDay("1969-12-31")).toThrow(RangeError);
    expect(() => isWorkingDay("1969-12-31")).toThrow("1969");
  });

  it("matches a day-by-day walk for every start date 2019–2028 and the statutory periods", () => {
    const mismatches: string[] = [];
    for (const received of everyDay("2019-01-01", "2028-12-31")) {
      for (const n of [1, 3, 5, 10, 20, 25, 65]) {
        const fast = addWorkingDays(received, n);
        if (fast !== naiveAddWorkingDays(received, n)) mismatches.push(`${received}+${n}`);
        if (workingDaysBetween(received, fast) !== n) mismatches.push(`between ${received} ${fast}`);
        if (workingDaysBetween(fast, received) !== -n) mismatches.push(`back ${fast} ${received}`);
        if (!isWorkingDay(fast)) mismatches.push(`not a working day: ${fast}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe("workingDaysBetween", () => {
  it.each([
    ["2025-06-10", "2025-06-10", 0],
    ["2025-06-06", "2025-06-09", 1], // Friday to Monday
    ["2025-06-07", "2025-06-08", 0], // Saturday to Sunday
    ["2025-06-09", "2025-06-06", -1],
    ["2022-09-16", "2022-09-19", 0], // Friday to the funeral Monday
    ["2024-12-31", "2025-12-31", 253], // all of 2025: 261 weekdays less 8 bank holidays
    ["2025-01-01", "2025-12-31", 253], // 1 Jan is not counted, and is a holiday anyway
    ["2025-01-02", "2025-12-31", 252], // 2 Jan is a working day, not counted
    ["2020-01-01", "2030-01-01", -workingDaysBetween("2030-01-01", "2020-01-01")],
  ])("from %s to %s is %i", (from, to, expected) => {
    expect(workingDaysBetween(from, to)).toBe(expected);
  });

  it("counts the working days after `from` up to and including `to`, for many pairs", () => {
    const days = everyDay("2021-11-01", "2023-02-28").filter((_, i) => i % 11 === 0);
    for (const from of days) {
      for (const to of days) {
        if (to < from) continue;
        const expected = everyDay(addCalendarDays(from, 1), to).filter(isWorkingDay).length;
        expect(workingDaysBetween(from, to), `${from} → ${to}`).toBe(from === to ? 0 : expected);
      }
    }
  });
});

describe("dates: parsing and validation", () => {
  it.each([
    ["2024-02-29", true], // leap year
    ["2023-02-29", false],
    ["2100-02-29", false], // divisible by 100, not by 400
    ["2000-02-29", true], // divisible by 400
    ["2025-04-31", false],
    ["2025-12-31", true],
    ["2025-13-01", false],
    ["2025-00-10", false],
    ["2025-01-00", false],
    ["2025-1-01", false],
  ])("isIsoDate(%s) is %s", (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it("parseIsoDate splits a date", () => {
    expect(parseIsoDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    expect(() => assertIsoDate("2024-02-29")).not.toThrow();
  });

  const invalid: [unknown, string][] = [
    ["2025-02-30", '"2025-02-30"'],
    ["2025-2-3", '"2025-2-3"'],
    ["tomorrow", '"tomorrow"'],
    ["", '""'],
    ["2025-02-3x", '"2025-02-3x"'],
    ["2025/02/03", '"2025/02/03"'],
    [" 2025-02-03", '" 2025-02-03"'],
    [20250203, "20250203"],
    [null, "null"],
    [undefined, "undefined"],
    [new Date(Number.NaN), "Invalid Date"],
    [new Date("2025-02-03T00:00:00Z"), "2025-02-03T00:00:00.000Z"],
    [{ date: "2025-02-03" }, "[object Object]"],
  ];
  const calls: [string, (value: unknown) => unknown][] = [
    ["parseIsoDate", (v) => parseIsoDate(v)],
    ["assertIsoDate", (v) => assertIsoDate(v)],
    ["isWorkingDay", (v) => isWorkingDay(v as string)],
    ["addWorkingDays", (v) => addWorkingDays(v as string, 1)],
    ["addWorkingDays (n = 0)", (v) => addWorkingDays(v as string, 0)],
    ["workingDaysBetween (from)", (v) => workingDaysBetween(v as string, "2025-01-01")],
    ["workingDaysBetween (to)", (v) => workingDaysBetween("2025-01-01", v as string)],
    ["addCalendarDays", (v) => addCalendarDays(v as string, 1)],
    ["addMonths", (v) => addMonths(v as string, 1)],
    ["compareDates (a)", (v) => compareDates(v as string, "2025-01-01")],
    ["compareDates (b)", (v) => compareDates("2025-01-01", v as string)],
    ["dayOfWeek", (v) => dayOfWeek(v as string)],
    ["bankHolidayTitle", (v) => bankHolidayTitle(v as string)],
  ];
  it.each(calls.flatMap(([name, call]) => invalid.map(([value, shown]) => [name, value, shown, call] as const)))(
    "%s(%j) throws naming the value",
    (_, value, shown, call) => {
      expect(() => call(value)).toThrow(shown);
      expect(() => call(value)).toThrow(/Not a valid date: .* \(expected yyyy-mm-dd\)/);
    },
  );

  it("the message is the documented one", () => {
    expect(() => parseIsoDate("2025-02-30")).toThrow('Not a valid date: "2025-02-30" (expected yyyy-mm-dd)');
  });
});

describe("calendar arithmetic", () => {
  it.each([
    ["2024-02-28", 1, "2024-02-29"],
    ["2023-02-28", 1, "2023-03-01"],
    ["2025-12-31", 1, "2026-01-01"],
    ["2026-01-01", -1, "2025-12-31"],
    ["2025-01-20", 28, "2025-02-17"],
    ["1970-01-01", -1, "1969-12-31"],
    ["2025-06-10", 0, "2025-06-10"],
  ])("addCalendarDays(%s, %i) = %s", (date, n, expected) => {
    expect(addCalendarDays(date, n)).toBe(expected);
  });

  it.each([
    ["2024-01-31", 1, "2024-02-29"], // clamp, leap year
    ["2023-01-31", 1, "2023-02-28"], // clamp
    ["2024-02-29", 12, "2025-02-28"], // the Ombudsman's 12 months from a leap day
    ["2025-03-31", -1, "2025-02-28"],
    ["2025-12-15", 1, "2026-01-15"],
    ["2025-01-15", -1, "2024-12-15"],
    ["2025-08-31", 1, "2025-09-30"],
    ["2025-06-10", 0, "2025-06-10"],
    ["2025-06-10", 36, "2028-06-10"],
  ])("addMonths(%s, %i) = %s", (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it.each([
    ["addCalendarDays", () => addCalendarDays("2025-01-01", 1.5), "1.5"],
    ["addMonths", () => addMonths("2025-01-01", Number.NaN), "NaN"],
    ["addMonths past 9999", () => addMonths("9999-12-01", 1), "10000"],
    ["addCalendarDays before 0000", () => addCalendarDays("0000-01-01", -1), "-1"],
  ])("%s rejects bad input with a RangeError naming it", (_, call, shown) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(shown);
  });

  it.each([
    ["2025-01-01", "2025-01-02", -1],
    ["2025-01-02", "2025-01-01", 1],
    ["2025-01-01", "2025-01-01", 0],
    ["2024-12-31", "2025-01-01", -1],
  ])("compareDates(%s, %s) = %i", (a, b, expected) => {
    expect(compareDates(a, b)).toBe(expected);
  });

  it.each([
    ["1970-01-01", 4], // Thursday
    ["1969-12-31", 3],
    ["2000-01-01", 6],
    ["2022-09-19", 1],
    ["2026-11-22", 7],
    ["2026-11-27", 5],
  ])("dayOfWeek(%s) = %i (1 = Monday … 7 = Sunday)", (date, expected) => {
    expect(dayOfWeek(date)).toBe(expected);
  });
});

describe("todayIso (Europe/London)", () => {
  it.each([
    ["2026-06-30T23:30:00Z", "2026-07-01"], // BST: already tomorrow in England
    ["2026-06-30T22:59:59Z", "2026-06-30"],
    ["2026-12-31T23:30:00Z", "2026-12-31"], // GMT
    ["2027-01-01T00:00:00Z", "2027-01-01"],
    ["2026-03-29T00:30:00Z", "2026-03-29"], // the night the clocks go forward
    ["2026-10-24T23:30:00Z", "2026-10-25"], // the night the clocks go back, still BST
  ])("%s is %s in England", (instant, expected) => {
    expect(todayIso(new Date(instant))).toBe(expected);
  });

  it.each([[new Date(Number.NaN)], ["2026-01-01"]])("rejects %j", (value) => {
    expect(() => todayIso(value as Date)).toThrow(/Not a valid moment/);
  });

  it("agrees with the time-zone data at the start and end of every hour from 2024 to 2040", () => {
    // todayIso reads the UTC date before 23:00 UTC, assuming England is never behind UTC nor
    // more than an hour ahead; if the law (and so the time-zone data) ever changes, this fails.
    const hour = 3_600_000;
    const disagree: string[] = [];
    for (let time = Date.UTC(2024, 0, 1); time < Date.UTC(2041, 0, 1); time += hour) {
      for (const instant of [new Date(time), new Date(time + hour - 1)]) {
        if (todayIso(instant) !== londonDate(instant)) disagree.push(instant.toISOString());
      }
    }
    expect(disagree).toEqual([]);
  });
});
