import "./zod-config";
import * as z from "zod";
import rawBankHolidayData from "./bank-holidays.json" with { type: "json" };

/**
 * Dates and working days for complaint deadlines.
 *
 * Dates are ISO `yyyy-mm-dd` strings everywhere (they sort as text, survive JSON and IndexedDB,
 * and carry no time zone). Inside, a date is its UTC epoch day number (days since 1970-01-01),
 * so the loops below do integer arithmetic and never allocate a `Date`: these functions run on
 * every render of the stages page.
 *
 * "Working day" is reg 2 of the Children Act 1989 Representations Procedure (England) Regulations
 * 2006: not a Saturday, Sunday or bank holiday in England and Wales (docs/domain.md §3, §6).
 */

/** An ISO calendar date `yyyy-mm-dd`. A plain string so it crosses JSON, IndexedDB and forms unchanged. */
export type IsoDate = string;

/** ISO 8601 day of the week: 1 = Monday … 7 = Sunday (not JavaScript's 0 = Sunday). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface IsoDateParts {
  year: number;
  month: number;
  day: number;
}

/** Holiday years we can answer for; outside them the rules below are not the law (see `bankHolidays`). */
export const MIN_HOLIDAY_YEAR = 1970;
export const MAX_HOLIDAY_YEAR = 2100;

