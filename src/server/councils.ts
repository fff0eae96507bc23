import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  councilIndexSchema,
  formatSettingsError,
  parseCouncilSettings,
  type CouncilSettings,
} from "../domain/council";

/**
 * Read and validate every council settings file in `dir` (public/councils). Used by the server at
 * start and by the Vite build, so a bad file fails both with a message naming the field.
 */
export function loadCouncils(dir: string): Map<string, CouncilSettings> {
  const indexFile = join(dir, "index.json");
  const index = councilIndexSchema.safeParse(readJson(indexFile));
  if (!index.success) throw new Error(formatSettingsError(indexFile, index.error));
  const councils = new Map<string, CouncilSettings>();
  for (const entry of index.data.councils) {
    const file = join(dir, `${entry.id}.json`);
    const settings = parseCouncilSettings(file, readJson(file));
    if (settings.id !== entry.id) {
      throw new Error(`Council settings in ${file} are not valid:\n  - id: must be "${entry.id}" to match index.json`);
    }
    councils.set(settings.id, settings);
  }
  if (!councils.has(index.data.default)) {
    throw new Error(`Council settings in ${indexFile} are not valid:\n  - default: "${index.data.default}" is not in councils`);
  }
  return councils;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`Council settings file ${file} could not be read: ${(error as Error).message}`, { cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`Council settings file ${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}
