import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/** Where Exit this page goes: a neutral, common page (the GOV.UK component uses the same). */
export const EXIT_URL = "https://www.bbc.co.uk/weather";
const SHIFT_PRESSES = 3;
const SHIFT_WINDOW_MS = 5000;

export interface ExitThisPageProps {
  /** Called before leaving, e.g. to lock drafts. Must not wait on anything slow. */
  onExit?: () => void;
  /** Where to go; replaceable in tests. */
  navigate?: (url: string) => void;
}

/**
 * GOV.UK "Exit this page": a button on every page, and Shift pressed 3 times within 5 seconds.
 * `location.replace` swaps the current history entry, so Back does not return here.
 */
export function ExitThisPage({ onExit, navigate = (url) => window.location.replace(url) }: ExitThisPageProps) {
  const { t } = useTranslation("common");
  const [leaving, setLeaving] = useState(false);
  const presses = useRef<number[]>([]);

  const exit = useCallback(() => {
    setLeaving(true);
    onExit?.();
    // Hide the page at once so nothing stays on screen while the next site loads.
    document.body.classList.add("exiting");
    navigate(EXIT_URL);
  }, [navigate, onExit]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Shift" || event.repeat) return;
      const now = Date.now();
      presses.current = [...presses.current.filter((time) => now - time < SHIFT_WINDOW_MS), now];
      if (presses.current.length >= SHIFT_PRESSES) {
        presses.current = [];
        exit();
      }
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [exit]);

  return (
    <div className="exit-this-page">
      <button type="button" className="button button--warning exit-this-page__button" onClick={exit} aria-describedby="exit-this-page-hint">
        {t("exitThisPage.button")}
      </button>
      <span id="exit-this-page-hint" className="visually-hidden">
        {t("exitThisPage.hint")}
      </span>
      <span role="status" className="visually-hidden">
        {leaving ? t("exitThisPage.leaving") : ""}
      </span>
    </div>
  );
}
