import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { councilIndexSchema, formatSettingsError, parseCouncilSettings, type CouncilSettings } from "../domain/council";
import { describeCouncil } from "../domain/council-check";

export interface CheckResult {
  ok: boolean;
  /** What to print: one block per file, problems naming the file and the field. */
  lines: string[];
}

/**
 * `npm run councils:check`: validate every settings file in `dir` (not only those index.json
 * lists, so a file nobody offers yet is checked too), check index.json against them, and say
 * what each council differs in from the statutory defaults. Never throws for a bad file.
 */
export function checkCouncils(dir: string): CheckResult {
  const lines: string[] = [];
  let ok = true;
  const fail = (message: string) => {
    ok = false;
    lines.push(message);
  };
  const files = readdirSync(dir)
    .filter((file) => file.endsWith(".json") && file !== "index.json")
    .sort();
  const councils = new Map<string, CouncilSettings>();
  for (const file of files) {
    const path = join(dir, file);
    const data = readJson(path);
    if (!data.ok) {
      fail(data.message);
      continue;
    }
    let council: CouncilSettings;
    try {
      council = parseCouncilSettings(path, data.value);
    } catch (error) {
      fail((error as Error).message);
      continue;
    }
    if (`${council.id}.json` !== file) {
      fail(`Council settings in ${path} are not valid:\n  - id: must be "${file.replace(/\.json$/, "")}" to match the file name`);
      continue;
    }
    councils.set(council.id, council);
    lines.push(...describeCouncil(file, council));
  }

  const indexPath = join(dir, "index.json");
  const indexData = readJson(indexPath);
  if (!indexData.ok) {
    fail(indexData.message);
  } else {
    const index = councilIndexSchema.safeParse(indexData.value);
    if (!index.success) {
      fail(formatSettingsError(indexPath, index.error));
    } else {
      const problems: string[] = [];
      index.data.councils.forEach((entry, i) => {
        const council = councils.get(entry.id);
        if (!files.includes(`${entry.id}.json`)) problems.push(`  - councils.${i}.id: there is no ${entry.id}.json`);
        else if (council && council.name !== entry.name) problems.push(`  - councils.${i}.name: must be "${council.name}", the name in ${entry.id}.json`);
      });
      if (!index.data.councils.some((entry) => entry.id === index.data.default)) problems.push(`  - default: "${index.data.default}" is not in councils`);
      if (problems.length > 0) fail(`Council settings in ${indexPath} are not valid:\n${problems.join("\n")}`);
      const offered = new Set(index.data.councils.map((entry) => `${entry.id}.json`));
      const unlisted = files.filter((file) => !offered.has(file));
      if (unlisted.length > 0) lines.push(`Not offered in index.json (checked anyway): ${unlisted.join(", ")}`);
    }
  }
  lines.push(ok ? `All ${files.length} council settings files are valid.` : "Some council settings are not valid: see above.");
  return { ok, lines };
}

function readJson(file: string): { ok: true; value: unknown } | { ok: false; message: string } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    return { ok: false, message: `Council settings file ${file} could not be read: ${(error as Error).message}` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `Council settings file ${file} is not valid JSON: ${(error as Error).message}` };
  }
}
