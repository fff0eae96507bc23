import { createBrowserRouter, matchRoutes, type RouteObject } from "react-router";
import { Layout } from "./components/layout";
import { LoadFailedPage, NotFoundPage } from "./components/status-pages";
import { loadLaterWords, type WordsGroup } from "./lib/i18n";
import { yieldToBrowser } from "./lib/yield-to-browser";

/**
 * Every page, each loaded only when it is first opened (React Router's `lazy`), so the start page
 * downloads only what it needs: Dexie, zod and react-hook-form come with the pages that use them.
 * Every page's code is fetched in the background once the page has loaded (the pre-renderer's
 * `<link rel="prefetch">`, which costs the page no work), so pages open even if the connection
 * drops a moment after the first visit; the service worker precaches every chunk for later visits.
 * `load` names the module and its export, so the pre-renderer and the first-load budget can find
 * which chunk a page needs (scripts/prerender.ts, scripts/check-bundle-size.ts).
 */
function page(
  load: () => Promise<Record<string, unknown>>,
  exportName: string,
  /** Which words the page needs besides those that come with the app (i18n.ts); "none" for the start page. */
  words: WordsGroup | "none" = "all",
  /**
   * The page's heaviest shared modules, run first, each in a task of its own: running a module runs
   * everything it imports in one task, and for the questions that is zod and the answer table,
   * Dexie and the stores, and react-hook-form, far too long for a cheap phone in one go (issue 9). The pre-rendered page fetches them all at once (modulepreload), so this costs no
   * round trips there; elsewhere they are usually prefetched or precached.
   */
  first: Array<() => Promise<unknown>> = [],
): Pick<RouteObject, "lazy"> {
  return {
    lazy: async () => {
      const wordsLoaded = words === "none" ? undefined : loadLaterWords(words);
      for (const step of first) {
        await step();
        await yieldToBrowser();
      }
      const [module] = await Promise.all([load(), wordsLoaded]);
      return { Component: module[exportName] as React.ComponentType };
    },
  };
}

const start = () => import("./routes/start-route");
const council = () => import("./routes/council-route");
const drafts = () => import("./routes/drafts-routes");
const complaints = () => import("./routes/complaints-routes");
const wizard = () => import("./routes/wizard-routes");
const settings = () => import("./routes/settings-routes");
const info = () => import("./routes/info-routes");
/** Run before the pages that use them (page's `first`), each in a task of its own: the rules, with zod and the bank holidays; the device's stores. */
const rules = () => import("../domain/timeline");
/**
 * The answer table (each answer defined once; its rules are built when used). Not the complaint's
 * schema or the outbox: a question page loads those only once its draft may be waiting to be
 * sent, and Check your answers brings them (decision 027).
 */
const answers = () => import("../domain/answers");
const stores = () => import("./lib/db");

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    // Only while a page's module first loads in a router made before it (component tests):
    // main.tsx loads the current page's module before making the router, so the app never shows it.
    HydrateFallback: () => null,
    children: [
      {
        // A page that fails while drawing shows "Sorry, something went wrong" inside the layout,
        // so Exit this page and the help links stay.
        errorElement: <LoadFailedPage retry={() => window.location.reload()} />,
        children: [
          { path: "/", ...page(start, "StartRoute", "none") },
          { path: "/council", ...page(council, "CouncilRoute") },
          { path: "/drafts", ...page(drafts, "DraftsRoute") },
          { path: "/drafts/:id/rename", ...page(drafts, "RenameDraftRoute") },
          { path: "/drafts/:id/delete", ...page(drafts, "DeleteDraftRoute") },
          { path: "/complaint/sent/:reference", ...page(complaints, "ConfirmationRoute") },
          { path: "/complaints", ...page(complaints, "ComplaintsRoute") },
          { path: "/complaints/waiting/:id/delete", ...page(complaints, "DeleteWaitingRoute") },
          { path: "/complaints/:reference", ...page(complaints, "ComplaintRoute") },
          { path: "/complaints/:reference/next-stage", ...page(complaints, "NextStageRoute") },
          { path: "/complaints/:reference/copy", ...page(complaints, "CopyRoute") },
          { path: "/check", ...page(complaints, "CheckRoute") },
          { path: "/complaint/:stepId", ...page(wizard, "StepRoute", "all", [answers, stores]) },
          { path: "/settings", ...page(settings, "SettingsRoute") },
          { path: "/settings/pin", ...page(settings, "SetPinRoute") },
          { path: "/settings/shared-phone", ...page(settings, "PinOfferRoute") },
          { path: "/settings/delete-everything", ...page(settings, "DeleteEverythingRoute") },
          { path: "/unlock", ...page(settings, "UnlockRoute") },
          { path: "/what-happens", ...page(info, "WhatHappensRoute", "info", [rules]) },
          { path: "/words", ...page(info, "GlossaryRoute", "info") },
          { path: "/who-sees", ...page(info, "WhoSeesRoute", "info") },
          { path: "/who-sees/adults", ...page(info, "WhoSeesAdultsRoute", "info") },
          { path: "/privacy", ...page(info, "PrivacyRoute", "info") },
          { path: "/accessibility", ...page(info, "AccessibilityRoute", "info") },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

/**
 * Load the page modules the current address needs before the app first draws, so hydrating a
 * pre-rendered page draws exactly what the server drew (React Router's documented pattern for
 * `lazy` with server rendering), and a client-rendered page never flashes an empty layout.
 */
export async function loadRoutesFor(pathname: string, tree: RouteObject[] = routes): Promise<void> {
  const matches = matchRoutes(tree, pathname) ?? [];
  await Promise.all(
    matches.map(async ({ route }) => {
      if (typeof route.lazy !== "function") return;
      const loaded = await route.lazy();
      Object.assign(route, { ...loaded, lazy: undefined });
    }),
  );
}

export function createRouter() {
  return createBrowserRouter(routes);
}
