import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The import boundaries (eslint.config.js, style.md rule 1) must keep working: each file in
 * test/fixtures/boundaries is an import that must be refused, linted by ESLint's Node API as if it
 * were the file its first line names (`// lint as: src/...`); allowed/ holds imports that must pass.
 * A rule that stops matching (a resolver that no longer finds files, a block that replaces another,
 * a folder left out) fails here instead of passing lint silently.
 */
const root = resolve(import.meta.dirname, "../..");
const fixtures = join(root, "test/fixtures/boundaries");
const BOUNDARY_RULES = new Set(["import-x/no-restricted-paths", "no-restricted-imports"]);

function fixturesIn(dir: string): Array<{ name: string; as: string; source: string }> {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => {
      const source = readFileSync(join(dir, entry.name), "utf8");
      const as = /^\/\/ lint as: (\S+)/.exec(source)?.[1];
      if (!as) throw new Error(`${entry.name} must start with "// lint as: src/..."`);
      return { name: entry.name, as, source };
    });
}

const eslint = new ESLint({ cwd: root });

async function boundaryProblems(source: string, as: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(root, as) });
  return (result?.messages ?? []).filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`);
}

describe("import boundaries", () => {
  const refused = fixturesIn(fixtures);
  it("has fixtures to check", () => {
    expect(refused.length).toBeGreaterThan(10);
  });

  it.each(refused.map((f) => [f.name, f] as const))(
    "refuses %s",
    async (_name, fixture) => {
      // Empty means the rule no longer sees this import: check eslint.config.js, and that the imported file still exists.
      expect(await boundaryProblems(fixture.source, fixture.as)).not.toEqual([]);
    },
    30_000,
  );

  it.each(fixturesIn(join(fixtures, "allowed")).map((f) => [f.name, f] as const))(
    "allows %s",
    async (_name, fixture) => {
      expect(await boundaryProblems(fixture.source, fixture.as)).toEqual([]);
    },
    30_000,
  );
});
