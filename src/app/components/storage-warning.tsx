import { createContext, lazy, Suspense, useCallback, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { storageProblemStore } from "../lib/storage-health";

// Drawn only when saving fails, so its code is not part of the first page (issue 9's budget).
const ProblemWarning = lazy(() => import("./storage-problem").then((module) => ({ default: module.ProblemWarning })));

/** Returns what the person has written on this page (questions and answers) as plain text. */
export type TextSource = () => string;

const RegisterTextContext = createContext<((source: TextSource) => () => void) | undefined>(undefined);
const TextSourceContext = createContext<TextSource | undefined>(undefined);

/**
 * Lets the page being shown offer its text to "Copy what you have written". The layout wraps
 * <main>'s content in it; a page calls `useCopyableText`. Two contexts, so registering never
 * re-renders the page that registers.
 */
export function CopyableTextProvider({ children }: { children: ReactNode }) {
  const [source, setSource] = useState<TextSource | undefined>(undefined);
  const register = useCallback((next: TextSource) => {
    setSource(() => next);
    return () => setSource((current) => (current === next ? undefined : current));
  }, []);
  return (
    <RegisterTextContext value={register}>
      <TextSourceContext value={source}>{children}</TextSourceContext>
    </RegisterTextContext>
  );
}

/**
 * While this component is shown, "Copy what you have written" copies `getText()` (read when the
 * button is pressed, so it is always the latest). Outside a CopyableTextProvider it does nothing.
 */
export function useCopyableText(getText: TextSource): void {
  const register = useContext(RegisterTextContext);
  const latest = useRef(getText);
  useEffect(() => {
    latest.current = getText;
  });
  useEffect(() => register?.(() => latest.current()), [register]);
}

/**
 * The top of <main>: a warning while saving on this device is not working (what is typed is kept
 * only while the page is open, with a button to copy it). It follows something the person did
 * (typing), so it may push the page down. The home-screen notice is InstallHint's.
 */
export function StorageWarning() {
  const problem = useSyncExternalStore(storageProblemStore.subscribe, storageProblemStore.getSnapshot, () => "none" as const);
  const getText = useContext(TextSourceContext);
  return problem !== "none" ? (
    <Suspense fallback={null}>
      <ProblemWarning problem={problem} getText={getText} />
    </Suspense>
  ) : null;
}
