import { createContext, useContext, useSyncExternalStore, type ReactNode } from "react";

/**
 * What the very first render of the app may assume. A pre-rendered page (scripts/prerender.ts) was
 * drawn on the day it was built; hydrating it must draw exactly the same, so its first render
 * counts from that day and the real day follows straight after
 * (docs/decisions/009-pre-rendered-pages.md). Holds a plain yyyy-mm-dd string so this module,
 * which every page loads, needs none of the calendar's rules.
 */
const FirstRenderDayContext = createContext<string | undefined>(undefined);

export function FirstRenderProvider({ day, children }: { day: string | undefined; children: ReactNode }) {
  return <FirstRenderDayContext value={day}>{children}</FirstRenderDayContext>;
}

/** The day the page was drawn at build time, while hydrating it; undefined when drawn in the browser. */
export function useFirstRenderDay(): string | undefined {
  return useContext(FirstRenderDayContext);
}

const noSubscription = () => () => {};

/**
 * False while a pre-rendered page is being hydrated (and when drawing at build time), true in every
 * render after that and in any page drawn in the browser. Lets a page keep drawing what was drawn
 * at build time until hydration is over, without a mismatch.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
