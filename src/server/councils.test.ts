import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadCouncilSet, testCouncilsDir } from "./councils";

const root = resolve(import.meta.dirname, "../..");
const shipped = join(root, "public/councils");
const fixtures = join(root, "test/fixtures/councils");
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("the councils a deployment offers (decision 021)", () => {
  it("without a test folder: only the real councils, Cambridgeshire the default", () => {
    const { index, councils } = loadCouncilSet(shipped, undefined);
    expect([...councils.keys()]).toEqual(["birmingham-childrens-trust", "cambridgeshire", "norfolk"]);
    expect(index.default).toBe("cambridgeshire");
  });

  it("with the test folder: the made-up councils first, their default, then the real ones", () => {
    const { index, councils, folders } = loadCouncilSet(shipped, fixtures);
    expect(index.councils.map((council) => council.id)).toEqual([
      "example-borough",
      "northmoor",
      "riverside",
      "birmingham-childrens-trust",
      "cambridgeshire",
      "norfolk",
    ]);
    expect([...councils.keys()]).toEqual(index.councils.map((council) => council.id));
    expect(index.default).toBe("example-borough");
    expect(folders.get("northmoor")).toBe(fixtures);
    expect(folders.get("norfolk")).toBe(shipped);
  });

  it("refuses a test council with a real council's id, naming the file", () => {
    const dir = mkdtempSync(join(tmpdir(), "speak-up-test-councils-"));
    dirs.push(dir);
    cpSync(join(shipped, "norfolk.json"), join(dir, "norfolk.json"));
    writeFileSync(join(dir, "index.json"), JSON.stringify({ default: "norfolk", councils: [{ id: "norfolk", name: "Norfolk County Council" }] }));
    expect(() => loadCouncilSet(shipped, dir)).toThrow(
      `Council settings in ${join(dir, "norfolk.json")} are not valid:\n  - id: "norfolk" is also a real council in ${shipped}`,
    );
  });

  it("reads the folder from SPEAK_UP_TEST_COUNCILS, and nothing when it is unset or empty", () => {
    expect(testCouncilsDir({ SPEAK_UP_TEST_COUNCILS: "test/fixtures/councils" })).toBe(resolve("test/fixtures/councils"));
    expect(testCouncilsDir({ SPEAK_UP_TEST_COUNCILS: "" })).toBeUndefined();
    expect(testCouncilsDir({})).toBeUndefined();
  });
});
