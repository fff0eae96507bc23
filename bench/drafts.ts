import { join, resolve } from "node:path";
import { build } from "vite";
import { launchBrowser } from "../test/e2e/support/browser";

const root = resolve(import.meta.dirname, "..");

/** Bundle the in-page benchmark (the app's real repositories) as one script. */
async function bundle(): Promise<string> {
  const output = await build({
    configFile: false,
    root,
    logLevel: "silent",
    build: {
      write: false,
      minify: true,
      lib: { entry: join(root, "bench/browser/drafts-entry.ts"), formats: ["iife"], name: "SpeakUpBench", fileName: "bench" },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if ("output" in result) {
      const chunk = result.output.find((item) => item.type === "chunk");
      if (chunk && chunk.type === "chunk") return chunk.code;
    }
  }
  throw new Error("The bench bundle produced no code");
}

/**
 * Drafts in real Chromium: median time to save one change to a draft (what autosave does per
 * keystroke batch) and to open the drafts list with 200 drafts, without and with the PIN lock.
 * Runs on a localhost page (a secure context, so WebCrypto works) that the test serves itself.
 */
export async function runDraftsBench(): Promise<string[]> {
  const code = await bundle();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.route("http://localhost:9/**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>bench</title>" }));
    await page.goto("http://localhost:9/");
    await page.evaluate(code);
    const lines: string[] = [];
    for (const withPin of [false, true]) {
      const result = await page.evaluate(
        (pin) =>
          (
            window as unknown as { SpeakUpBench: { runDraftBench: (p: boolean) => Promise<{ saveMs: number; listMs: number; drafts: number }> } }
          ).SpeakUpBench.runDraftBench(pin),
        withPin,
      );
      const label = withPin ? "with PIN lock   " : "without PIN lock";
      lines.push(
        `${label}: save a draft change ${result.saveMs.toFixed(2)} ms (median of 100); open the drafts list with ${result.drafts} drafts ${result.listMs.toFixed(1)} ms (median of 15)`,
      );
    }
    return lines;
  } finally {
    await browser.close();
  }
}
