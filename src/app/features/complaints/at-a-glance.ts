import type { ProgressView } from "./progress-view";

/** The one date that matters next for a sent complaint, and whether it has passed (issue 15, "at a glance"). */
export type NextDate =
  | { kind: "late"; date: string }
  | { kind: "reply-by"; date: string }
  | { kind: "ask-by"; date: string; stage: number }
  | { kind: "ombudsman-by"; date: string };

/** What to show beside a complaint on Your complaints: late first, else the next reply or request date. */
export function nextDateOf(progress: ProgressView): NextDate | undefined {
  const current = progress.current;
  if (current?.status === "overdue") {
    const late = current.extension ? current.latest : (current.target ?? current.latest);
    if (late) return { kind: "late", date: late };
  }
  if (current && current.respondedOn === undefined && current.target) return { kind: "reply-by", date: current.target };
  if (current?.escalation && progress.next !== undefined) return { kind: "ask-by", date: current.escalation.deadline, stage: progress.next };
  if (progress.timeline.ombudsman) return { kind: "ombudsman-by", date: progress.timeline.ombudsman.by };
  return undefined;
}

/** Most urgent first: late ones (longest late first), then by the next date, then those with none. Stable otherwise. */
export function byUrgency<T>(items: readonly T[], next: (item: T) => NextDate | undefined): T[] {
  const rank = (item: T): [number, string] => {
    const date = next(item);
    if (!date) return [2, ""];
    return [date.kind === "late" ? 0 : 1, date.date];
  };
  return items
    .map((item, index) => ({ item, index, rank: rank(item) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1].localeCompare(b.rank[1]) || a.index - b.index)
    .map(({ item }) => item);
}
