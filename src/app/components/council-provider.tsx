import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import type { CouncilSettings } from "../../domain/council";
import { loadCouncil, loadCouncilIndex } from "../lib/council-settings";

export type CouncilState =
  | { status: "loading" }
  | { status: "ready"; council: CouncilSettings }
  | { status: "error"; retry: () => void };

const CouncilContext = createContext<CouncilState>({ status: "loading" });

/** Loads the council's settings once for the whole app; pages read them with `useCouncil`. */
export function CouncilProvider({ children, initial }: { children: ReactNode; initial?: CouncilSettings }) {
  const [state, setState] = useState<CouncilState>(initial ? { status: "ready", council: initial } : { status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => {
    setState({ status: "loading" });
    setAttempt((n) => n + 1);
  }, []);

  useEffect(() => {
    if (initial) return;
    let cancelled = false;
    loadCouncilIndex()
      .then((index) => loadCouncil(index.default))
      .then((council) => {
        if (!cancelled) setState({ status: "ready", council });
      })
      .catch(() => {
        if (!cancelled) setState({ status: "error", retry });
      });
    return () => {
      cancelled = true;
    };
  }, [attempt, initial, retry]);

  return <CouncilContext.Provider value={state}>{children}</CouncilContext.Provider>;
}

export function useCouncil(): CouncilState {
  return useContext(CouncilContext);
}
