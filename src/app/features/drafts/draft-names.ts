import { draftLabel } from "../../lib/complaint-label";
import type { LoadedDraft } from "../../lib/draft-repository";
import { formatDateTime } from "../../lib/format-date";

type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface DraftNames {
  /** What the person sees as the draft's heading. */
  title: string;
  /** The words after "Open", "Rename" and "Delete" for screen readers ("draft JB"). */
  context: string;
}

/** When a draft was last changed, if its record says (one that needs checking may not). */
export function lastChangedOf(entry: LoadedDraft): string | undefined {
  if (entry.status === "ok") return entry.draft.updatedAt;
  if (entry.status === "locked") return entry.updatedAt;
  const raw = entry.raw;
  if (typeof raw !== "object" || raw === null || !("updatedAt" in raw) || typeof raw.updatedAt !== "string") return undefined;
  return Number.isNaN(Date.parse(raw.updatedAt)) ? undefined : raw.updatedAt;
}

/**
 * A draft's heading: the label the person chose, else one made from the answers (the child's
 * initials and the topic, issue 15), else when it was started.
 */
export function draftNames(entry: LoadedDraft, t: Translate, language: string): DraftNames {
  switch (entry.status) {
    case "ok": {
      const label = draftLabel(entry.draft.label, entry.draft.answers, t);
      if (label) return { title: label, context: t("drafts:context.label", { label }) };
      const { date } = formatDateTime(entry.draft.createdAt, language);
      return { title: t("drafts:card.startedOn", { date }), context: t("drafts:context.startedOn", { date }) };
    }
    case "locked":
      return entry.label
        ? { title: t("drafts:card.lockedWithLabel", { label: entry.label }), context: t("drafts:context.lockedWithLabel", { label: entry.label }) }
        : { title: t("drafts:card.locked"), context: t("drafts:context.locked") };
    case "needs-checking":
      return { title: t("drafts:card.needsChecking"), context: t("drafts:context.needsChecking") };
  }
}

/**
 * Names for a whole list. Two drafts can have the same name (two unlabelled drafts started on one
 * day), so a screen reader would hear "Delete draft started on 3 March 2026" twice: those get when
 * they were last changed, and any still the same get a number.
 */
export function listNames(entries: readonly LoadedDraft[], t: Translate, language: string): DraftNames[] {
  const first = entries.map((entry) => draftNames(entry, t, language));
  const withTimes = disambiguate(first, (name, index) => {
    const changed = lastChangedOf(entries[index] as LoadedDraft);
    return changed ? t("drafts:context.lastChanged", { name: name.context, ...formatDateTime(changed, language) }) : name.context;
  });
  const numbers = new Map<string, number>();
  return disambiguate(withTimes, (name) => {
    const number = (numbers.get(name.context) ?? 0) + 1;
    numbers.set(name.context, number);
    return t("drafts:context.numbered", { name: name.context, number });
  });
}

function disambiguate(names: DraftNames[], rename: (name: DraftNames, index: number) => string): DraftNames[] {
  const counts = new Map<string, number>();
  for (const { context } of names) counts.set(context, (counts.get(context) ?? 0) + 1);
  return names.map((name, index) => ((counts.get(name.context) ?? 0) > 1 ? { ...name, context: rename(name, index) } : name));
}
