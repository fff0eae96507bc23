import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// Unit and component tests. The file suffix names the environment (style.md rule 8):
// *.test.ts runs in Node, *.test.tsx in jsdom. End-to-end specs have their own config.
export default defineConfig({
  test: {
    // The made-up councils (test/fixtures/councils) as well as the real ones (decision 021).
    env: { SPEAK_UP_TEST_COUNCILS: "test/fixtures/councils" },
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          include: ["src/**/*.test.ts", "scripts/*.test.ts", "test/lint/*.test.ts"],
          environment: "node",
          setupFiles: ["test/setup/node.ts"],
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: "jsdom",
          include: ["src/**/*.test.tsx"],
          environment: "jsdom",
          setupFiles: ["test/setup/jsdom.ts"],
          // A whole journey through lazy pages, on a busy machine (Testing Library waits up to 4 s a step).
          testTimeout: 20_000,
        },
      },
    ],
    coverage: {
      provider: "v8",
      include: ["src/domain/**/*.ts"],
      exclude: ["src/domain/**/*.test.ts", "src/domain/**/*.bench.ts"],
      reporter: ["text"],
      thresholds: { "src/domain/**/*.ts": { lines: 95 } },
    },
  },
});
