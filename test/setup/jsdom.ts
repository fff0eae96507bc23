import "@testing-library/jest-dom/vitest";
import "fake-indexeddb/auto";
import { cleanup, configure } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach, vi } from "vitest";
import { initI18n, loadLaterWords } from "../../src/app/lib/i18n";
import { lock } from "../../src/app/lib/pin-session";
import { reportStorageProblem } from "../../src/app/lib/storage-health";
import { resetStoragePersistenceForTests } from "../../src/app/lib/storage-persistence";

// Pages load their code and words lazily, as in the app: on a busy 2-core CI machine the first
// lazy load of a route can take more than Testing Library's default 1 s to appear.
configure({ asyncUtilTimeout: 4_000 });

// jsdom has no layout: scrolling is a no-op there (real scrolling is covered in Chromium).
Element.prototype.scrollIntoView = function scrollIntoView() {};
window.scrollTo = () => {};

// Component tests run in jsdom with fake-indexeddb (real IndexedDB is covered by the e2e specs).
beforeAll(async () => {
  const i18n = await initI18n();
  // Every page's words at once (the app loads most with the first page that needs them).
  await loadLaterWords("all", i18n);
  await loadLaterWords("language", i18n);
  // A key with no text would show the raw key to a child: report it as an error (which fails the test).
  // Optional hints are looked up with a default of "" and may be missing on purpose.
  i18n.options.saveMissing = true;
  i18n.on("missingKey", (_languages: readonly string[], namespace: string, key: string) => {
    // eslint-disable-next-line no-console -- the jsdom setup turns console.error into a test failure
    if (!key.endsWith(".hint")) console.error(`Missing text for ${namespace}:${key}`);
  });
});

// console.error during a test fails it (style.md rule 8): React's warnings are bugs.
let errors: unknown[][] = [];
beforeEach(() => {
  errors = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});
afterEach(() => {
  cleanup();
  // Module-level state must not leak from one test into the next.
  reportStorageProblem("none");
  resetStoragePersistenceForTests();
  lock();
  vi.restoreAllMocks();
  if (errors.length > 0) {
    throw new Error(`console.error was called during the test:\n${errors.map((a) => a.map(String).join(" ")).join("\n")}`);
  }
});
