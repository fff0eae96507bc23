/**
 * The only script a pre-rendered page names (scripts/prerender.ts). The page is complete without
 * JavaScript: the urgent-help numbers, the heading and Exit this page (a link) all work. So the
 * app's code is asked for only once the page is on screen, and the first paint never waits on it
 * or shares a slow connection with it (docs/decisions/009-pre-rendered-pages.md). It then fetches
 * every file the page needs at once (modulepreload) and starts the app (main.tsx).
 *
 * Kept tiny and free of imports: it is fetched before everything else.
 */

interface LoadPlan {
  entry: string;
  preload: string[];
}

function loadPlan(): LoadPlan | undefined {
  try {
    const data = JSON.parse(document.getElementById("first-render-data")?.textContent ?? "null") as { load?: LoadPlan } | null;
    return data?.load;
  } catch {
    return undefined;
  }
}

let started = false;

function start(): void {
  if (started) return;
  started = true;
  const plan = loadPlan();
  if (!plan) return;
  for (const href of plan.preload) {
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.crossOrigin = "";
    link.href = href;
    document.head.append(link);
  }
  void import(/* @vite-ignore */ plan.entry);
}

// After the next frame is on screen; a page opened in a background tab (no frames) starts anyway.
requestAnimationFrame(() => setTimeout(start, 0));
setTimeout(start, 1000);
