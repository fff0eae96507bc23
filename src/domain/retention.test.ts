import { describe, expect, it } from "vitest";
import type { IsoDate } from "./calendar";
import { addMonths, deleteFrom, isPastRetention, retentionWords } from "./retention";

const d = (s: string) => s as IsoDate;

describe("retention dates", () => {
  it("adds whole months, keeping the day or the month's last day", () => {
    expect(addMonths(d("2020-03-10"), 72)).toBe("2026-03-10");
    expect(addMonths(d("2026-01-31"), 1)).toBe("2026-02-28");
    expect(addMonths(d("2024-02-29"), 12)).toBe("2025-02-28");
    expect(addMonths(d("2026-11-30"), 2)).toBe("2027-01-30");
  });

  it("keeps a complaint the whole day before its retention ends and deletes it from that day", () => {
    const six = { value: 6, unit: "years" } as const;
    expect(deleteFrom(d("2020-03-10"), six)).toBe("2026-03-10");
    expect(isPastRetention(d("2020-03-10"), six, d("2026-03-09"))).toBe(false);
    expect(isPastRetention(d("2020-03-10"), six, d("2026-03-10"))).toBe(true);
    expect(isPastRetention(d("2026-01-10"), { value: 18, unit: "months" }, d("2027-07-10"))).toBe(true);
    expect(isPastRetention(d("2026-01-10"), { value: 18, unit: "months" }, d("2027-07-09"))).toBe(false);
  });

  it("says the period in each language's words", () => {
    expect(retentionWords({ value: 6, unit: "years" }, "en-GB")).toBe("6 years");
    expect(retentionWords({ value: 1, unit: "months" }, "en-GB")).toBe("1 month");
    expect(retentionWords({ value: 6, unit: "years" }, "sq")).toBe("6 vjet");
  });
});
