/**
 * The only script a pre-rendered page names (scripts/prerender.ts). The page is complete without
 * JavaScript: the urgent-help numbers, the heading and Exit this page (a link) all work. So the
 * app's code is asked for only once the page is on screen, and the first paint never waits on it
 * or shares a slow connection with it (docs/decisions/009-pre-rendered-pages.md). It then fetches
 * every file the page needs at once (modulepreload), starts the app (main.tsx), and then fetches
 * the rest of the app for offline use (prefetch).
 *
 * Kept tiny and free of imports: it is fetched before everything else.
 */

interface LoadPlan {
  entry: string;
  /** What the page's own code needs (modulepreload). */
  preload: string[];
  /** The rest of the app, for offline use, fetched once the page's code has run (prefetch). */
  prefetch?: string[];
}

function loadPlan(): LoadPlan | undefined {
  try {
    const data = JSON.parse(document.getElementById("first-render-data")?.textContent ?? "null") as { load?: LoadPlan } | null;
    return data?.load;
  } catch {
    return undefined;
  }
}

/**
 * Links added in one task. Chromium does real work for each modulepreload link as it is added
 * (0.1–4 ms each on a fast machine, far more on a cheap phone), and a question page names about 30:
 * all at once made one long task just as the page became usable, and six at a time still a long
 * one on a cheap phone.
 */
const LINKS_PER_TASK = 3;

let started = false;

function addLinks(rel: "modulepreload" | "prefetch", hrefs: string[], then: () => void = () => {}): void {
  for (const href of hrefs.slice(0, LINKS_PER_TASK)) {
    const link = document.createElement("link");
    link.rel = rel;
    if (rel === "prefetch") link.as = "script";
    link.crossOrigin = "";
    link.href = href;
    document.head.append(link);
  }
  const rest = hrefs.slice(LINKS_PER_TASK);
  if (rest.length > 0) setTimeout(addLinks, 0, rel, rest, then);
  else then();
}

function start(): void {
  if (started) return;
  started = true;
  const plan = loadPlan();
  if (!plan) return;
  const prefetch = () => setTimeout(addLinks, 0, "prefetch", plan.prefetch ?? []);
  addLinks("modulepreload", plan.preload, () => void import(/* @vite-ignore */ plan.entry).then(prefetch, prefetch));
}

/**
 * Once the browser says the first paint is on screen. A frame callback (requestAnimationFrame)
 * runs before its frame is shown, so the app's downloads could start before the page was visible;
 * on a slow connection that is what Lighthouse counts against the largest paint.
 */
function afterFirstPaint(run: () => void): void {
  // A browser without paint timing would ignore the observer, never calling it: after the next frame there.
  if (typeof PerformanceObserver === "undefined" || !PerformanceObserver.supportedEntryTypes?.includes("paint")) {
    requestAnimationFrame(() => setTimeout(run, 0));
    return;
  }
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName("first-contentful-paint").length === 0) return;
    observer.disconnect();
    setTimeout(run, 0);
  });
  observer.observe({ type: "paint", buffered: true });
}

afterFirstPaint(start);
// A page opened in a background tab (never painted) starts anyway.
setTimeout(start, 3000);
