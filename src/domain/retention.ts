import type { IsoDate } from "./calendar";
import type { Retention } from "./council";

/*
 * When a closed complaint is deleted (issue 13 item 4; docs/decisions/020). Pure: the server's
 * daily job (src/server/retention.ts) and the privacy notice read the same setting.
 */

/** `on` plus whole months; the 31st becomes the month's last day when the month is shorter. */
export function addMonths(on: IsoDate, months: number): IsoDate {
  const [y, m, d] = on.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` as IsoDate;
}

export function retentionMonths(retention: Retention): number {
  return retention.unit === "years" ? retention.value * 12 : retention.value;
}

/**
 * The first day a complaint whose retention started on `from` may be deleted: the same day of the
 * month `retention` later. Kept the whole day before it.
 */
export function deleteFrom(from: IsoDate, retention: Retention): IsoDate {
  return addMonths(from, retentionMonths(retention));
}

/** Is a complaint whose retention started on `from` past retention on `today`? */
export function isPastRetention(from: IsoDate, retention: Retention, today: IsoDate): boolean {
  return today >= deleteFrom(from, retention);
}

/** The period in the language's own words ("6 years", "18 months"), for the privacy notice. */
export function retentionWords(retention: Retention, language: string): string {
  const unit = retention.unit === "years" ? "year" : "month";
  return new Intl.NumberFormat(language, { style: "unit", unit, unitDisplay: "long" }).format(retention.value);
}
