import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import staff from "../../../locales/en-GB/staff.json";

const root = resolve(import.meta.dirname, "../../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
  });
}

describe("the staff area's words", () => {
  it("has words for every problem the server and the shared rules can name (staff:problems.…)", () => {
    const keys = new Set(
      [...sourceFiles(join(root, "src/server")), ...sourceFiles(join(root, "src/domain"))].flatMap((file) =>
        [...readFileSync(file, "utf8").matchAll(/staff:problems\.([a-zA-Z0-9_]+)/g)].map((match) => match[1] ?? ""),
      ),
    );
    expect(keys.size).toBeGreaterThan(10);
    const problems = staff.problems as Record<string, string>;
    expect([...keys].filter((key) => !problems[key])).toEqual([]);
  });
});
