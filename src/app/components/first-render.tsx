import { createContext, useContext, useEffect, useState, type ReactNode } from "react";

/**
 * What the very first render of the app may assume. A pre-rendered page (scripts/prerender.ts) was
 * drawn on the day it was built; hydrating it must draw exactly the same, so its first render
 * counts from that day and the real day follows straight after
 * (docs/decisions/009-pre-rendered-pages.md). Holds a plain yyyy-mm-dd string so this module,
 * which every page loads, needs none of the calendar's rules.
 */
const FirstRenderDayContext = createContext<string | undefined>(undefined);

export function FirstRenderProvider({
  day,
  pageHydratesLater = false,
  children,
}: {
  day: string | undefined;
  /**
   * The page inside the layout is a Suspense boundary of its own (layout.tsx), which React hydrates
   * in a render and commit after the layout's: hydrating is over once PageHydrated says so.
   */
  pageHydratesLater?: boolean;
  children: ReactNode;
}) {
  // A parent's effects run after its children's: every component of the hydrating render has been drawn.
  useEffect(() => {
    if (!pageHydratesLater) hydrationOver = true;
  }, [pageHydratesLater]);
  return <FirstRenderDayContext value={day}>{children}</FirstRenderDayContext>;
}

/** Last inside the page's own Suspense boundary: its effect runs once the page has been hydrated. */
export function PageHydrated() {
  useEffect(() => {
    hydrationOver = true;
  }, []);
  return null;
}

/** The day the page was drawn at build time, while hydrating it; undefined when drawn in the browser. */
export function useFirstRenderDay(): string | undefined {
  return useContext(FirstRenderDayContext);
}

/** Set once the hydrating render has been put on screen (FirstRenderProvider's effect). */
let hydrationOver = false;

/**
 * Whether this component was first drawn while a pre-rendered page was being hydrated: false then
 * (and when drawing at build time), true for anything drawn after and in any page drawn in the
 * browser. It never changes for one component, so hydrating draws nothing twice: the same question
 * from `useSyncExternalStore` with a different server answer makes React draw the component again
 * at once, in the task that puts the page on screen, and run every effect there too (issue 9).
 */
export function useDrawnAfterHydration(): boolean {
  const hydrating = useContext(FirstRenderDayContext) !== undefined;
  const [after] = useState(() => typeof document !== "undefined" && (!hydrating || hydrationOver));
  return after;
}
