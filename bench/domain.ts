import { BANK_HOLIDAY_DATA_VERSION, addCalendarDays, addWorkingDays } from "../src/domain/calendar";
import { timescalesSchema } from "../src/domain/council";
import { type TimelineEvent, computeTimeline } from "../src/domain/timeline";

/**
 * Domain micro-benchmarks: the calendar and timeline run on every render of the stages page, so
 * a regression here is felt on slow phones. Reports the median of per-batch means, which shrugs
 * off GC pauses and other work on a shared machine better than a single long run.
 */

const BATCHES = 20;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Median microseconds per call of `call(i)` over BATCHES batches of `perBatch` calls, after one warm-up batch. */
function measure(perBatch: number, call: (i: number) => number): { microseconds: number; sink: number } {
  let sink = 0;
  const perCall: number[] = [];
  for (let batch = -1; batch < BATCHES; batch += 1) {
    const start = performance.now();
    for (let i = 0; i < perBatch; i += 1) sink += call(i);
    const elapsed = performance.now() - start;
    if (batch >= 0) perCall.push((elapsed * 1000) / perBatch);
  }
  return { microseconds: median(perCall), sink };
}

const format = (us: number) => us.toFixed(us < 10 ? 2 : 1);

export async function runDomainBench(): Promise<string[]> {
  // Start dates spread over 2018–2030 so every weekday, holiday and year end is hit.
  const starts = Array.from({ length: 10_000 }, (_, i) => addCalendarDays("2018-01-01", (i * 7919) % 4748));
  const addDays = measure(10_000, (i) => addWorkingDays(starts[i % starts.length] ?? "2025-01-01", 65).length);

  const timescales = timescalesSchema.parse({ acknowledgementWorkingDays: 5 });
  const events: TimelineEvent[] = [
    { type: "received", date: "2025-01-06" },
    { type: "acknowledged", date: "2025-01-08" },
    { type: "stage1-extended", date: "2025-01-17", until: "2025-01-31" },
    { type: "stage1-response", date: "2025-01-30" },
    { type: "stage2-requested", date: "2025-02-10" },
    { type: "stage2-summary-agreed", date: "2025-02-17" },
    { type: "stage2-extended", date: "2025-03-20" },
    { type: "stage2-response", date: "2025-04-30" },
    { type: "stage3-requested", date: "2025-05-12" },
    { type: "panel-met", date: "2025-06-20" },
    { type: "panel-report", date: "2025-06-26" },
    { type: "final-response", date: "2025-07-15" },
  ];
  // Varying today walks the stages through every status.
  const todays = Array.from({ length: 200 }, (_, i) => addCalendarDays("2025-01-06", i));
  const timelineCalls = 2_000;
  const timeline = measure(
    timelineCalls,
    (i) => computeTimeline({ timescales, procedure: { kind: "statutory" }, events, today: todays[i % todays.length] ?? "2025-06-01" }).stages.length,
  );

  if (addDays.sink <= 0 || timeline.sink <= 0) throw new Error("benchmark produced no results");
  return [
    `addWorkingDays(d, 65): ${format(addDays.microseconds)} µs/call (median of ${BATCHES} batches × 10,000 calls, start dates 2018–2030)`,
    `computeTimeline, 3 stages, ${events.length} events: ${format(timeline.microseconds)} µs/call (median of ${BATCHES} batches × ${timelineCalls.toLocaleString("en-GB")} calls)`,
    `bank holiday data version ${BANK_HOLIDAY_DATA_VERSION}`,
  ];
}
