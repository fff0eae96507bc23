import { useEffect, useState, type ComponentType, type ReactNode } from "react";

let turns: Promise<void> = Promise.resolve();

/** A new task, behind whatever the browser has waiting: nothing waits for these parts. */
const laterTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Start `load` in a task of its own, after every load asked for before it has started. A page
 * holds several deferred parts, and all of them starting in the commit that drew the page made that
 * one long task on a cheap phone (each import asks for its files and its words).
 */
function startInTurn<T>(load: () => Promise<T>): Promise<T> {
  turns = turns.then(laterTask);
  return turns.then(load);
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
    startInTurn(load).then(
      (loaded) => {
        if (current) setComponent(() => loaded);
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