// ---------------------------------------------------------------------------------------------
// Parsing and formatting

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString()})`;
  if (value === null || value === undefined) return String(value);
  if (typeof value !== "object") return `${String(value)} (a ${typeof value})`;
  return Object.prototype.toString.call(value);
}

function invalidDate(value: unknown): Error {
  return new Error(`Not a valid date: ${describe(value)} (expected yyyy-mm-dd)`);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The number written in `length` ASCII digits from `start`, or −1 if any is not a digit. */
function digits(text: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i += 1) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Parse without throwing; `undefined` when the value is not an existing `yyyy-mm-dd` date. */
function tryParse(value: unknown): IsoDateParts | undefined {
  // Hand-rolled rather than a RegExp or `Date`: this runs for every date of every render.
  if (typeof value !== "string" || value.length !== 10) return undefined;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** True when `value` is an existing calendar date written `yyyy-mm-dd` (ISO 8601). */
export function isIsoDate(value: unknown): value is IsoDate {
  return tryParse(value) !== undefined;
}

/** Split an ISO 8601 `yyyy-mm-dd` date into numbers; throws an Error naming the value if it is not a real date. */
export function parseIsoDate(value: unknown): IsoDateParts {
  const parts = tryParse(value);
  if (parts === undefined) throw invalidDate(value);
  return parts;
}

/** Throw an Error naming the value unless it is an existing ISO 8601 `yyyy-mm-dd` date. */
export function assertIsoDate(value: unknown): asserts value is IsoDate {
  if (tryParse(value) === undefined) throw invalidDate(value);
}

// Howard Hinnant's civil-calendar algorithms (proleptic Gregorian), exact for any year.
function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function partsFromDayNumber(dayNumber: number): IsoDateParts {
  const z0 = dayNumber + 719468;
  const era = Math.floor(z0 / 146097);
  const dayOfEra = z0 - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function format(year: number, month: number, day: number): IsoDate {
  // A four-digit year is part of the format; arithmetic that leaves it is a caller bug, not a date.
  if (year < 0 || year > 9999) throw new RangeError(`Date out of range: year ${year} (expected 0000–9999)`);
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

function toDayNumber(value: unknown): number {
  const p = parseIsoDate(value);
  return dayNumberFromParts(p.year, p.month, p.day);
}

function fromDayNumber(dayNumber: number): IsoDate {
  const p = partsFromDayNumber(dayNumber);
  return format(p.year, p.month, p.day);
}

/** 1970-01-01 was a Thursday (ISO 4). */
function weekdayOf(dayNumber: number): IsoWeekday {
  return (((((dayNumber + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

function assertWholeNumber(n: unknown, what: string): asserts n is number {
  if (typeof n !== "number" || !Number.isSafeInteger(n)) {
    throw new RangeError(`${what} must be a whole number, not ${describe(n)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Bank holidays

/** The file's schema, made when a file is checked: the browser trusts the file the build checked, so never makes it (decision 027). */
function bankHolidayDataSchema() {
  const event = z.strictObject({
    date: z.string().refine(isIsoDate, { error: (issue) => `not a valid date: ${describe(issue.input)} (expected yyyy-mm-dd)` }),
    title: z.string().trim().min(1),
    notes: z.string().optional(),
  });
  return z.strictObject({
    version: z.string().refine(isIsoDate, "must be the date of the edit, yyyy-mm-dd"),
    source: z.string().min(1),
    division: z.literal("england-and-wales"),
    about: z.string().optional(),
    events: z.array(event).min(1),
  });
}

export type BankHolidayData = z.infer<ReturnType<typeof bankHolidayDataSchema>>;

/**
 * England has at least 8 bank holidays every year (New Year, Good Friday, Easter Monday, Early May,
 * Spring, Summer, Christmas, Boxing Day; moves keep the count). A year listed with fewer is an
 * incomplete edit, and would silently turn real holidays into working days.
 */
const MIN_HOLIDAYS_PER_YEAR = 8;

/**
 * Parse the bank holiday data file (GOV.UK bank-holidays.json, England and Wales) or throw an Error
 * naming each problem: a date that does not exist or falls on a weekend, a repeated date, a year
 * outside 1970–2100, or a year listed with fewer than 8 dates.
 */
export function parseBankHolidayData(data: unknown): BankHolidayData {
  const result = bankHolidayDataSchema().safeParse(data);
  const problems = result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".") || "(top level)"}: ${issue.message}`);
  if (result.success) {
    const seen = new Set<string>();
    const perYear = new Map<number, number>();
    result.data.events.forEach((event, index) => {
      const { year, month, day } = parseIsoDate(event.date);
      if (seen.has(event.date)) problems.push(`events.${index}.date: ${event.date} is listed twice`);
      seen.add(event.date);
      if (year < MIN_HOLIDAY_YEAR || year > MAX_HOLIDAY_YEAR) {
        problems.push(`events.${index}.date: ${event.date} is outside ${MIN_HOLIDAY_YEAR}–${MAX_HOLIDAY_YEAR}`);
      }
      if (weekdayOf(dayNumberFromParts(year, month, day)) >= 6) {
        problems.push(`events.${index}.date: ${event.date} is a weekend; list the substitute weekday instead`);
      }
      perYear.set(year, (perYear.get(year) ?? 0) + 1);
    });
    for (const [year, count] of perYear) {
      if (count < MIN_HOLIDAYS_PER_YEAR) {
        problems.push(`events: ${year} has ${count} date(s); a year that is listed must list all its bank holidays (at least ${MIN_HOLIDAYS_PER_YEAR})`);
      }
    }
  }
  if (problems.length > 0 || !result.success) {
    throw new Error(`Bank holiday data is not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
  return result.data;
}

// Checked once at start-up wherever Node runs this (the server, the build's pre-renderer and every
// domain test): a broken edit fails them all rather than moving a child's deadline by a day without
// anyone noticing. A browser runs the copy the build has already checked, and skips the check: on a
// cheap phone it was a tenth of the work of opening a question page (issue 9).
const publishedData: BankHolidayData = "window" in globalThis ? (rawBankHolidayData as BankHolidayData) : parseBankHolidayData(rawBankHolidayData);

/** Version of `bank-holidays.json`, stored with computed dates so they can be re-derived (docs/domain.md §6). */
export const BANK_HOLIDAY_DATA_VERSION: string = publishedData.version;

/** Where the published dates came from (GOV.UK bank-holidays.json, England and Wales). */
export const BANK_HOLIDAY_DATA_SOURCE: string = publishedData.source;

interface Holiday {
  dayNumber: number;
  title: string;
}

