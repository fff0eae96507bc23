import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join, resolve } from "node:path";
import { runnerImport, type Plugin } from "vite";
import { todayIso } from "../src/domain/calendar";
import { loadCouncilSet, testCouncilsDir } from "../src/server/councils";
import type { CouncilSettings } from "../src/domain/council";

/** What src/app/prerender.tsx exports (it is app code, compiled with the app's tsconfig). */
interface PrerenderModule {
  PRERENDERED_PATHS: readonly PrerenderedPath[];
  renderPage(path: string, council: CouncilSettings, day: string): Promise<string>;
  renderShell(council: CouncilSettings, day: string): Promise<string>;
}

type PrerenderedPath = "/" | "/what-happens" | "/words" | "/drafts" | "/complaint/who";

/**
 * Pre-renders pages to static HTML inside `vite build` (issue 9; docs/decisions/009-pre-rendered-pages.md).
 *
 * The client build makes `index.html` with its script and CSS tags; this plugin draws the app with
 * `react-dom/server` (src/app/prerender.tsx, loaded through Vite's module runner so it sees the
 * same code and JSON as the browser) and writes one HTML file per pre-rendered address:
 * `index.html` (the start page), `what-happens.html`, `words.html`, `drafts.html`, and
 * `shell.html` (the layout around "Loading…") for every other address. Each file carries:
 * - the markup inside `<div id="root" data-prerendered="/path">`, which main.tsx hydrates;
 * - `<script type="application/json" id="first-render-data">`: the build day, the default
 *   council's settings (already checked by the shared schema), so the first render in the
 *   browser matches, and that council's file and the council index as served, so a device that
 *   fetches the same files uses these without loading the schema;
 * - `<link rel="modulepreload">` for the chunks of that page's route, so hydrating waits for one
 *   round trip, not a chain of them.
 * The files are emitted into the bundle before the compression plugin and the service worker's
 * precache list see it, so each is compressed and precached like any other asset.
 */

/** Which route module draws each pre-rendered address (src/app/router.tsx's lazy imports). */
const ROUTE_MODULES: Record<PrerenderedPath, string> = {
  "/": "src/app/routes/start-route.tsx",
  "/what-happens": "src/app/routes/info-routes.tsx",
  "/words": "src/app/routes/info-routes.tsx",
  "/drafts": "src/app/routes/drafts-routes.tsx",
  "/complaint/who": "src/app/routes/wizard-routes.tsx",
};

/** The file an address is written to; the server and the service worker find pages the same way. */
export function prerenderedFile(path: string): string {
  return path === "/" ? "index.html" : `${path.slice(1)}.html`;
}

/** JSON that is safe inside a `<script>` element: no `</script>`, no HTML comment openers. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The page's h1 as plain text, for its `<title>` (useDocumentTitle sets the same once the app runs). */
function headingText(markup: string): string | undefined {
  const match = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(markup);
  if (!match?.[1]) return undefined;
  return match[1]
    .replace(/<[^>]+>/g, "")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
}

interface ChunkInfo {
  type: "chunk" | "asset";
  fileName: string;
  facadeModuleId?: string | null;
  imports?: string[];
  isEntry?: boolean;
  code?: string;
  modules?: Record<string, { renderedLength: number }>;
}

/**
 * The most JavaScript the first page may fetch, gzipped: the entry script, its static imports and
 * the start page's modulepreloads (issue 9). A size, not a time, so it can fail the build.
 */
export const FIRST_LOAD_BUDGET_BYTES = 130 * 1024;

/** Chunks fetched only when the person asks (their rollup names): never prefetched or precached (vite.config.ts). */
export const ON_DEMAND_CHUNKS = ["copy-pdf"];

/** Where the build writes what the first page loads, file by file and package by package. */
export const FIRST_LOAD_REPORT = "build/first-load.json";

