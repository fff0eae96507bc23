import { defineConfig } from "vitest/config";

// End-to-end specs: real Chromium (playwright-core) against the real built app and server.
// Run by scripts/run-e2e.ts, which builds the app and finds Chromium first.
export default defineConfig({
  test: {
    name: "e2e",
    include: ["test/e2e/**/*.spec.ts"],
    environment: "node",
    globalSetup: ["test/setup/e2e-server.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser at a time: the machine has two cores and each spec drives a real Chromium.
    fileParallelism: false,
  },
});
