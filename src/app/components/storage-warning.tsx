import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";

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

/** What "Copy what you have written" copies on the page shown now (the storage warning's button, storage-problem.tsx). */
export function useTextSource(): TextSource | undefined {
  return useContext(TextSourceContext);
}
