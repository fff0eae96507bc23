// This test reads the shipped council files from disk so a new file cannot skip the check;
// the domain code itself stays environment-free (its tsconfig excludes tests).
// eslint-disable-next-line no-restricted-imports
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { councilIndexSchema, councilSettingsSchema, formatSettingsError, parseCouncilSettings, type CouncilSettingsInput, type Timescales } from "./council";

/** The real councils, shipped; the made-up ones, for tests only (decision 021). */
const SHIPPED_DIR = new URL("../../public/councils/", import.meta.url);
const FIXTURES_DIR = new URL("../../test/fixtures/councils/", import.meta.url);
const settingsFiles = (dir: URL) =>
  readdirSync(dir)
    .filter((file) => file.endsWith(".json") && file !== "index.json")
    .sort();
/** A council file from whichever folder has it; `index.json` is the shipped one. */
const readJson = (file: string, dir = existsSync(new URL(file, SHIPPED_DIR)) ? SHIPPED_DIR : FIXTURES_DIR): unknown =>
  JSON.parse(readFileSync(new URL(file, dir), "utf8"));
const councilFiles = [...settingsFiles(SHIPPED_DIR), ...settingsFiles(FIXTURES_DIR)].sort();

/** The statutory values (regs 14–20, docs/domain.md §3): what a council gets unless it says otherwise. */
const STATUTORY: Timescales = {
  stage1TargetWorkingDays: 10,
  stage1MaxWorkingDays: 20,
  stage2RequestWindow: { value: 20, unit: "working-days" },
  stage2TargetWorkingDays: 25,
  stage2MaxWorkingDays: 65,
  stage2ClockStart: "request",
  stage3RequestWindow: { value: 20, unit: "working-days" },
  panelMeetingWorkingDays: 30,
  panelReportWorkingDays: 5,
  finalResponseWorkingDays: 15,
  ombudsmanMonths: 12,
};
const DEFAULT_LOCAL_PROCEDURE = { stages: [{ workingDays: 10 }, { workingDays: 20 }] };

/** The smallest valid council: only what has no default. */
const minimal = {
  id: "testshire",
  name: "Testshire County Council",
  shortName: "Testshire",
  contact: { email: "complaints@testshire.example" },
  emergency: { childrensServices: "01632 960 000", outOfHours: "01632 960 001" },
  advocacy: [{ name: "Testshire Advocacy" }],
  privacyNotice: "https://www.testshire.example/privacy",
} satisfies CouncilSettingsInput;

/** `minimal` with some top-level parts replaced. */
const councilWith = (changes: Record<string, unknown>): unknown => ({ ...structuredClone(minimal), ...changes });

