// `npm start` builds the app (dist/) and the server (dist-server/) only when missing or older than
// any source they are built from, so a newcomer's first start builds and later starts are instant.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildServer } from "./build-server";

const root = resolve(import.meta.dirname, "..");
const inputs = [
  "src/app",
  "src/staff",
  "src/domain",
  "locales",
  "public",
  "index.html",
  "vite.config.ts",
  "scripts/prerender.ts",
  "scripts/staff-build.ts",
  "package-lock.json",
];

function newest(path: string): number {
  const full = join(root, path);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(full).reduce((latest, entry) => Math.max(latest, newest(join(path, entry))), stat.mtimeMs);
}

const builtAt = existsSync(join(root, "dist/index.html")) ? statSync(join(root, "dist/index.html")).mtimeMs : 0;
const sourcesAt = Math.max(...inputs.map(newest));
// The e2e build (npm run build:e2e, npm run test:e2e) offers the made-up test councils too; the app
// `npm start` serves must offer only the real ones (decision 021).
const read = (path: string) => (existsSync(join(root, path)) ? readFileSync(join(root, path), "utf8") : "");
const testBuild =
  builtAt > 0 && JSON.stringify(JSON.parse(read("dist/councils/index.json") || "null")) !== JSON.stringify(JSON.parse(read("public/councils/index.json")));
if (builtAt < sourcesAt || testBuild) {
  process.stdout.write(
    builtAt === 0
      ? "Building the app for the first time…\n"
      : testBuild
        ? "dist/ is a test build: rebuilding the app…\n"
        : "Sources changed: rebuilding the app…\n",
  );
  execFileSync(process.execPath, [join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], {
    cwd: root,
    stdio: "inherit",
  });
}

const serverInputs = ["src/server", "src/domain", "package-lock.json", "scripts/build-server.ts"];
const serverBuiltAt = existsSync(join(root, "dist-server/index.js")) ? statSync(join(root, "dist-server/index.js")).mtimeMs : 0;
if (serverBuiltAt < Math.max(...serverInputs.map(newest))) await buildServer();
