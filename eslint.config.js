// @ts-check
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Folders a layer must not import from (style.md rule 1: one-way imports). */
const layer = (from, forbidden, message) => ({
  files: [`${from}/**/*.{ts,tsx}`],
  rules: {
    "no-restricted-imports": [
      "error",
      { patterns: forbidden.map((group) => ({ group: [group], message })) },
    ],
  },
});

/** Feature folders (style.md layout): none may import another. */
const FEATURES = ["wizard", "start", "drafts", "settings", "info"];

export default tseslint.config(
  { ignores: ["dist/", "dist-server/", "coverage/", "node_modules/", "dev-dist/"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": "error",
    },
  },
  {
    files: ["src/app/**/*.{ts,tsx}", "src/staff/**/*.{ts,tsx}", "test/setup/jsdom.ts"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
    },
  },
  {
    // No user-visible text in components: it lives in locales/ (style.md rule 7).
    files: ["src/app/**/*.tsx", "src/staff/**/*.tsx"],
    ignores: ["src/app/**/*.test.tsx", "src/staff/**/*.test.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "JSXText[value=/[A-Za-z]/]", message: "Put user-visible text in locales/ and use t()." },
        {
          selector: "JSXAttribute[name.name=/^(aria-label|title|alt|placeholder)$/] > Literal",
          message: "Put user-visible text in locales/ and use t().",
        },
      ],
    },
  },
  // One-way imports: domain ← lib, components ← features ← routes; domain ← server.
  layer("src/domain", ["**/app/**", "**/server/**", "react", "react-*", "dexie", "node:*", "fastify"], "src/domain is environment-free: no app, server, React, Dexie or Node imports."),
  layer("src/app/lib", ["**/components/**", "**/features/**", "**/routes/**", "**/server/**"], "app/lib may import only src/domain."),
  layer("src/app/components", ["**/features/**", "**/routes/**", "**/server/**"], "components may import only lib and domain."),
  ...FEATURES.map((feature) =>
    layer(
      `src/app/features/${feature}`,
      [...FEATURES.filter((other) => other !== feature).map((other) => `**/features/${other}/**`), "**/routes/**", "**/server/**"],
      "A feature must not import another feature or a route.",
    ),
  ),
  layer("src/server", ["**/app/**", "react", "dexie"], "The server may import only src/domain."),
  // The staff area (issue 12) is its own bundle: it may use the app's shared components and lib, but
  // nothing in the child's app may import it, or its code and words would reach the child's phone.
  layer("src/staff", ["**/app/features/**", "**/app/routes/**", "**/server/**", "dexie"], "The staff area may import only app/components, app/lib and src/domain."),
  {
    files: ["src/app/*.{ts,tsx}", "src/app/lib/**/*.ts", "src/app/components/**", "src/app/features/**", "src/app/routes/**"],
    ignores: ["src/app/lib/db.ts", "src/app/lib/*-repository.ts", "**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "dexie", message: "Only app/lib/db.ts and *-repository.ts import Dexie (style.md rule 6)." }],
          patterns: [
            { group: ["**/server/**"], message: "The app must not import the server." },
            { group: ["**/staff/**", "**/locales/*/staff.json"], message: "The child's app must not import the staff area (its own bundle, issue 12)." },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.test.ts", "**/*.test.tsx", "test/**/*.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
