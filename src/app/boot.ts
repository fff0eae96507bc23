/**
 * The only script a pre-rendered page names (scripts/prerender.ts). The page is complete without
 * JavaScript: the urgent-help numbers, the heading and Exit this page (a link) all work. So the
 * app's code is asked for only once the page is on screen, and the first paint never waits on it
 * or shares a slow connection with it (docs/decisions/009-pre-rendered-pages.md). It then fetches
 * every file the page needs at once (modulepreload), runs them a few at a time, starts the app
 * (main.tsx), and then fetches the rest of the app for offline use (prefetch).
 *
 * Kept tiny and free of imports: it is fetched before everything else.
 */

interface LoadPlan {
  entry: string;
  /**
   * The page's modules that do not need the entry, run one by one before it, each in a task of its
   * own, in the order the browser would run them as one graph (scripts/prerender.ts runOrder).
   */
  run?: string[];
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
 * Links added in one task. Chromium does real work for each link as it is added (0.1–4 ms each on a
 * fast machine, far more on a cheap phone), and a question page names about 30 modulepreloads and
 * 40 prefetches: all at once made one long task just as the page became usable, and six at a time
 * still a long one on a cheap phone. The page's own files two at a time; the rest of the app,
 * which nothing waits for, one at a time.
 */
const LINKS_PER_TASK = { modulepreload: 2, prefetch: 1 } as const;

let started = false;

function addLinks(rel: "modulepreload" | "prefetch", hrefs: string[], then: () => void = () => {}): void {
  for (const href of hrefs.slice(0, LINKS_PER_TASK[rel])) {
    const link = document.createElement("link");
    link.rel = rel;
    if (rel === "prefetch") link.as = "script";
    link.crossOrigin = "";
    link.href = href;
    document.head.append(link);
  }
  const rest = hrefs.slice(LINKS_PER_TASK[rel]);
  if (rest.length > 0) setTimeout(addLinks, 0, rel, rest, then);
  else then();
}

/**
 * Run each module, then `entry`, each import in a task of its own. A module that fails to load is
 * left to the entry, which imports it again (and reports it) if the page needs it.
 */
function runInTurn(modules: string[], entry: string, then: () => void): void {
  const [next, ...rest] = modules;
  if (next === undefined) {
    void import(/* @vite-ignore */ entry).then(then, then);
    return;
  }
  const onward = () => setTimeout(runInTurn, 0, rest, entry, then);
  import(/* @vite-ignore */ next).then(onward, onward);
}

function start(): void {
  if (started) return;
  started = true;
  const plan = loadPlan();
  if (!plan) return;
  const prefetch = () => setTimeout(addLinks, 0, "prefetch", plan.prefetch ?? []);
  addLinks("modulepreload", plan.preload, () => runInTurn(plan.run ?? [], plan.entry, prefetch));
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
