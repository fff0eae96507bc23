import "@testing-library/jest-dom/vitest";
import "fake-indexeddb/auto";
import { cleanup } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach, vi } from "vitest";
import { initI18n } from "../../src/app/lib/i18n";

// jsdom has no layout: scrolling is a no-op there (real scrolling is covered in Chromium).
Element.prototype.scrollIntoView = function scrollIntoView() {};
window.scrollTo = () => {};

// Component tests run in jsdom with fake-indexeddb (real IndexedDB is covered by the e2e specs).
beforeAll(async () => {
  await initI18n();
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
  vi.restoreAllMocks();
  if (errors.length > 0) {
    throw new Error(`console.error was called during the test:\n${errors.map((a) => a.map(String).join(" ")).join("\n")}`);
  }
});
