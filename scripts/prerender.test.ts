import { describe, expect, it } from "vitest";
import { runOrder } from "./prerender";

/** A bundle as Rollup describes it: each chunk's static imports. */
function bundle(imports: Record<string, string[]>) {
  return Object.fromEntries(Object.entries(imports).map(([fileName, list]) => [fileName, { type: "chunk" as const, fileName, imports: list }]));
}

describe("runOrder: the modules boot.ts runs in turn before the entry (issue 9)", () => {
  it("lists the entry's and the page's chunks as the browser would run them, imports first, each once", () => {
    const chunks = bundle({
      "entry.js": ["react.js", "router.js"],
      "react.js": ["runtime.js"],
      "router.js": ["react.js"],
      "runtime.js": [],
      "page.js": ["form.js", "zod.js"],
      "form.js": ["react.js"],
      "zod.js": [],
    });
    expect(runOrder(chunks, "entry.js", ["page.js", "form.js", "zod.js"])).toEqual(["runtime.js", "react.js", "router.js", "form.js", "zod.js", "page.js"]);
  });

  it("leaves out the entry and every chunk that needs it: running one would start the app early, in the same task", () => {
    const chunks = bundle({
      "entry.js": ["react.js"],
      "react.js": [],
      "page.js": ["entry.js", "rules.js", "layout-bits.js"],
      "layout-bits.js": ["entry.js"],
      "rules.js": ["zod.js"],
      "zod.js": [],
    });
    expect(runOrder(chunks, "entry.js", ["page.js", "rules.js", "zod.js", "layout-bits.js"])).toEqual(["react.js", "zod.js", "rules.js"]);
  });

  it("copes with chunks that import each other", () => {
    const chunks = bundle({ "entry.js": ["a.js"], "a.js": ["b.js"], "b.js": ["a.js"] });
    expect(runOrder(chunks, "entry.js", [])).toEqual(["b.js", "a.js"]);
  });
});
