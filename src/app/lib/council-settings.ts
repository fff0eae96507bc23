import type { CouncilIndex, CouncilSettings } from "../../domain/council";

/**
 * Council settings are files in public/councils, fetched from this origin and precached by the
 * service worker so they work offline. Each is parsed with the shared schema, never cast, unless
 * it is the very file the page was built with (`known`), whose settings the build already parsed:
 * then the schema (zod) is not loaded at all, which spares a cheap phone's first seconds (issue 9).
 */
async function fetchJson(path: string): Promise<unknown> {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

const schemas = () => import("../../domain/council");

/** A file the build read, as served (`source`), and what the shared schema made of it (`parsed`). */
export interface KnownFile<T> {
  source: unknown;
  parsed: T;
}

export async function loadCouncilIndex(known?: KnownFile<CouncilIndex>): Promise<CouncilIndex> {
  const source = await fetchJson("/councils/index.json");
  if (known && sameSettings(source, known.source)) return known.parsed;
  return (await schemas()).councilIndexSchema.parse(source);
}

export async function loadCouncil(id: string, known?: KnownFile<CouncilSettings>): Promise<CouncilSettings> {
  if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`Not a council id: ${id}`);
  const path = `/councils/${id}.json`;
  const source = await fetchJson(path);
  if (known && known.parsed.id === id && sameSettings(source, known.source)) return known.parsed;
  return (await schemas()).parseCouncilSettings(path, source);
}

/** The council to use: the one chosen on this device while the index still offers it, else the index's default. */
export function councilToUse(index: CouncilIndex, chosenId: string | undefined): string {
  return chosenId !== undefined && index.councils.some((council) => council.id === chosenId) ? chosenId : index.default;
}

/** Whether two councils' settings say the same (key order aside): values parsed from JSON. */
export function sameSettings(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((key) => Object.hasOwn(b, key) && sameSettings((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