describe("council files (public/councils shipped, test/fixtures/councils for tests)", () => {
  it("ships only the real councils, and keeps the made-up ones as test fixtures; each index's default is one of its own", () => {
    expect(settingsFiles(SHIPPED_DIR)).toEqual(["birmingham-childrens-trust.json", "cambridgeshire.json", "norfolk.json"]);
    expect(settingsFiles(FIXTURES_DIR)).toEqual(["example-borough.json", "northmoor.json", "riverside.json"]);
    for (const dir of [SHIPPED_DIR, FIXTURES_DIR]) {
      const index = councilIndexSchema.parse(readJson("index.json", dir));
      expect(index.councils.map((c) => `${c.id}.json`).sort()).toEqual(settingsFiles(dir));
      expect(index.councils.map((c) => c.id)).toContain(index.default);
    }
  });

  it.each(councilFiles)("%s parses, and its id and name match the file name and the index", (file) => {
    const council = parseCouncilSettings(file, readJson(file));
    const dir = existsSync(new URL(file, SHIPPED_DIR)) ? SHIPPED_DIR : FIXTURES_DIR;
    const listed = councilIndexSchema.parse(readJson("index.json", dir)).councils.find((c) => c.id === council.id);
    expect(`${council.id}.json`).toBe(file);
    expect(listed?.name).toBe(council.name);
  });

  it.each([
    {
      file: "example-borough.json",
      // Says nothing about timescales: every statutory default applies.
      timescales: STATUTORY,
      localProcedure: DEFAULT_LOCAL_PROCEDURE,
    },
    {
      file: "northmoor.json",
      timescales: { ...STATUTORY, acknowledgementWorkingDays: 5, stage2RequestWindow: { value: 28, unit: "calendar-days" } },
      localProcedure: DEFAULT_LOCAL_PROCEDURE,
    },
    {
      file: "riverside.json",
      timescales: { ...STATUTORY, acknowledgementWorkingDays: 2 },
      // Seed S001 (docs/sources.md): a corporate procedure of 20 then 25 working days.
      localProcedure: { stages: [{ workingDays: 20 }, { workingDays: 25 }] },
    },
  ])("$file has the timescales and local procedure it is meant to", ({ file, timescales, localProcedure }) => {
    const council = parseCouncilSettings(file, readJson(file));
    expect(council.timescales).toEqual(timescales);
    expect(council.localProcedure).toEqual(localProcedure);
    expect(council.submission).toEqual({ endpoint: "/api/v1/complaints" });
  });

  it.each([
    {
      file: "norfolk.json",
      timescales: { ...STATUTORY, acknowledgementWorkingDays: 5 },
      localProcedure: DEFAULT_LOCAL_PROCEDURE,
    },
    {
      // "an extra 40 working days" at Stage 2: 25 + 40 = the statutory 65.
      file: "birmingham-childrens-trust.json",
      timescales: STATUTORY,
      localProcedure: { stages: [{ workingDays: 20 }, { workingDays: 25 }] },
    },
    {
      file: "cambridgeshire.json",
      timescales: STATUTORY,
      localProcedure: DEFAULT_LOCAL_PROCEDURE,
    },
  ])("$file (a real council) has the timescales its page publishes", ({ file, timescales, localProcedure }) => {
    const council = parseCouncilSettings(file, readJson(file));
    expect(council.timescales).toEqual(timescales);
    expect(council.localProcedure).toEqual(localProcedure);
  });

  it.each(["norfolk.json", "birmingham-childrens-trust.json", "cambridgeshire.json"])(
    "%s gives a source and the date read for every timescale, the local procedure and every safety number",
    (file) => {
      const council = parseCouncilSettings(file, readJson(file));
      const paths = [
        ...Object.keys(STATUTORY).map((key) => `timescales.${key}`),
        "timescales.acknowledgementWorkingDays",
        "localProcedure",
        "emergency.childrensServices",
        "emergency.outOfHours",
        "privacyNotice",
      ];
      for (const path of paths) {
        expect(council.sources?.[path], path).toMatchObject({
          source: expect.stringMatching(/seed 00[013]|Regulations 2006|Local Government Act 1974/),
          read: "2026-12-01",
        });
      }
      council.advocacy.forEach((_, i) => expect(council.sources?.[`advocacy.${i}`], `advocacy.${i}`).toBeDefined());
    },
  );

  it("keeps the numbers the real councils' pages publish", () => {
    const [birmingham, cambridgeshire, norfolk] = ["birmingham-childrens-trust.json", "cambridgeshire.json", "norfolk.json"].map((file) =>
      parseCouncilSettings(file, readJson(file)),
    );
    expect(birmingham!.contact).toEqual({ phone: "0121 303 9052" });
    expect(cambridgeshire!.contact.phone).toBe("0345 045 5200");
    expect(cambridgeshire!.contact.postalAddress).toMatch(/PO Box 761, Huntingdon, PE29 9QR$/);
    expect(cambridgeshire!.emergency).toEqual({ childrensServices: "0345 045 5203" });
    expect(norfolk!.emergency).toEqual({});
    expect(norfolk!.contact).toEqual({});
  });

  it("the three made-up councils differ from each other where intended", () => {
    const [borough, northmoor, riverside] = ["example-borough.json", "northmoor.json", "riverside.json"].map((file) =>
      parseCouncilSettings(file, readJson(file)),
    );
    expect(borough!.timescales.acknowledgementWorkingDays).toBeUndefined();
    expect(northmoor!.timescales.stage2RequestWindow).not.toEqual(borough!.timescales.stage2RequestWindow);
    expect(riverside!.localProcedure).not.toEqual(borough!.localProcedure);
    expect(new Set([borough, northmoor, riverside].map((c) => c!.themeColour)).size).toBe(3);
  });
});

