import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import { loadCouncils } from "./src/server/councils";

/** Fail the build, naming the field, when any council settings file is invalid (issue 3). */
function validateCouncilSettings(): Plugin {
  return {
    name: "speak-up:validate-council-settings",
    buildStart() {
      loadCouncils(resolve(import.meta.dirname, "public/councils"));
    },
  };
}

export default defineConfig({
  plugins: [
    validateCouncilSettings(),
    react(),
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
      },
    }),
  ],
  build: {
    target: "es2022",
    sourcemap: true,
  },
  server: {
    proxy: { "/api": "http://localhost:8080" },
  },
});