/** Which package (or "app") a module belongs to, for the report. */
function packageOf(id: string): string {
  const at = id.lastIndexOf("node_modules/");
  if (at === -1) return id.includes("/locales/") ? "locales" : "app";
  const parts = id.slice(at + "node_modules/".length).split("/");
  return parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1]}` : (parts[0] ?? id);
}

/** Measure the first page's JavaScript, write the report, and fail the build over budget. */
function checkFirstLoad(root: string, bundle: Record<string, ChunkInfo>, files: string[]): void {
  const chunks = files.map((file) => bundle[file]).filter((item): item is ChunkInfo => item?.type === "chunk");
  const perFile = chunks.map((chunk) => ({ file: chunk.fileName, bytes: (chunk.code ?? "").length, gzip: gzipSync(chunk.code ?? "", { level: 9 }).length }));
  const perPackage: Record<string, number> = {};
  for (const chunk of chunks) {
    for (const [id, info] of Object.entries(chunk.modules ?? {})) perPackage[packageOf(id)] = (perPackage[packageOf(id)] ?? 0) + info.renderedLength;
  }
  const gzip = perFile.reduce((sum, file) => sum + file.gzip, 0);
  const report = {
    budgetBytes: FIRST_LOAD_BUDGET_BYTES,
    gzipBytes: gzip,
    files: perFile.sort((a, b) => b.gzip - a.gzip),
    /** Before minifying: how the first page's code divides between packages. */
    packagesBytes: Object.fromEntries(Object.entries(perPackage).sort((a, b) => b[1] - a[1])),
    appModulesBytes: Object.fromEntries(
      chunks
        .flatMap((chunk) => Object.entries(chunk.modules ?? {}))
        .filter(([id]) => packageOf(id) === "app" || packageOf(id) === "locales")
        .map(([id, info]): [string, number] => [id.slice(root.length + 1), info.renderedLength])
        .sort((a, b) => b[1] - a[1]),
    ),
  };
  mkdirSync(join(root, "build"), { recursive: true });
  writeFileSync(join(root, FIRST_LOAD_REPORT), `${JSON.stringify(report, null, 2)}\n`);
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  if (gzip > FIRST_LOAD_BUDGET_BYTES) {
    throw new Error(
      `The first page loads ${kB(gzip)} of JavaScript (gzip), over its budget of ${kB(FIRST_LOAD_BUDGET_BYTES)}. ` +
        `See ${FIRST_LOAD_REPORT} for what it holds; load the rest with the page that needs it.`,
    );
  }
  process.stdout.write(`First page JavaScript: ${kB(gzip)} gzip (budget ${kB(FIRST_LOAD_BUDGET_BYTES)}); details in ${FIRST_LOAD_REPORT}\n`);
}

/** A chunk's file and every chunk it imports statically, for modulepreload. */
function chunkClosure(bundle: Record<string, ChunkInfo>, moduleId: string): string[] {
  const start = Object.values(bundle).find((item) => item.type === "chunk" && item.facadeModuleId === moduleId);
  if (!start) throw new Error(`Pre-rendering: no chunk was built for ${moduleId}`);
  const files = new Set<string>();
  const visit = (fileName: string) => {
    if (files.has(fileName)) return;
    files.add(fileName);
    for (const imported of bundle[fileName]?.imports ?? []) visit(imported);
  };
  visit(start.fileName);
  return [...files];
}

/**
 * The chunks boot.ts runs one by one, each in a task of its own, before the entry (issue 9): every
 * chunk the entry and `pageChunks` import that does not itself need the entry, dependencies first,
 * in the order the browser would run them as one module graph (depth first, imports before the
 * importer). Running a module runs everything it imports that has not run yet, in one task: as one
 * graph, React, the router, zod, Dexie and react-hook-form were a few long tasks on a cheap phone.
 */
export function runOrder(bundle: Record<string, ChunkInfo>, entryFile: string, pageChunks: string[]): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of bundle[file]?.imports ?? []) visit(imported);
    order.push(file);
  };
  for (const file of [entryFile, ...pageChunks]) visit(file);
  const needsEntry = new Map<string, boolean>();
  const dependsOnEntry = (file: string): boolean => {
    const known = needsEntry.get(file);
    if (known !== undefined) return known;
    needsEntry.set(file, false);
    const result = file === entryFile || (bundle[file]?.imports ?? []).some(dependsOnEntry);
    needsEntry.set(file, result);
    return result;
  };
  return order.filter((file) => !dependsOnEntry(file));
}

export function prerenderPages(): Plugin {
  let root = process.cwd();
  return {
    name: "speak-up:prerender",
    apply: "build",
    // After Vite's own HTML plugin has written index.html into the bundle.
    enforce: "post",
    configResolved(config) {
      root = config.root;
    },
    async generateBundle(_options, bundle) {
      const template = bundle["index.html"];
      if (!template || template.type !== "asset" || typeof template.source !== "string") return;
      const entryHtml = template.source;

      // The real councils' default; in the e2e build (SPEAK_UP_TEST_COUNCILS) the test councils' default.
      const { councils, index, folders } = loadCouncilSet(join(root, "public/councils"), testCouncilsDir());
      const council = councils.get(index.default);
      const folder = folders.get(index.default);
      if (!council || !folder) throw new Error(`Pre-rendering: the default council ${index.default} is not in public/councils`);
      // The file as served (before the schema fills in defaults): a device that finds the same file
      // uses these settings without loading the schema (council-provider.tsx).
      const councilSource: unknown = JSON.parse(readFileSync(join(folder, `${index.default}.json`), "utf8"));
      const day = todayIso(new Date());

      const { module } = await runnerImport<PrerenderModule>(resolve(root, "src/app/prerender.tsx"), {
        root,
        configFile: false,
        logLevel: "error",
        // The page modules compile as they do for the browser (JSX, JSON), and run in Node.
        oxc: { jsx: { runtime: "automatic" } },
      });
      const bootId = resolve(root, "src/app/boot.ts");
      const boot = Object.values(bundle).find((item) => item.type === "chunk" && item.facadeModuleId === bootId);
      if (!boot) throw new Error("Pre-rendering: the build has no src/app/boot.ts chunk (vite.config.ts build.rollupOptions.input)");
      const entryChunks = new Set<string>();
      for (const item of Object.values(bundle)) if (item.type === "chunk" && item.isEntry && item !== boot) entryChunks.add(item.fileName);

      /**
       * Every script chunk, for prefetching the rest of the app once a page has loaded; not the
       * ones loaded only when asked (the PDF maker, issue 15: vite.config.ts keeps it out of the precache too).
       */
      const allChunks = Object.values(bundle)
        // Not the PDF maker (on demand), nor other languages' words: only the language someone
        // chooses is fetched (decision 013).
        .filter((item) => item.type === "chunk" && item !== boot && !ON_DEMAND_CHUNKS.includes(item.name) && !item.fileName.startsWith("assets/locale-"))
        .map((item) => item.fileName);

      const page = (markup: string, prerendered: string | undefined, pageChunks: string[]) => {
        const title = headingText(markup);
        const needed = new Set([...entryChunks, ...pageChunks]);
        // The other pages' code, fetched at the lowest priority after this page (never run until
        // needed), so every page opens if the connection drops a moment after the first visit. A
        // pre-rendered page names them in its load plan instead: boot.ts adds them once its own
        // code has run, so they never share the connection with the first paint.
        const prefetch = allChunks.filter((file) => !needed.has(file) && !entryHtml.includes(`/${file}"`)).map((file) => `/${file}`);
        const links = [
          ...pageChunks
            .filter((file) => !entryChunks.has(file) && !entryHtml.includes(`/${file}"`))
            .map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
          ...(prerendered === undefined ? prefetch.map((href) => `<link rel="prefetch" as="script" crossorigin href="${href}">`) : []),
        ].join("\n    ");
        const rootAttributes = prerendered === undefined ? `id="root"` : `id="root" data-prerendered="${escapeHtml(prerendered)}"`;
        let html = entryHtml.replace(`<div id="root"></div>`, `<div ${rootAttributes}>${markup}</div>`);
        if (!html.includes(`data-prerendered`) && prerendered !== undefined) throw new Error('index.html has no empty <div id="root"></div>');
        if (links) html = html.replace("</head>", `  ${links}\n  </head>`);
        if (title) html = html.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)} – Speak Up</title>`);
        let load: { entry: string; run: string[]; preload: string[]; prefetch: string[] } | undefined;
        if (prerendered !== undefined) {
          // A page drawn here is complete without its code, so it names only boot.ts, which asks for
          // the entry and the files it needs once the page is on screen (src/app/boot.ts).
          const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/.exec(html);
          if (!entry?.[1]) throw new Error('Pre-rendering: index.html has no entry <script type="module">');
          const preload: string[] = [];
          html = html.replace(entry[0], `<script type="module" crossorigin src="/${boot.fileName}"></script>\n    `);
          html = html.replace(/<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g, (_tag, href: string) => {
            preload.push(href);
            return "";
          });
          const [entryFile] = entryChunks;
          if (entryFile === undefined || `/${entryFile}` !== entry[1])
            throw new Error(`Pre-rendering: the entry script ${entry[1]} is not the build's entry chunk`);
          const run = runOrder(bundle as Record<string, ChunkInfo>, entryFile, pageChunks).map((file) => `/${file}`);
          load = { entry: entry[1], run, preload, prefetch };
        }
        html = html.replace(
          "</body>",
          `  <script type="application/json" id="first-render-data">${scriptJson({ day, council, councilSource, index, load })}</script>\n  </body>`,
        );
        return html;
      };

      const chunks = bundle as Record<string, ChunkInfo>;
      const entry = Object.values(chunks).find((item) => item.type === "chunk" && item.isEntry && item !== boot);
      if (!entry?.facadeModuleId) throw new Error("Pre-rendering: the build has no entry chunk");
      checkFirstLoad(root, chunks, [...new Set([...chunkClosure(chunks, entry.facadeModuleId), ...chunkClosure(chunks, resolve(root, ROUTE_MODULES["/"]))])]);

      for (const path of module.PRERENDERED_PATHS) {
        const markup = await module.renderPage(path, council, day);
        const html = page(markup, path, chunkClosure(chunks, resolve(root, ROUTE_MODULES[path])));
        if (path === "/") template.source = html;
        else this.emitFile({ type: "asset", fileName: prerenderedFile(path), source: html });
      }
      // Client-rendered over (createRoot), so it needs no data-prerendered.
      this.emitFile({ type: "asset", fileName: "shell.html", source: page(await module.renderShell(council, day), undefined, []) });
      this.emitFile({
        type: "asset",
        fileName: "prerendered.json",
        source: JSON.stringify({ pages: Object.fromEntries(module.PRERENDERED_PATHS.map((path) => [path, prerenderedFile(path)])), shell: "shell.html" }),
      });
    },
  };
}
