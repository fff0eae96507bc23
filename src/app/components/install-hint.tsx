import { useId, useRef, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { dismissInstallHint, installHintStore, promptInstall } from "../lib/pwa";

export interface InstallHintProps {
  /** The heading level that fits where the hint is placed; 2 unless it sits inside an h2 section. */
  headingLevel?: 2 | 3;
}

/**
 * "Add Speak Up to your home screen": a small hint where the browser offers to install the app
 * (it fired `beforeinstallprompt`), with a button that shows the browser's own prompt. Not shown
 * when Speak Up already runs from the home screen. "Not now" hides it for this visit only (kept
 * in memory, nothing stored on the phone).
 */
export function InstallHint({ headingLevel = 2 }: InstallHintProps) {
  const { t } = useTranslation("pwa");
  const shown = useSyncExternalStore(installHintStore.subscribe, installHintStore.getSnapshot, () => false);
  const headingId = useId();
  const ref = useRef<HTMLElement>(null);
  if (!shown) return null;

  // Either button removes the hint: keep keyboard focus in the page, at the top of <main>.
  const keepFocus = () => ref.current?.closest("main")?.focus({ preventScroll: true });
  const add = () => {
    keepFocus();
    void promptInstall();
  };
  const notNow = () => {
    keepFocus();
    dismissInstallHint();
  };
  const Heading = headingLevel === 3 ? "h3" : "h2";
  return (
    <section ref={ref} className="notice" aria-labelledby={headingId}>
      <Heading className="heading-s" id={headingId}>
        {t("install.heading")}
      </Heading>
      <p className="body">{t("install.body")}</p>
      <div className="button-group">
        <button type="button" className="button" onClick={add}>
          {t("install.add")}
        </button>
        <button type="button" className="button button--secondary" onClick={notNow}>
          {t("install.dismiss")}
        </button>
      </div>
    </section>
  );
}
