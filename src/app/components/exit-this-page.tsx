import { useCallback, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { useTranslation } from "react-i18next";
import { markExited } from "../lib/exit-state";

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
 *
 * As in GOV.UK's component, a Shift press counts only when Shift goes down and up with no other
 * key (or click) in between, so the Shift held for a capital letter or for Shift+Tab never counts,
 * and any other key starts the count again. What is left is said in a polite live region.
 *
 * Before leaving, the page is swapped for the neutral one synchronously (`markExited` inside
 * `flushSync`), so the document the browser keeps for Back holds none of the person's words.
 * `location.replace` swaps the current history entry, so Back does not return to this page.
 */
export function ExitThisPage({ onExit, navigate = (url) => window.location.replace(url) }: ExitThisPageProps) {
  const { t } = useTranslation("common");
  const [leaving, setLeaving] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const presses = useRef(0);
  const shiftAlone = useRef(false);
  const expiry = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const resetCount = useCallback((message = "") => {
    clearTimeout(expiry.current);
    expiry.current = undefined;
    presses.current = 0;
    setAnnouncement(message);
  }, []);

  const exit = useCallback(() => {
    flushSync(() => {
      setLeaving(true);
      markExited();
    });
    onExit?.();
    // Hide the page at once so nothing stays on screen while the next site loads.
    document.body.classList.add("exiting");
    navigate(EXIT_URL);
  }, [navigate, onExit]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === "Shift") {
        if (!event.repeat) shiftAlone.current = true;
        return;
      }
      shiftAlone.current = false;
      if (presses.current > 0) resetCount();
    }
    function onKeyUp(event: KeyboardEvent) {
      if (event.key !== "Shift") return;
      const alone = shiftAlone.current;
      shiftAlone.current = false;
      if (!alone) return;
      presses.current += 1;
      if (presses.current >= SHIFT_PRESSES) {
        resetCount();
        exit();
        return;
      }
      // The 5 seconds run from the first press: three presses within 5 seconds, as GOV.UK's.
      if (presses.current === 1) expiry.current = setTimeout(() => resetCount(t("exitThisPage.expired")), SHIFT_WINDOW_MS);
      setAnnouncement(t("exitThisPage.pressesLeft", { count: SHIFT_PRESSES - presses.current }));
    }
    // Shift+click selects text: that Shift is not a press either.
    function onPointerDown() {
      shiftAlone.current = false;
    }
    // Back from the next site can bring this very page back from the browser's memory: show it
    // again (it holds only the neutral page by now) rather than a blank screen.
    function onPageShow(event: PageTransitionEvent) {
      if (!event.persisted) return;
      document.body.classList.remove("exiting");
      setLeaving(false);
    }
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("keyup", onKeyUp);
    document.addEventListener("pointerdown", onPointerDown);
    window.addEventListener("pageshow", onPageShow);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("keyup", onKeyUp);
      document.removeEventListener("pointerdown", onPointerDown);
      window.removeEventListener("pageshow", onPageShow);
      clearTimeout(expiry.current);
    };
  }, [exit, resetCount, t]);

  return (
    <div className="exit-this-page">
      {/* A link that looks and acts as a button, as GOV.UK's: it leaves even before the app's code
          has arrived (the page is drawn at build time) or with JavaScript off; once the app runs,
          it leaves without a history entry and locks first. */}
      <a
        href={EXIT_URL}
        role="button"
        draggable="false"
        className="button button--warning exit-this-page__button"
        aria-describedby="exit-this-page-hint"
        onClick={(event) => {
          event.preventDefault();
          exit();
        }}
        onKeyDown={(event) => {
          // A button answers Space as well as Enter (the link already answers Enter).
          if (event.key !== " ") return;
          event.preventDefault();
          exit();
        }}
      >
        {t("exitThisPage.button")}
      </a>
      <span id="exit-this-page-hint" className="visually-hidden">
        {t("exitThisPage.hint")}
      </span>
      <span role="status" className="visually-hidden">
        {leaving ? t("exitThisPage.leaving") : announcement}
      </span>
    </div>
  );
}