const publishedByYear = new Map<number, Holiday[]>();
for (const event of publishedData.events) {
  const { year, month, day } = parseIsoDate(event.date);
  const list = publishedByYear.get(year) ?? [];
  // GOV.UK keeps "Substitute day" in notes; fold it into the title so rule years and data years read alike.
  const title = event.notes ? `${event.title} (${event.notes.toLowerCase()})` : event.title;
  list.push({ dayNumber: dayNumberFromParts(year, month, day), title });
  publishedByYear.set(year, list);
}

/** Years whose holidays come from the data file rather than the rules, ascending. */
export const PUBLISHED_BANK_HOLIDAY_YEARS: readonly number[] = Object.freeze([...publishedByYear.keys()].sort((a, b) => a - b));

/** Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher). */
function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumberFromParts(year, month, day);
}

function firstMonday(year: number, month: number): number {
  const first = dayNumberFromParts(year, month, 1);
  return first + ((8 - weekdayOf(first)) % 7);
}

function lastMonday(year: number, month: number): number {
  const last = dayNumberFromParts(year, month, daysInMonth(year, month));
  return last - ((weekdayOf(last) + 6) % 7);
}

const SUBSTITUTE = " (substitute day)";

/** The regular England and Wales bank holidays by rule (docs/domain.md §6), without one-off proclamations. */
function holidaysByRule(year: number): Holiday[] {
  const newYear = dayNumberFromParts(year, 1, 1);
  const newYearWeekday = weekdayOf(newYear);
  const easter = easterSunday(year);
  const christmas = dayNumberFromParts(year, 12, 25);
  const list: Holiday[] = [
    newYearWeekday === 6
      ? { dayNumber: newYear + 2, title: `New Year’s Day${SUBSTITUTE}` }
      : newYearWeekday === 7
        ? { dayNumber: newYear + 1, title: `New Year’s Day${SUBSTITUTE}` }
        : { dayNumber: newYear, title: "New Year’s Day" },
    { dayNumber: easter - 2, title: "Good Friday" },
    { dayNumber: easter + 1, title: "Easter Monday" },
    { dayNumber: firstMonday(year, 5), title: "Early May bank holiday" },
    { dayNumber: lastMonday(year, 5), title: "Spring bank holiday" },
    { dayNumber: lastMonday(year, 8), title: "Summer bank holiday" },
  ];
  switch (weekdayOf(christmas)) {
    case 5: // Friday: Boxing Day (Saturday) moves to Monday 28th
      list.push({ dayNumber: christmas, title: "Christmas Day" }, { dayNumber: christmas + 3, title: `Boxing Day${SUBSTITUTE}` });
      break;
    case 6: // Saturday: Monday 27th and Tuesday 28th
      list.push({ dayNumber: christmas + 2, title: `Christmas Day${SUBSTITUTE}` }, { dayNumber: christmas + 3, title: `Boxing Day${SUBSTITUTE}` });
      break;
    case 7: // Sunday: Boxing Day stays on Monday 26th, Christmas moves to Tuesday 27th
      list.push({ dayNumber: christmas + 1, title: "Boxing Day" }, { dayNumber: christmas + 2, title: `Christmas Day${SUBSTITUTE}` });
      break;
    default:
      list.push({ dayNumber: christmas, title: "Christmas Day" }, { dayNumber: christmas + 1, title: "Boxing Day" });
  }
  return list;
}

interface YearHolidays {
  /** Day numbers, for the hot `has` check. */
  days: Set<number>;
  /** Day numbers ascending, for counting ranges. */
  sorted: readonly number[];
  iso: readonly IsoDate[];
  titles: ReadonlyMap<IsoDate, string>;
}

function buildYear(holidays: readonly Holiday[]): YearHolidays {
  const sortedHolidays = [...holidays].sort((a, b) => a.dayNumber - b.dayNumber);
  const iso = sortedHolidays.map((h) => fromDayNumber(h.dayNumber));
  return {
    days: new Set(sortedHolidays.map((h) => h.dayNumber)),
    sorted: Object.freeze(sortedHolidays.map((h) => h.dayNumber)),
    iso: Object.freeze(iso),
    titles: new Map(iso.map((date, i) => [date, sortedHolidays[i]?.title ?? ""])),
  };
}

