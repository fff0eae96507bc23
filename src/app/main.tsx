import { startTransition, StrictMode } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import type { CouncilIndex, CouncilSettings } from "../domain/council";
import { CouncilProvider } from "./components/council-provider";
import { FirstRenderProvider } from "./components/first-render";
import { initI18n } from "./lib/i18n";
import { chosenLanguage, ENGLISH } from "./lib/languages";
import { startAutoLock } from "./lib/pin-session";
import { hasWaitingToSend } from "./lib/stored-data";
import { yieldToBrowser } from "./lib/yield-to-browser";
import { createRouter, loadRoutesFor } from "./router";
import "./styles.css";

/** What the pre-renderer wrote into every page (scripts/prerender.ts): the build day and the default council. */
interface FirstRenderData {
  day: string;
  council: CouncilSettings;
  /** The default council's file as served, and the council index (council-provider.tsx). */
  councilSource: unknown;
  index: CouncilIndex;
}

/**
 * The default council's settings, written into the page at build time after the shared schema
 * checked them (the build fails otherwise), so they are read here without zod: the start page
 * shows the council's numbers before anything else loads. With them, the files they came from.
 */
function firstRenderData(): FirstRenderData | undefined {
  const text = document.getElementById("first-render-data")?.textContent;
  if (!text) return undefined;
  try {
    return JSON.parse(text) as FirstRenderData;
  } catch {
    return undefined;
  }
}

/** Run `task` when the browser is idle, or after `timeoutMs` at the latest (Safari has no requestIdleCallback). */
function idle(task: () => void, timeoutMs: number): void {
  if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(task, { timeout: timeoutMs });
  else window.setTimeout(task, Math.min(timeoutMs, 200));
}

// The only module with start-up side effects (style.md layout).
async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) throw new Error("index.html has no #root element");
  const data = firstRenderData();
  const built = data && { councilSource: data.councilSource, index: data.index };
  // Not in the task that ran the app's modules (boot.ts runs them in turn, this one last).
  await yieldToBrowser();
  // Words first: a page's loader adds its words to the instance initI18n sets up. The language
  // chosen on this device, else the browser's preferred one that Speak Up has (issue 14).
  const i18n = await initI18n(chosenLanguage());
  // Each step of starting is a task of its own: the words, the page's modules, then the router.
  await yieldToBrowser();
  // A page drawn at build time (in English) for this very address is hydrated; any other address,
  // or any other language, is drawn here.
  const hydrating = container.dataset.prerendered === window.location.pathname && i18n.language === ENGLISH;
  await loadRoutesFor(window.location.pathname);
  await yieldToBrowser();
  const app = (
    <StrictMode>
      <FirstRenderProvider day={hydrating ? data?.day : undefined} pageHydratesLater={hydrating}>
        <CouncilProvider preview={data?.council} built={built}>
          <RouterProvider router={createRouter()} />
        </CouncilProvider>
      </FirstRenderProvider>
    </StrictMode>
  );
  // In a transition, React draws in small slices and lets the browser answer taps in between, so
  // hydrating a long page (What happens after I complain) never holds a cheap phone for long.
  startTransition(() => {
    if (hydrating) hydrateRoot(container, app);
    else createRoot(container).render(app);
  });
  // The rest of this language's words, kept for offline use (decision 013).
  if (i18n.language !== ENGLISH) idle(() => void import("./lib/language-words").then(({ keepForOffline }) => keepForOffline(i18n.language, i18n)), 3000);
  // The PIN key is dropped after 5 minutes hidden (drafts issue); Exit this page drops it at once.
  startAutoLock();
  // Offline app and updates that wait for "Update now" (issue 6); the "Add to home screen" hint.
  // Loaded after the page is drawn; registering waits for the load event anyway.
  void import("./lib/pwa").then(({ listenForInstallPrompt, registerServiceWorker }) => {
    listenForInstallPrompt();
    registerServiceWorker();
  });
  // Anything saved on this phone and not sent yet goes as soon as the browser has a moment (at most
  // 2 s), and again when the connection comes back. Not with the page: it brings the outbox store,
  // which drawing does not need, and a cheap phone's first seconds are for the page.
  sendWhatIsWaiting();
}

/**
 * Start the outbox (outbox-sync.ts) once something is waiting to be sent: at the first idle
 * moment, and, while nothing is, whenever the connection comes back or the page is shown again
 * (another tab may have queued a complaint and closed offline). A device with nothing waiting (a
 * first visit, or everything sent) loads none of it; queuing in this tab starts it at once
 * (requestSend). The rules (zod, the bank holidays) run first, in a task of their own.
 */
function sendWhatIsWaiting(): void {
  let looking = false;
  const look = async () => {
    if (looking) return;
    looking = true;
    try {
      if ((await hasWaitingToSend()) === false) return;
      await import("../domain/timeline").then(yieldToBrowser);
      const { startOutboxSync } = await import("./lib/outbox-sync");
      stop();
      startOutboxSync();
    } catch {
      // A module that could not load (offline, not kept yet): looked for again at the next chance.
    } finally {
      looking = false;
    }
  };
  const onOnline = () => void look();
  const onVisible = () => {
    if (document.visibilityState === "visible") void look();
  };
  const stop = () => {
    window.removeEventListener("online", onOnline);
    document.removeEventListener("visibilitychange", onVisible);
  };
  window.addEventListener("online", onOnline);
  document.addEventListener("visibilitychange", onVisible);
  idle(onOnline, 2000);
}

void start();