describe("defaults", () => {
  it("fills in every default for a minimal council", () => {
    expect(parseCouncilSettings("minimal", minimal)).toEqual({
      ...minimal,
      timescales: STATUTORY,
      localProcedure: DEFAULT_LOCAL_PROCEDURE,
      submission: { endpoint: "/api/v1/complaints" },
      dataProtection: {},
      themeColour: "#1d4f91",
    });
  });

  it("keeps the privacy notice settings a council gives, each part on its own (issue 16)", () => {
    const dataProtection = {
      officer: { name: "Data Protection Officer", email: "dpo@testshire.example", phone: "01632 960 010", postalAddress: "County Hall, Testshire" },
      lawfulBasis: "Public task: Children Act 1989, section 26.",
      retention: { value: 6, unit: "years" },
    };
    expect(parseCouncilSettings("dp", councilWith({ dataProtection })).dataProtection).toEqual(dataProtection);
    expect(parseCouncilSettings("dp", councilWith({ dataProtection: { officer: { email: "dpo@testshire.example" } } })).dataProtection).toEqual({
      officer: { email: "dpo@testshire.example" },
    });
  });

  it.each(["example-borough.json", "northmoor.json"])(
    "%s says who its data protection officer is, its lawful basis and how long it keeps complaints",
    (file) => {
      const { dataProtection } = parseCouncilSettings(file, readJson(file));
      expect(dataProtection.officer?.email).toMatch(/@/);
      expect(dataProtection.lawfulBasis).toMatch(/Children Act 1989/);
      expect(dataProtection.retention).toEqual({ value: expect.any(Number), unit: "years" });
    },
  );

  it("fills in the timescales a council leaves out and keeps the ones it sets", () => {
    const council = parseCouncilSettings("partial", councilWith({ timescales: { stage1TargetWorkingDays: 15, stage2ClockStart: "agreed-summary" } }));
    expect(council.timescales).toEqual({ ...STATUTORY, stage1TargetWorkingDays: 15, stage2ClockStart: "agreed-summary" });
  });

  it("checks a set target against the default maximum", () => {
    expect(() => parseCouncilSettings("late", councilWith({ timescales: { stage1TargetWorkingDays: 25 } }))).toThrow(
      "timescales.stage1MaxWorkingDays: must be at least stage1TargetWorkingDays",
    );
  });

  it.each([
    {
      name: "equal target and maximum",
      timescales: { stage1TargetWorkingDays: 20, stage1MaxWorkingDays: 20, stage2TargetWorkingDays: 40, stage2MaxWorkingDays: 40 },
    },
    { name: "the longest allowed", timescales: { stage2MaxWorkingDays: 260, stage3RequestWindow: { value: 365, unit: "calendar-days" }, ombudsmanMonths: 36 } },
  ])("accepts $name", ({ timescales }) => {
    expect(parseCouncilSettings("edge", councilWith({ timescales })).timescales).toEqual({ ...STATUTORY, ...timescales });
  });

  it.each([
    { name: "a path on this site", endpoint: "/api/v2/complaints" },
    { name: "the council's own https API", endpoint: "https://api.testshire.example/complaints" },
  ])("accepts a submission endpoint that is $name", ({ endpoint }) => {
    expect(parseCouncilSettings("api", councilWith({ submission: { endpoint } })).submission).toEqual({ endpoint });
  });
});