// Indexed by year − MIN_HOLIDAY_YEAR: an array lookup is cheaper than a Map in the hot loop.
const holidayCache: (YearHolidays | undefined)[] = [];
const ruleCache: (YearHolidays | undefined)[] = [];

function assertHolidayYear(year: unknown): asserts year is number {
  if (typeof year !== "number" || !Number.isInteger(year) || year < MIN_HOLIDAY_YEAR || year > MAX_HOLIDAY_YEAR) {
    throw new RangeError(
      `No bank holiday data for the year ${typeof year === "number" ? year : describe(year)}: working days can only be counted for ${MIN_HOLIDAY_YEAR}–${MAX_HOLIDAY_YEAR}`,
    );
  }
}

function ruleYear(year: number): YearHolidays {
  assertHolidayYear(year);
  const index = year - MIN_HOLIDAY_YEAR;
  let cached = ruleCache[index];
  if (cached === undefined) {
    cached = buildYear(holidaysByRule(year));
    ruleCache[index] = cached;
  }
  return cached;
}

function holidayYear(year: number): YearHolidays {
  assertHolidayYear(year);
  const index = year - MIN_HOLIDAY_YEAR;
  let cached = holidayCache[index];
  if (cached === undefined) {
    const published = publishedByYear.get(year);
    cached = published === undefined ? ruleYear(year) : buildYear(published);
    holidayCache[index] = cached;
  }
  return cached;
}

/**
 * England and Wales bank holidays in `year`, ascending (Banking and Financial Dealings Act 1971;
 * docs/domain.md §6). Years in `bank-holidays.json` are used exactly as published, one-off days
 * included; any other year from 1970 to 2100 comes from the regular rules, which know nothing of
 * one-off proclamations (so years before 2018 miss e.g. 2002, 2011 and 2012's extra days, and the
 * Early May holiday, which began in 1978, is assumed throughout). Throws a RangeError outside 1970–2100.
 */
export function bankHolidays(year: number): readonly IsoDate[] {
  return holidayYear(year).iso;
}

/** The regular-rule bank holidays for `year` (docs/domain.md §6 "Rules"), ignoring the data file; for checking the data. */
export function bankHolidaysByRule(year: number): readonly IsoDate[] {
  return ruleYear(year).iso;
}

/** The GOV.UK title of the bank holiday on `date` (e.g. "Boxing Day"), or undefined on other days (docs/domain.md §6). */
export function bankHolidayTitle(date: IsoDate): string | undefined {
  return holidayYear(parseIsoDate(date).year).titles.get(date);
}

// ---------------------------------------------------------------------------------------------
// Working days

/** Reg 2 "working day": not a Saturday or Sunday and not an England and Wales bank holiday. */
export function isWorkingDay(date: IsoDate): boolean {
  const { year, month, day } = parseIsoDate(date);
  const dayNumber = dayNumberFromParts(year, month, day);
  return weekdayOf(dayNumber) <= 5 && !holidayYear(year).days.has(dayNumber);
}

/** Monday–Friday count over all days up to `dayNumber`, from an arbitrary Monday: differences give weekdays in a range. */
function weekdaysUpTo(dayNumber: number): number {
  const sinceMonday = dayNumber - 4; // 1970-01-05 was a Monday
  const weeks = Math.floor(sinceMonday / 7);
  return weeks * 5 + Math.min(sinceMonday - weeks * 7 + 1, 5);
}

/** The weekday `k` ≥ 1 weekdays after `dayNumber`: the inverse of `weekdaysUpTo`. */
function weekdayAfter(dayNumber: number, k: number): number {
  const index = weekdaysUpTo(dayNumber) + k - 1;
  const weeks = Math.floor(index / 5);
  return 4 + weeks * 7 + (index - weeks * 5);
}

/** Bank holidays in the day-number range (after, upTo]. */
function holidaysBetween(after: number, upTo: number): number {
  const lastYear = partsFromDayNumber(upTo).year;
  let count = 0;
  for (let year = partsFromDayNumber(after + 1).year; year <= lastYear; year += 1) {
    for (const h of holidayYear(year).sorted) if (h > after && h <= upTo) count += 1;
  }
  return count;
}

