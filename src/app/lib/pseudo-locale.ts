import { pseudoText } from "./pseudo-text";

/**
 * The pseudo-languages' words (pseudo-text.ts) for the end-to-end tests: built in only with
 * VITE_PSEUDO_LOCALES=1 (scripts/run-e2e.ts), never in a build people use.
 */
function pseudoJson(value: unknown): unknown {
  if (typeof value === "string") return pseudoText(value);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, pseudoJson(inner)]));
  return value;
}

const english: Record<string, unknown> = Object.fromEntries(
  // Not the staff area's words: they are never part of the child's app (its own bundle, issue 12).
  Object.entries(
    import.meta.glob<Record<string, unknown>>(["../../../locales/en-GB/*.json", "!../../../locales/en-GB/staff.json"], { eager: true, import: "default" }),
  ).map(([path, words]) => [path.slice(path.lastIndexOf("/") + 1, -".json".length), words]),
);

export function pseudoNamespace(namespace: string): Record<string, unknown> | undefined {
  const words = english[namespace];
  return words === undefined ? undefined : (pseudoJson(words) as Record<string, unknown>);
}
