// @ts-check
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import { readdirSync } from "node:fs";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * One-way imports (style.md rule 1): domain ← lib, components ← features ← routes; domain ← server;
 * no feature imports another. Zones on resolved paths (import-x/no-restricted-paths), so `../drafts/x`
 * is caught like any other spelling, and one rule holds every zone, so no later block can replace an
 * earlier one. Every feature folder is found on disk: a new one is covered without editing this.
 * test/fixtures/boundaries holds imports that must fail; test/lint/boundaries.test.ts checks they do.
 */
const FEATURES = readdirSync(new URL("./src/app/features", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const boundaryZones = [
  { target: "./src/domain", from: ["./src/app", "./src/server"], message: "src/domain is environment-free: it imports nothing from the app or the server." },
  { target: "./src/server", from: "./src/app", message: "The server may import only src/domain." },
  { target: "./src/app", from: "./src/server", message: "The app must not import the server." },
  {
    target: "./src/staff",
    from: ["./src/app/features", "./src/app/routes", "./src/server"],
    message: "The staff area may import only app/components, app/lib and src/domain.",
  },
  { target: "./src/domain", from: "./src/staff", message: "src/domain is environment-free: it imports nothing from the staff area." },
  {
    target: "./src/app/lib",
    from: ["./src/app/components", "./src/app/features", "./src/app/routes"],
    message: "app/lib may import only src/domain and app/lib.",
  },
  { target: "./src/app/components", from: ["./src/app/features", "./src/app/routes"], message: "Components may import only lib, components and domain." },
  { target: "./src/app/features", from: "./src/app/routes", message: "A feature must not import a route." },
  ...FEATURES.map((feature) => ({
    target: `./src/app/features/${feature}`,
    from: "./src/app/features",
    except: [`./${feature}`],
    message: "A feature must not import another feature: move what both need to lib/ or components/.",
  })),
];

/**
 * The staff area (issue 12) is its own bundle: nothing in the child's app may import it, or its code
 * and words would reach the child's phone. (Tests may: the locale test checks its words.)
 */
const childAppZones = [
  {
    target: "./src/app",
    from: ["./src/staff", "./locales/en-GB/staff.json"],
    message: "The child's app must not import the staff area (its own bundle, issue 12).",
  },
];

/** Packages a part must not import; one block per part, and the parts do not overlap. */
const restrictedPackages = (files, ignores, paths, patterns) => ({
  files,
  ignores,
  rules: { "no-restricted-imports": ["error", { paths, patterns }] },
});

export default tseslint.config(
  // test/fixtures/boundaries: imports that must fail, linted as if they were in src/ by test/lint/boundaries.test.ts.
  { ignores: ["dist/", "dist-server/", "coverage/", "node_modules/", "dev-dist/", "test/fixtures/boundaries/"] },
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
  // Two blocks over files that do not overlap (a later block would replace an earlier one's zones).
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/**/*.test.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: { "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".json"] })] },
    rules: { "import-x/no-restricted-paths": ["error", { zones: [...boundaryZones, ...childAppZones] }] },
  },
  {
    files: ["src/**/*.test.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: { "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".json"] })] },
    rules: { "import-x/no-restricted-paths": ["error", { zones: boundaryZones }] },
  },
  restrictedPackages(
    ["src/domain/**/*.{ts,tsx}"],
    [],
    [
      { name: "react", message: "src/domain is environment-free: no React." },
      { name: "dexie", message: "src/domain is environment-free: no Dexie." },
      { name: "fastify", message: "src/domain is environment-free: no server." },
    ],
    [{ group: ["react-*", "node:*"], message: "src/domain is environment-free: no React or Node imports." }],
  ),
  restrictedPackages(
    ["src/server/**/*.{ts,tsx}"],
    [],
    [
      { name: "react", message: "The server may import only src/domain." },
      { name: "dexie", message: "The server may import only src/domain." },
    ],
    [],
  ),
  // Persistence lives behind repositories (style.md rule 6).
  restrictedPackages(
    ["src/app/**/*.{ts,tsx}"],
    ["src/app/lib/db.ts", "src/app/lib/*-repository.ts", "**/*.test.ts", "**/*.test.tsx"],
    [{ name: "dexie", message: "Only app/lib/db.ts and *-repository.ts import Dexie (style.md rule 6)." }],
    [],
  ),
  {
    files: ["**/*.test.ts", "**/*.test.tsx", "test/**/*.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
