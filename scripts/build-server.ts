// Compile the server into dist-server/ (one ES module, packages left in node_modules) with its
// SQL migrations beside it, so `npm start` runs it with plain `node`: one process, which a
// signal reaches directly (tsx ran the server in a child process that outlived `kill -9`).
import { cpSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";

const root = resolve(import.meta.dirname, "..");
const out = join(root, "dist-server");

export async function buildServer(): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  await build({
    entryPoints: [join(root, "src/server/index.ts")],
    outfile: join(out, "index.js"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: true,
    logLevel: "warning",
  });
  // migrations.ts reads them from beside the module that holds it.
  cpSync(join(root, "src/server/storage/migrations"), join(out, "migrations"), { recursive: true });
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await buildServer();
