import { useEffect, useState, type ComponentType, type ReactNode } from "react";

let turns: Promise<void> = Promise.resolve();

/**
 * A new task, behind whatever the browser has waiting (not lib/yield-to-browser.ts, whose
 * scheduler.yield goes ahead: nothing waits for these parts). Written here rather than imported
 * from there: that import alone changed how the build splits the first page's chunks, 0.8 kB gzip
 * over its budget.
 */
const laterTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Start `load` in a task of its own, after every load asked for before it has started. A page
 * holds several deferred parts, and all of them starting in the commit that drew the page made that
 * one long task on a cheap phone (each import asks for its files and its words).
 */
function startInTurn<T>(load: () => Promise<T>, wanted: () => boolean): Promise<T | undefined> {
  turns = turns.then(laterTask);
  // A part no longer on the page by its turn (the footer's picker, on the way to the start page) is not loaded.
  return turns.then(() => (wanted() ? load() : undefined));
}

/**
 * Draws `placeholder` (nothing by default) until the page is on screen, then loads a component and
 * draws it. For parts that show nothing on a first render anyway (a new version, add to home
 * screen, Read this page to me), so their code stays out of the first download and a page drawn at
 * build time hydrates with exactly what the server drew (issue 9). A failed load leaves the
 * placeholder: these parts are never needed to use the page. Each starts loading in a task of its
 * own (startInTurn).
 */
export function Deferred({ load, placeholder = null }: { load: () => Promise<ComponentType>; placeholder?: ReactNode }) {
  const [Component, setComponent] = useState<ComponentType | undefined>(undefined);
  useEffect(() => {
    let current = true;
    startInTurn(load, () => current).then(
      (loaded) => {
        if (current && loaded) setComponent(() => loaded);
      },
      () => {
        // Offline before the chunk was cached: the page works without it.
      },
    );
    return () => {
      current = false;
    };
  }, [load]);
  return Component ? <Component /> : placeholder;
}
