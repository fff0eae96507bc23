import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { compression } from "vite-plugin-compression2";
import { VitePWA } from "vite-plugin-pwa";
import { prerenderPages } from "./scripts/prerender";
import { buildStaffArea, STAFF_DIR } from "./scripts/staff-build";
import { loadCouncilSet, testCouncilsDir } from "./src/server/councils";

const SOURCE_MAP_DIR = "build/sourcemaps";

/**
 * Fail the build, naming the field, when any council settings file is invalid (issue 3). The real
 * councils are copied from public/councils like any public file. Only when SPEAK_UP_TEST_COUNCILS
 * names a folder (the e2e build: scripts/run-e2e.ts) are its made-up councils added to the bundle,
 * with an index.json offering them too (decision 021).
 */
function councilSettings(): Plugin {
  const realDir = resolve(import.meta.dirname, "public/councils");
  return {
    name: "speak-up:council-settings",
    buildStart() {
      loadCouncilSet(realDir, testCouncilsDir());
    },
    generateBundle() {
      const testDir = testCouncilsDir();
      if (testDir === undefined) return;
      const set = loadCouncilSet(realDir, testDir);
      for (const [id, folder] of set.folders) {
        if (folder !== testDir) continue;
        this.emitFile({ type: "asset", fileName: `councils/${id}.json`, source: readFileSync(resolve(folder, `${id}.json`), "utf8") });
      }
      // Written over public/councils/index.json in dist/.
      this.emitFile({ type: "asset", fileName: "councils/index.json", source: `${JSON.stringify(set.index, null, 2)}\n` });
    },
  };
}

/**
 * Source maps are made (for debugging a report) but never published: after the build, every `.map`
 * is moved out of dist/ into build/sourcemaps/, so the server cannot send one (issue 9).
 */
function keepSourceMapsPrivate(): Plugin {
  let outDir = resolve(import.meta.dirname, "dist");
  return {
    name: "speak-up:keep-source-maps-private",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: "post",
      sequential: true,
      handler() {
        const dist = outDir;
        // One folder per output folder, so a second build (e2e) does not remove the first one's maps.
        const target = resolve(import.meta.dirname, SOURCE_MAP_DIR, relative(import.meta.dirname, outDir).replace(/[^a-z0-9]+/gi, "-"));
        rmSync(target, { recursive: true, force: true });
        const move = (dir: string) => {
          for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const full = join(dir, entry.name);
            if (entry.isDirectory()) move(full);
            else if (entry.name.endsWith(".map")) {
              const to = join(target, relative(dist, full));
              mkdirSync(resolve(to, ".."), { recursive: true });
              renameSync(full, to);
            }
          }
        };
        move(dist);
      },
    },
  };
}

export default defineConfig({
  plugins: [
    councilSettings(),
    react(),
    prerenderPages(),
    // Brotli and gzip copies of every text file, made once at build time and served by the
    // server with Content-Encoding (@fastify/static preCompressed).
    compression({
      algorithms: ["brotliCompress", "gzip"],
      include: /\.(html|js|mjs|css|json|svg|webmanifest|txt)$/,
      logLevel: "silent",
    }),
    VitePWA({
      // Our own service worker (src/app/sw.ts): offline pages, Background Sync for the outbox,
      // and updates that wait until the person presses "Update now" (src/app/lib/pwa.ts).
      strategies: "injectManifest",
      srcDir: "src/app",
      filename: "sw.ts",
      // The app asks before updating, so a form is never reloaded under someone's fingers.
      registerType: "prompt",
      injectRegister: false,
      manifest: {
        name: "Speak Up: complain about children's social care",
        short_name: "Speak Up",
        description: "Make a complaint about children's social care, and find out what happens next.",
        lang: "en-GB",
        start_url: "/",
        scope: "/",
        display: "standalone",
        background_color: "#ffffff",
        theme_color: "#1d4f91",
        icons: [
          { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
      injectManifest: {
        // Everything a visit needs with no network: the app shell, all JS and CSS (the words are
        // bundled in the JS), council settings (councils/*.json), icons and the manifest.
        globPatterns: ["**/*.{js,css,html,svg,png,json,webmanifest}"],
        // The server's own list of pre-rendered pages; the worker finds them by address. The PDF
        // maker (about 180 kB) is fetched only when someone asks for a PDF, which needs the
        // connection anyway (scripts/prerender.ts ON_DEMAND_CHUNKS). The staff area (dist/staff/)
        // is never kept offline: it is for council staff, not the child, and a staff page must
        // always come from the server (scripts/staff-build.ts). Other languages' words
        // (assets/locale-*) and fonts are kept when first used, not precached: only the chosen
        // language is downloaded (sw.ts; decision 013).
        globIgnores: ["prerendered.json", "assets/copy-pdf-*.js", `${STAFF_DIR}/**`, "assets/locale-*"],
      },
    }),
    keepSourceMapsPrivate(),
    buildStaffArea(),
  ],
  build: {
    target: "es2022",
    rollupOptions: {
      // boot.ts: the one script a pre-rendered page names; it starts the app once the page is on
      // screen (scripts/prerender.ts, docs/decisions/009-pre-rendered-pages.md).
      input: { index: resolve(import.meta.dirname, "index.html"), boot: resolve(import.meta.dirname, "src/app/boot.ts") },
      output: {
        // Another language's words: assets/locale-<code>-<namespace>-<hash>.js, which the service
        // worker keeps when first fetched and the pre-renderer never prefetches (decision 013).
        chunkFileNames: (chunk) => {
          const words = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(chunk.facadeModuleId ?? "");
          if (words && words[1] !== "en-GB") return `assets/locale-${words[1]}-${words[2]}-[hash].js`;
          if (chunk.facadeModuleId?.endsWith("/src/app/lib/pseudo-locale.ts")) return "assets/locale-pseudo-[hash].js";
          return "assets/[name]-[hash].js";
        },
      },
    },
    // Written for debugging, referenced nowhere, and moved out of dist/ (keepSourceMapsPrivate).
    sourcemap: "hidden",
    // No modulepreload polyfill: the pre-rendered pages name no modulepreload link (boot.ts adds
    // them), so on the first page it did nothing but cost 0.3 kB gzip of its budget. A browser
    // without modulepreload (Safari before 17) fetches each file when it is imported, also on the
    // shell page that addresses not drawn at build time get, which names a few.
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: { "/api": "http://localhost:8080" },
  },
});
