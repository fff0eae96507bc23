import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { build, type Plugin } from "vite";
import { compression } from "vite-plugin-compression2";

/** Where the staff area's files go inside the app's output folder; the server and the service worker know it by this name. */
export const STAFF_DIR = "staff";

/**
 * Builds the staff area (src/staff, issue 12) as a bundle of its own, after the child's app, into
 * `<outDir>/staff/`: its HTML, scripts, styles and words never enter the child's chunks, its
 * first-load report or the service worker's precache (which ignores `staff/**`), and nothing in
 * the child's pages links to them (docs/decisions/017-staff-area-bundle.md).
 */
type Json = string | { [key: string]: Json };

function texts(json: Json): string[] {
  return typeof json === "string" ? [json] : Object.values(json).flatMap(texts);
}

/** Sentences only the staff area says (not also in the child's words), long enough to be unmistakable. */
function staffOnlySentences(root: string): string[] {
  const locales = join(root, "locales/en-GB");
  const childText = readdirSync(locales)
    .filter((file) => file.endsWith(".json") && file !== "staff.json")
    .map((file) => readFileSync(join(locales, file), "utf8"))
    .join("\n");
  const staff = JSON.parse(readFileSync(join(locales, "staff.json"), "utf8")) as Json;
  return texts(staff).filter((text) => text.length >= 30 && !text.includes("{{") && !text.includes('"') && !childText.includes(text));
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/**
 * Fail the build if anything of the staff area reached the child's app: a staff file in the service
 * worker's precache list, or a staff sentence or a staff file's address in any of the child's pages
 * and scripts (issue 12). Run after the service worker and the staff area are written.
 */
export function checkStaffKeptApart(root: string, outDir: string): void {
  const problems: string[] = [];
  const sw = join(outDir, "sw.js");
  if (!existsSync(sw)) problems.push("the build has no sw.js to check");
  else {
    const precached = [...readFileSync(sw, "utf8").matchAll(/"url":"([^"]+)"/g)].map((match) => match[1] ?? "");
    if (precached.length === 0) problems.push("sw.js has no precache list to check");
    for (const url of precached) if (url.startsWith(`${STAFF_DIR}/`) || url.includes("/staff")) problems.push(`the service worker precaches ${url}`);
  }
  const sentences = staffOnlySentences(root);
  if (sentences.length < 20) problems.push("too few staff-only sentences to check against");
  const childFiles = filesUnder(outDir).filter((file) => !relative(outDir, file).startsWith(`${STAFF_DIR}/`) && /\.(js|html|json)$/.test(file));
  for (const file of childFiles) {
    const text = readFileSync(file, "utf8");
    if (text.includes(`/${STAFF_DIR}/assets/`)) problems.push(`${relative(outDir, file)} names a staff file`);
    const found = sentences.find((sentence) => text.includes(sentence));
    if (found) problems.push(`${relative(outDir, file)} holds staff words ("${found}")`);
  }
  if (problems.length > 0) throw new Error(`The staff area leaked into the child's app:\n- ${problems.join("\n- ")}`);
}

export function buildStaffArea(): Plugin {
  let outDir = resolve(import.meta.dirname, "../dist");
  let mode = "production";
  return {
    name: "speak-up:staff-area",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      mode = config.mode;
    },
    closeBundle: {
      order: "post",
      sequential: true,
      async handler() {
        const root = resolve(import.meta.dirname, "../src/staff");
        await build({
          configFile: false,
          root,
          mode,
          base: `/${STAFF_DIR}/`,
          publicDir: false,
          logLevel: "warn",
          plugins: [react(), compression({ algorithms: ["brotliCompress", "gzip"], include: /\.(html|js|css|json|svg)$/, logLevel: "silent" })],
          build: {
            target: "es2022",
            outDir: resolve(outDir, STAFF_DIR),
            emptyOutDir: true,
            // Staff use a desktop on a council network; no source maps are published.
            sourcemap: false,
            rollupOptions: { input: resolve(root, "index.html") },
          },
        });
        checkStaffKeptApart(resolve(import.meta.dirname, ".."), outDir);
      },
    },
  };
}
