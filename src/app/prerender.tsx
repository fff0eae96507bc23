import i18next from "i18next";
import { StrictMode } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { createStaticHandler, createStaticRouter, StaticRouterProvider, type RouteObject } from "react-router";
import type { CouncilSettings } from "../domain/council";
import { CouncilProvider } from "./components/council-provider";
import { FirstRenderProvider } from "./components/first-render";
import { Layout } from "./components/layout";
import { LoadingPage } from "./components/status-pages";
import { firstWords, i18nOptions } from "./lib/i18n";
import { infoWords } from "./lib/info-words";
import { laterWords } from "./lib/later-words";
import { loadRoutesFor, routes } from "./router";

/**
 * Draws pages to HTML at build time (run by scripts/prerender.ts inside `vite build`), so the
 * first screen paints before any JavaScript arrives. main.tsx hydrates the same tree; anything a
 * page shows on its first render must therefore be the same here and in the browser
 * (docs/decisions/009-pre-rendered-pages.md).
 */

/**
 * The addresses drawn at build time: the start page, the pages that need nothing from the device to
 * draw, and the first question (as it is for a new complaint; NewComplaintQuestion).
 */
export const PRERENDERED_PATHS = ["/", "/what-happens", "/words", "/drafts", "/complaint/who"] as const;

const allWords = { ...firstWords, ...laterWords, ...infoWords };
// The pages' loaders add words to the shared instance, which must be set up first.
await i18next.use(initReactI18next).init(i18nOptions("en-GB", allWords));
// Resolve the pages' lazy modules now, while the build's module runner is open (it closes once
// this module has loaded), so drawing them later needs no further import.
await Promise.all(PRERENDERED_PATHS.map((path) => loadRoutesFor(path)));

/** Every other address gets the layout (header, Exit this page, help links) around "Loading…". */
const shellRoutes: RouteObject[] = [{ element: <Layout />, children: [{ path: "*", element: <LoadingPage /> }] }];

async function draw(tree: RouteObject[], path: string, council: CouncilSettings, day: string): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init(i18nOptions("en-GB", allWords));
  const handler = createStaticHandler(tree);
  const context = await handler.query(new Request(`http://localhost${path}`));
  if (context instanceof Response) throw new Error(`Pre-rendering ${path} answered a redirect`);
  if (context.errors) {
    const first = Object.values(context.errors)[0] as unknown;
    throw new Error(`Pre-rendering ${path} failed: ${first instanceof Error ? (first.stack ?? first.message) : JSON.stringify(first)}`);
  }
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <FirstRenderProvider day={day}>
          <CouncilProvider preview={council}>
            {/* hydrate={false}: no inline script (the CSP allows none); main.tsx loads the page modules itself. */}
            <StaticRouterProvider router={router} context={context} hydrate={false} />
          </CouncilProvider>
        </FirstRenderProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

/** One page's markup, for `<div id="root">`. */
export function renderPage(path: string, council: CouncilSettings, day: string): Promise<string> {
  return draw(routes, path, council, day);
}

/** The layout around "Loading…", for every address not drawn at build time (client-rendered over it). */
export function renderShell(council: CouncilSettings, day: string): Promise<string> {
  return draw(shellRoutes, "/", council, day);
}
