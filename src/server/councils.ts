import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { councilIndexSchema, type CouncilIndex, formatSettingsError, parseCouncilSettings, type CouncilSettings } from "../domain/council";

/**
 * Names a folder of made-up councils (test/fixtures/councils) that tests add to the real ones in
 * public/councils. Read by the server, the Vite build and the pre-renderer; never set by `npm start`
 * or the shipped build, which offer only the real councils (decision 021).
 */
export const TEST_COUNCILS_ENV = "SPEAK_UP_TEST_COUNCILS";

/** The test councils' folder from the environment, or undefined when not set. */
export function testCouncilsDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = env[TEST_COUNCILS_ENV];
  return dir === undefined || dir === "" ? undefined : resolve(dir);
}

export interface CouncilSet {
  /** What `/councils/index.json` offers: the test councils first (their default), then the real ones. */
  index: CouncilIndex;
  councils: Map<string, CouncilSettings>;
  /** The folder each council's file was read from. */
  folders: Map<string, string>;
}

/**
 * Read and validate every council settings file in `dir` (public/councils), plus those in
 * `testDir` (the folder SPEAK_UP_TEST_COUNCILS names) when given. Used by the server at start and
 * by the Vite build, so a bad file fails both with a message naming the field. With a test folder
 * its councils come first and its index's default is the default.
 */
export function loadCouncilSet(dir: string, testDir: string | undefined): CouncilSet {
  const real = loadFolder(dir);
  if (testDir === undefined) return real;
  const test = loadFolder(testDir);
  for (const id of real.councils.keys()) {
    if (test.councils.has(id))
      throw new Error(`Council settings in ${join(testDir, `${id}.json`)} are not valid:\n  - id: "${id}" is also a real council in ${dir}`);
  }
  return {
    index: { default: test.index.default, councils: [...test.index.councils, ...real.index.councils] },
    councils: new Map([...test.councils, ...real.councils]),
    folders: new Map([...test.folders, ...real.folders]),
  };
}

/** The councils of {@link loadCouncilSet}, by id, with the test folder given or else the one SPEAK_UP_TEST_COUNCILS names. */
export function loadCouncils(dir: string, testDir?: string): Map<string, CouncilSettings> {
  return loadCouncilSet(dir, testDir ?? testCouncilsDir()).councils;
}

function loadFolder(dir: string): CouncilSet {
  const indexFile = join(dir, "index.json");
  const index = councilIndexSchema.safeParse(readJson(indexFile));
  if (!index.success) throw new Error(formatSettingsError(indexFile, index.error));
  const councils = new Map<string, CouncilSettings>();
  const folders = new Map<string, string>();
  for (const entry of index.data.councils) {
    const file = join(dir, `${entry.id}.json`);
    const settings = parseCouncilSettings(file, readJson(file));
    if (settings.id !== entry.id) {
      throw new Error(`Council settings in ${file} are not valid:\n  - id: must be "${entry.id}" to match index.json`);
    }
    councils.set(settings.id, settings);
    folders.set(settings.id, dir);
  }
  if (!councils.has(index.data.default)) {
    throw new Error(`Council settings in ${indexFile} are not valid:\n  - default: "${index.data.default}" is not in councils`);
  }
  return { index: index.data, councils, folders };
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