describe("invalid settings fail with a message naming the field", () => {
  it.each([
    {
      name: "data protection officer with no way to reach them",
      changes: { dataProtection: { officer: { name: "DPO" } } },
      problem: "dataProtection.officer: needs at least one of email, phone or postalAddress",
    },
    {
      name: "bad data protection officer email",
      changes: { dataProtection: { officer: { email: "dpo(at)x" } } },
      problem: "dataProtection.officer.email: must be an email address",
    },
    {
      name: "retention in words (no longer accepted: the server acts on it)",
      changes: { dataProtection: { retention: "6 years after the complaint is closed" } },
      problem: 'dataProtection.retention: must be like { "value": 6, "unit": "years" }',
    },
    {
      name: "retention of no time",
      changes: { dataProtection: { retention: { value: 0, unit: "years" } } },
      problem: "dataProtection.retention.value: must be at least 1",
    },
    {
      name: "retention in part years",
      changes: { dataProtection: { retention: { value: 6.5, unit: "years" } } },
      problem: "dataProtection.retention.value: must be a whole number",
    },
    {
      name: "retention in weeks",
      changes: { dataProtection: { retention: { value: 6, unit: "weeks" } } },
      problem: 'dataProtection.retention.unit: must be "years" or "months"',
    },
    {
      name: "retention too long",
      changes: { dataProtection: { retention: { value: 101, unit: "years" } } },
      problem: "dataProtection.retention.value: must be at most 100 years",
    },
    { name: "unknown data protection setting", changes: { dataProtection: { retainFor: "forever" } }, problem: "dataProtection" },
    { name: "bad contact phone", changes: { contact: { phone: "call us" } }, problem: "contact.phone: must be a phone number" },
    {
      name: "bad out-of-hours phone",
      changes: { emergency: { childrensServices: "01632 960 000", outOfHours: "ring 999" } },
      problem: "emergency.outOfHours: must be a phone number",
    },
    { name: "bad advocacy phone", changes: { advocacy: [{ name: "A", phone: "0800-ADVOCATE" }] }, problem: "advocacy.0.phone: must be a phone number" },
    {
      name: "http:// privacy notice",
      changes: { privacyNotice: "http://www.testshire.example/privacy" },
      problem: "privacyNotice: must be a full https:// address",
    },
    {
      name: "http:// web form",
      changes: { contact: { webForm: "http://www.testshire.example/complain" } },
      problem: "contact.webForm: must be a full https:// address",
    },
    {
      name: "http:// advocacy website",
      changes: { advocacy: [{ name: "A", website: "http://advocacy.example" }] },
      problem: "advocacy.0.website: must be a full https:// address",
    },
    { name: "address without a host", changes: { privacyNotice: "https://privacy" }, problem: "privacyNotice: must be a full https:// address" },
    { name: "bad contact email", changes: { contact: { email: "complaints(at)testshire.example" } }, problem: "contact.email: must be an email address" },
    { name: "bad advocacy email", changes: { advocacy: [{ name: "A", email: "help@" }] }, problem: "advocacy.0.email: must be an email address" },
    {
      name: "stage 1 max below target",
      changes: { timescales: { stage1TargetWorkingDays: 15, stage1MaxWorkingDays: 12 } },
      problem: "timescales.stage1MaxWorkingDays: must be at least stage1TargetWorkingDays",
    },
    {
      name: "stage 2 max below target",
      changes: { timescales: { stage2TargetWorkingDays: 30, stage2MaxWorkingDays: 20 } },
      problem: "timescales.stage2MaxWorkingDays: must be at least stage2TargetWorkingDays",
    },
    { name: "unknown top-level field", changes: { colour: "#1d4f91" }, problem: `(top level): Unrecognized key: "colour"` },
    { name: "unknown timescale", changes: { timescales: { stage4TargetWorkingDays: 10 } }, problem: `timescales: Unrecognized key: "stage4TargetWorkingDays"` },
    {
      name: "unknown contact field",
      changes: { contact: { email: "a@testshire.example", fax: "01632 960 002" } },
      problem: `contact: Unrecognized key: "fax"`,
    },
    { name: "three-digit theme colour", changes: { themeColour: "#fff" }, problem: "themeColour: must be a colour like #1d4f91" },
    { name: "named theme colour", changes: { themeColour: "red" }, problem: "themeColour: must be a colour like #1d4f91" },
    { name: "theme colour with a bad digit", changes: { themeColour: "#1d4f9g" }, problem: "themeColour: must be a colour like #1d4f91" },
    { name: "no contact channel", changes: { contact: { hours: "9 to 5" } }, problem: "contact: needs at least one of phone, email, postalAddress or webForm" },
    { name: "empty contact", changes: { contact: {} }, problem: "contact: needs at least one of phone, email, postalAddress or webForm" },
    {
      name: "protocol-relative endpoint",
      changes: { submission: { endpoint: "//evil.example/complaints" } },
      problem: "submission.endpoint: must be a path on this site",
    },
    { name: "javascript: endpoint", changes: { submission: { endpoint: "javascript:alert(1)" } }, problem: "submission.endpoint: must be a path on this site" },
    {
      name: "http:// endpoint",
      changes: { submission: { endpoint: "http://api.testshire.example/complaints" } },
      problem: "submission.endpoint: must be a path on this site",
    },
    { name: "relative endpoint", changes: { submission: { endpoint: "api/v1/complaints" } }, problem: "submission.endpoint: must be a path on this site" },
    {
      name: "endpoint with a space",
      changes: { submission: { endpoint: "/api/v1/ complaints" } },
      problem: "submission.endpoint: must be a path on this site",
    },
    { name: "id with capitals", changes: { id: "Testshire" }, problem: "id: must be lower-case letters, numbers and dashes" },
    { name: "id with a space", changes: { id: "test shire" }, problem: "id: must be lower-case letters, numbers and dashes" },
    { name: "no advocacy provider", changes: { advocacy: [] }, problem: "advocacy: " },
    { name: "empty local procedure", changes: { localProcedure: { stages: [] } }, problem: "localProcedure.stages: " },
    { name: "zero working days", changes: { timescales: { panelReportWorkingDays: 0 } }, problem: "timescales.panelReportWorkingDays: " },
    { name: "part working days", changes: { timescales: { finalResponseWorkingDays: 2.5 } }, problem: "timescales.finalResponseWorkingDays: " },
    {
      name: "unknown window unit",
      changes: { timescales: { stage3RequestWindow: { value: 20, unit: "weeks" } } },
      problem: "timescales.stage3RequestWindow.unit: ",
    },
    { name: "unknown clock start", changes: { timescales: { stage2ClockStart: "complaint" } }, problem: "timescales.stage2ClockStart: " },
    { name: "blank name", changes: { name: "   " }, problem: "name: " },
  ])("$name", ({ changes, problem }) => {
    const data = councilWith(changes);
    expect(() => parseCouncilSettings("testshire.json", data)).toThrow(`Council settings in testshire.json are not valid:\n  - ${problem}`);
  });
});

