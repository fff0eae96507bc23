import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkCouncils } from "./councils-check";

const root = resolve(import.meta.dirname, "../..");
const shipped = join(root, "public/councils");
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "speak-up-councils-"));
  cpSync(shipped, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const edit = (file: string, change: (data: Record<string, unknown>) => void) => {
  const path = join(dir, file);
  const data = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  change(data);
  writeFileSync(path, JSON.stringify(data));
};

describe("checkCouncils (npm run councils:check)", () => {
  it("passes the shipped files and says what the real councils differ in", () => {
    const { ok, lines } = checkCouncils(shipped);
    expect(ok).toBe(true);
    const text = lines.join("\n");
    expect(text).toContain("norfolk.json: Norfolk County Council — valid");
    expect(text).toMatch(
      /timescales\.acknowledgementWorkingDays: 5 \(statutory: none\) — 'We will acknowledge your complaint within five working days'; Norfolk County Council/,
    );
    expect(text).toMatch(/localProcedure: 20 then 25 working days \(app default: 10 then 20 working days\) — the Trust's two-stage local/);
    expect(text).toContain("cambridgeshire.json: Cambridgeshire County Council — valid\n  Same as the statutory defaults in every timescale");
    expect(lines.at(-1)).toBe("All 3 council settings files are valid.");
  });

  it("names the file and the field of a bad setting, and still checks the others", () => {
    edit("cambridgeshire.json", (data) => {
      (data.timescales as Record<string, unknown>).stage2MaxWorkingDays = 20;
      (data.emergency as Record<string, unknown>).childrensServices = "ring the council";
    });
    const { ok, lines } = checkCouncils(dir);
    expect(ok).toBe(false);
    expect(lines).toContain(
      [
        `Council settings in ${join(dir, "cambridgeshire.json")} are not valid:`,
        "  - emergency.childrensServices: must be a phone number such as 0300 123 4567",
        "  - timescales.stage2MaxWorkingDays: must be at least stage2TargetWorkingDays",
      ].join("\n"),
    );
    expect(lines.join("\n")).toContain("norfolk.json: Norfolk County Council — valid");
    expect(lines.at(-1)).toBe("Some council settings are not valid: see above.");
  });

  it("names a safety number left out without a sources entry saying why", () => {
    edit("norfolk.json", (data) => {
      delete (data.sources as Record<string, unknown>)["emergency.outOfHours"];
    });
    const { ok, lines } = checkCouncils(dir);
    expect(ok).toBe(false);
    expect(lines.join("\n")).toContain("  - emergency.outOfHours: needs a phone number, or a sources entry saying why it is left out");
  });

  it.each([
    {
      name: "not JSON",
      write: () => writeFileSync(join(dir, "norfolk.json"), "{ nope"),
      problem: `Council settings file ${"DIR"}/norfolk.json is not valid JSON`,
    },
    {
      name: "an id that does not match the file",
      write: () => edit("norfolk.json", (d) => (d.id = "norwich")),
      problem: `Council settings in DIR/norfolk.json are not valid:\n  - id: must be "norfolk" to match the file name`,
    },
    {
      name: "an index entry with no file",
      write: () => edit("index.json", (d) => (d.councils as unknown[]).push({ id: "suffolk", name: "Suffolk County Council" })),
      problem: "  - councils.3.id: there is no suffolk.json",
    },
    {
      name: "an index name that is not the file's",
      write: () => edit("index.json", (d) => ((d.councils as Array<{ name: string }>)[2]!.name = "Norfolk Council")),
      problem: `  - councils.2.name: must be "Norfolk County Council", the name in norfolk.json`,
    },
    { name: "a default not offered", write: () => edit("index.json", (d) => (d.default = "suffolk")), problem: `  - default: "suffolk" is not in councils` },
    {
      name: "a bad index",
      write: () => edit("index.json", (d) => delete d.councils),
      problem: `Council settings in DIR/index.json are not valid:\n  - councils: `,
    },
  ])("fails on $name, saying where", ({ write, problem }) => {
    write();
    const { ok, lines } = checkCouncils(dir);
    expect(ok).toBe(false);
    expect(lines.join("\n")).toContain(problem.replaceAll("DIR", dir));
  });

  it("checks a file index.json does not offer, and says it is not offered", () => {
    rmSync(join(dir, "index.json"));
    writeFileSync(join(dir, "index.json"), JSON.stringify({ default: "norfolk", councils: [{ id: "norfolk", name: "Norfolk County Council" }] }));
    const { ok, lines } = checkCouncils(dir);
    expect(ok).toBe(true);
    expect(lines.join("\n")).toContain("Not offered in index.json (checked anyway): birmingham-childrens-trust.json, cambridgeshire.json");
  });

  it("the command exits 1 with the message on a bad file, and 0 on good ones", () => {
    const tsx = join(root, "node_modules/.bin/tsx");
    const good = spawnSync(tsx, ["scripts/councils-check.ts", dir], { cwd: root, encoding: "utf8" });
    expect(good.status).toBe(0);
    expect(good.stdout).toContain("All 3 council settings files are valid.");

    edit("birmingham-childrens-trust.json", (data) => ((data.timescales as Record<string, unknown>).stage1TargetWorkingDays = "ten"));
    const bad = spawnSync(tsx, ["scripts/councils-check.ts", dir], { cwd: root, encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(
      `Council settings in ${join(dir, "birmingham-childrens-trust.json")} are not valid:\n  - timescales.stage1TargetWorkingDays: `,
    );
  }, 30_000);

  it("with no folder named, checks the shipped councils and the test fixtures", () => {
    const run = spawnSync(join(root, "node_modules/.bin/tsx"), ["scripts/councils-check.ts"], { cwd: root, encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${shipped}\n`);
    expect(run.stdout).toContain(`${join(root, "test/fixtures/councils")}\n`);
    expect(run.stdout).toContain("norfolk.json: Norfolk County Council — valid");
    expect(run.stdout).toContain("example-borough.json: Example Borough Council — valid");
    expect(run.stdout.match(/All 3 council settings files are valid\./g)).toHaveLength(2);
  }, 30_000);
});
