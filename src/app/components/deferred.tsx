import { useEffect, useState, type ComponentType, type ReactNode } from "react";

/**
 * Draws `placeholder` (nothing by default) until the page is on screen, then loads a component and
 * draws it. For parts that show nothing on a first render anyway (a new version, add to home
 * screen, Read this page to me), so their code stays out of the first download and a page drawn at
 * build time hydrates with exactly what the server drew (issue 9). A failed load leaves the
 * placeholder: these parts are never needed to use the page.
 */
export function Deferred({ load, placeholder = null }: { load: () => Promise<ComponentType>; placeholder?: ReactNode }) {
  const [Component, setComponent] = useState<ComponentType | undefined>(undefined);
  useEffect(() => {
    let current = true;
    load().then(
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