describe("sources, and settings a real council's page does not publish", () => {
  const read = "2026-12-01";
  const unpublished = { source: "Testshire's complaints page", read, note: "not published" };

  it("keeps a source for a setting, with the date read and a note", () => {
    const sources = {
      "timescales.stage2MaxWorkingDays": { source: "Testshire's complaints page", read, note: "25 + 40" },
      "advocacy.0": { source: "docs/domain.md", read },
    };
    expect(parseCouncilSettings("src", councilWith({ sources })).sources).toEqual(sources);
  });

  it.each(["emergency.childrensServices", "emergency.outOfHours"] as const)("may leave out %s only with a sources entry for it", (path) => {
    const field = path.split(".")[1]!;
    const emergency = { ...minimal.emergency, [field]: undefined };
    expect(() => parseCouncilSettings("testshire.json", councilWith({ emergency }))).toThrow(
      `  - ${path}: needs a phone number, or a sources entry saying why it is left out`,
    );
    expect(
      parseCouncilSettings("testshire.json", councilWith({ emergency, sources: { [path]: unpublished } })).emergency[field as "outOfHours"],
    ).toBeUndefined();
  });

  it("may leave out the privacy notice, or every contact channel, only with a sources entry for it", () => {
    const noNotice: Record<string, unknown> = structuredClone(minimal);
    delete noNotice.privacyNotice;
    expect(() => parseCouncilSettings("testshire.json", noNotice)).toThrow(
      "  - privacyNotice: needs a full https:// address, or a sources entry saying why it is left out",
    );
    expect(parseCouncilSettings("testshire.json", { ...noNotice, sources: { privacyNotice: unpublished } }).privacyNotice).toBeUndefined();
    expect(parseCouncilSettings("testshire.json", councilWith({ contact: {}, sources: { contact: unpublished } })).contact).toEqual({});
  });

  it.each([
    {
      name: "a path naming no setting",
      sources: { "timescales.stage4TargetWorkingDays": unpublished },
      problem: "sources.timescales.stage4TargetWorkingDays: names no council setting",
    },
    { name: "a path into a number", sources: { "themeColour.red": unpublished }, problem: "sources.themeColour.red: names no council setting" },
    { name: "an advocacy path that is not an index", sources: { "advocacy.first": unpublished }, problem: "sources.advocacy.first: names no council setting" },
    { name: "a path that is not a path", sources: { "timescales..x": unpublished }, problem: "sources.timescales..x: names no council setting" },
    {
      name: "a date that is not a date",
      sources: { name: { source: "page", read: "1 December 2026" } },
      problem: "sources.name.read: must be a date like 2026-12-01",
    },
    { name: "no source", sources: { name: { read } }, problem: "sources.name.source: " },
    { name: "an unknown part", sources: { name: { source: "page", read, url: "https://x.example" } }, problem: `sources.name: Unrecognized key: "url"` },
  ])("rejects $name, naming it", ({ sources, problem }) => {
    expect(() => parseCouncilSettings("testshire.json", councilWith({ sources }))).toThrow(`Council settings in testshire.json are not valid:\n  - ${problem}`);
  });

  it("accepts a path into an object, an array item, and a whole part", () => {
    const sources = {
      "contact.hours": unpublished,
      "advocacy.0.phone": unpublished,
      timescales: unpublished,
      "timescales.stage2RequestWindow.unit": unpublished,
    };
    expect(parseCouncilSettings("testshire.json", councilWith({ sources })).sources).toEqual(sources);
  });
});

