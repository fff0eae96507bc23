import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import northmoor from "../../../test/fixtures/councils/northmoor.json";
import testIndex from "../../../test/fixtures/councils/index.json";
import { councilIndexSchema, parseCouncilSettings } from "../../domain/council";
import { loadCouncil, loadCouncilIndex } from "./council-settings";

/** The files as this origin serves them; a test may change one, as a new deployment would. */
let served: Record<string, unknown>;

beforeEach(() => {
  served = { "/councils/index.json": testIndex, "/councils/northmoor.json": northmoor };
  vi.stubGlobal(
    "fetch",
    vi.fn(async (path: string) => (served[path] === undefined ? new Response("Not found", { status: 404 }) : Response.json(served[path]))),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** What the build wrote into the page for northmoor: the file as served and what the schema made of it. */
const built = () => ({ source: structuredClone(northmoor), parsed: parseCouncilSettings("northmoor.json", northmoor) });

describe("loadCouncil", () => {
  it("uses the settings the page was built with when the served file is that very file", async () => {
    const known = built();
    expect(await loadCouncil("northmoor", known)).toBe(known.parsed);
  });

  it("parses a file that changed since the build, so new phone numbers show at once", async () => {
    served["/councils/northmoor.json"] = { ...northmoor, contact: { ...northmoor.contact, phone: "01234 000000" } };
    const council = await loadCouncil("northmoor", built());
    expect(council.contact.phone).toBe("01234 000000");
    expect(council).toEqual(parseCouncilSettings("northmoor.json", served["/councils/northmoor.json"]));
  });

  it("never takes the built settings for another council, and still rejects a broken file", async () => {
    const known = built();
    served["/councils/riverside.json"] = structuredClone(northmoor);
    expect(await loadCouncil("riverside", known)).not.toBe(known.parsed);
    served["/councils/northmoor.json"] = { ...northmoor, contact: { ...northmoor.contact, phone: 42 } };
    await expect(loadCouncil("northmoor", known)).rejects.toThrow(/contact\.phone/);
  });
});

describe("loadCouncilIndex", () => {
  it("uses the built index when the served one is the same, and parses one that changed", async () => {
    const parsed = councilIndexSchema.parse(testIndex);
    const known = { source: structuredClone(testIndex), parsed };
    expect(await loadCouncilIndex(known)).toBe(parsed);
    served["/councils/index.json"] = { ...testIndex, councils: [] };
    await expect(loadCouncilIndex(known)).rejects.toThrow();
  });
});
