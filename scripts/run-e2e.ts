// The end-to-end step of `npm test`: find Chromium, build the app, run test/e2e in real Chromium.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const chrome = process.env.CHROME_PATH || "/usr/bin/chromium";

if (process.env.SKIP_E2E === "1") {
  process.stdout.write("SKIP_E2E=1: end-to-end tests NOT run (set on purpose).\n");
  process.exit(0);
}
if (!existsSync(chrome)) {
  process.stderr.write(
    `\nThe end-to-end tests need Chromium, and none was found at ${chrome}.\n` +
      `Install it with:  apt-get install -y chromium\n` +
      `or point CHROME_PATH at a Chromium binary. To skip these tests on purpose, set SKIP_E2E=1.\n\n`,
  );
  process.exit(1);
}

const run = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, stdio: "inherit", env: { ...process.env, CHROME_PATH: chrome } });
try {
  // With the pseudo-languages (src/app/lib/pseudo-locale.ts) for test/e2e/languages.spec.ts;
  // otherwise the same build as production.
  process.env.VITE_PSEUDO_LOCALES = "1";
  // The made-up councils (test/fixtures/councils) as well as the real ones, for the build and for
  // the server test/setup/e2e-server.ts starts (decision 021).
  process.env.SPEAK_UP_TEST_COUNCILS = join(root, "test/fixtures/councils");
  run([join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"]);
  run([join(root, "node_modules/vitest/vitest.mjs"), "run", "-c", "vitest.e2e.config.ts"]);
} catch {
  process.exit(1);
}