describe("formatSettingsError", () => {
  it("lists every problem, one line each, naming the source and the field", () => {
    const result = councilSettingsSchema.safeParse(
      councilWith({
        id: "Testshire",
        contact: { hours: "9 to 5" },
        themeColour: "blue",
        timescales: { stage2TargetWorkingDays: 30, stage2MaxWorkingDays: 20 },
      }),
    );
    expect(result.success).toBe(false);
    expect(formatSettingsError("councils/testshire.json", result.error!)).toBe(
      [
        "Council settings in councils/testshire.json are not valid:",
        "  - id: must be lower-case letters, numbers and dashes",
        "  - timescales.stage2MaxWorkingDays: must be at least stage2TargetWorkingDays",
        "  - themeColour: must be a colour like #1d4f91",
        // Checked across fields (it may be left out with a sources entry), so it comes last.
        "  - contact: needs at least one of phone, email, postalAddress or webForm",
      ].join("\n"),
    );
  });

  it("names the top level when the whole file is wrong", () => {
    const result = councilSettingsSchema.safeParse("not an object");
    expect(formatSettingsError("bad.json", result.error!)).toMatch(/^Council settings in bad\.json are not valid:\n {2}- \(top level\): \S/);
  });

  it("parseCouncilSettings throws the same text", () => {
    const data = councilWith({ themeColour: "blue", privacyNotice: "http://x.example" });
    const result = councilSettingsSchema.safeParse(data);
    expect(() => parseCouncilSettings("x.json", data)).toThrow(formatSettingsError("x.json", result.error!));
  });
});
