/**
 * The listeners of one external store, for React's `useSyncExternalStore` (issue 11: one helper
 * instead of a copy per store). `subscribe` returns the function that stops listening; `notify`
 * tells every listener, from a copy, so one may stop listening while it is told.
 */
export function listeners(): { subscribe(listener: () => void): () => void; notify(): void } {
  const set = new Set<() => void>();
  return {
    subscribe(listener) {
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    notify() {
      for (const listener of [...set]) listener();
    },
  };
}
