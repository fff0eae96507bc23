import { councilIndexSchema, parseCouncilSettings, type CouncilIndex, type CouncilSettings } from "../../domain/council";

/**
 * Council settings are files in public/councils, fetched from this origin and precached by the
 * service worker so they work offline. Each is parsed with the shared schema, never cast.
 */
async function fetchJson(path: string): Promise<unknown> {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

export async function loadCouncilIndex(): Promise<CouncilIndex> {
  return councilIndexSchema.parse(await fetchJson("/councils/index.json"));
}

export async function loadCouncil(id: string): Promise<CouncilSettings> {
  if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`Not a council id: ${id}`);
  return parseCouncilSettings(`/councils/${id}.json`, await fetchJson(`/councils/${id}.json`));
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