/**
 * The date `n` working days (reg 2) after `received`. Day 1 is the first working day after the
 * day received, whatever day that was, even a weekend or bank holiday (docs/domain.md "Decisions");
 * `n = 0` returns `received` unchanged. `n` must be a whole number, 0 or more.
 */
export function addWorkingDays(received: IsoDate, n: number): IsoDate {
  const start = toDayNumber(received);
  assertWholeNumber(n, "The number of working days");
  if (n < 0) throw new RangeError(`The number of working days must be 0 or more, not ${n}`);
  if (n === 0) return received;
  // Jump n weekdays, then again for every holiday passed, until no new holiday is passed. Every
  // holiday is a weekday (the data is checked, the rules make only weekdays), and each pass only
  // moves forward, so this stops at the first date with exactly n working days: the answer.
  // Two or three passes instead of walking ~90 days one by one.
  let end = weekdayAfter(start, n);
  for (;;) {
    const next = weekdayAfter(start, n + holidaysBetween(start, end));
    if (next === end) return fromDayNumber(end);
    end = next;
  }
}

/** Working days in the day-number range (after, upTo], after ≤ upTo. */
function countWorkingDays(after: number, upTo: number): number {
  if (after === upTo) return 0;
  return weekdaysUpTo(upTo) - weekdaysUpTo(after) - holidaysBetween(after, upTo);
}

/**
 * Working days (reg 2) after `from` up to and including `to`, counted like `addWorkingDays`, so
 * `workingDaysBetween(d, addWorkingDays(d, n)) === n`. Negative when `to` is before `from`
 * (minus the count from `to` to `from`), 0 when they are the same day.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  return b >= a ? countWorkingDays(a, b) : -countWorkingDays(b, a);
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic

/** `date` plus `n` calendar days (negative goes back); for "28 days"-style windows (docs/domain.md §3 variation table). */
export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  const dayNumber = toDayNumber(date);
  assertWholeNumber(n, "The number of days");
  return fromDayNumber(dayNumber + n);
}

/**
 * `date` plus `n` calendar months, clamped to the end of a shorter month (31 Jan + 1 month = 28 or
 * 29 Feb), as for the Ombudsman's 12 months (Local Government Act 1974 s26B).
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  assertWholeNumber(n, "The number of months");
  const monthIndex = year * 12 + (month - 1) + n;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  return format(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/** −1, 0 or 1 as `a` is before, the same day as, or after `b` (ISO 8601 dates; for sorting). */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  assertIsoDate(a);
  assertIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** ISO 8601 day of the week of `date`: 1 = Monday … 7 = Sunday. */
export function dayOfWeek(date: IsoDate): IsoWeekday {
  return weekdayOf(toDayNumber(date));
}

let londonFormat: Intl.DateTimeFormat | undefined;

/**
 * Today's date in England (Europe/London, so BST is handled) at the instant `now` (reg 2 days are
 * English days, not the device's or UTC's); the caller passes the clock so this stays pure.
 *
 * England's clocks are never behind UTC and at most an hour ahead (GMT or BST, Summer Time Act
 * 1972), so before 23:00 UTC the date in England is the UTC date, found without Intl. Only in the
 * last hour of a UTC day does the time zone decide, and Intl's time-zone data answers. Making the
 * first Intl date formatter in a page costs about 20 ms (ICU loads its date data), which was most
 * of a long task while What happens after I complain hydrates on a cheap phone (issue 9). A test
 * checks this against Intl for every hour of years to come, so a change in the law (and in the
 * time-zone data) fails it.
 */
export function todayIso(now: Date): IsoDate {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new Error(`Not a valid moment: ${describe(now)} (expected a Date)`);
  }
  if (now.getUTCHours() < 23) return format(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
  return londonDate(now);
}

/** The date in England at `now` by Intl's time-zone data; todayIso's answer in the hour it cannot tell alone. */
export function londonDate(now: Date): IsoDate {
  // Creating a formatter is slow (it loads time-zone data); one is enough.
  londonFormat ??= new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  const parts = londonFormat.formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return format(get("year"), get("month"), get("day"));
}
