import { useId, useRef, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { hideNotice, noticeHidden } from "../lib/notice-dismissal";
import { runningInstalled } from "../lib/display-mode";
import { dismissInstallHint, installHintStore, promptInstall } from "../lib/pwa";
import { persistenceStore } from "../lib/storage-persistence";

/** Words for the device in the person's hand: a phone or tablet (touch), or a computer. */
function deviceWords(): "install" | "installComputer" {
  return typeof matchMedia === "function" && matchMedia("(pointer: coarse)").matches ? "install" : "installComputer";
}

/**
 * The one message about keeping Speak Up on this device: "Add Speak Up to your home screen" where
 * the browser offers to install it (`beforeinstallprompt`), or where the browser would not promise
 * to keep the drafts. Never two messages, never on a first render (the layout loads it once the
 * page is on screen, and places it after the page's content, so nothing moves), worded for a phone or a computer, and "Not now" hides it on this device for 30 days.
 * The layout puts it after the page's own content.
 */
export function InstallHint() {
  const { t } = useTranslation("pwa");
  const installable = useSyncExternalStore(installHintStore.subscribe, installHintStore.getSnapshot);
  const persistence = useSyncExternalStore(persistenceStore.subscribe, persistenceStore.getSnapshot);
  // Drawn only in the browser: the layout loads it once the page is on screen (components/deferred.tsx).
  const [device, setDevice] = useState(() => ({ words: deviceWords(), hidden: noticeHidden(), installed: runningInstalled() }));
  const headingId = useId();
  const ref = useRef<HTMLElement>(null);

  const mayBeLost = persistence.result === "denied" && !persistence.noticeDismissed;
  if (device.hidden || device.installed || !(installable || mayBeLost)) return null;

  // Either button removes the hint: keep keyboard focus in the page, at the top of <main>.
  const keepFocus = () => ref.current?.closest("main")?.focus({ preventScroll: true });
  const add = () => {
    keepFocus();
    void promptInstall();
  };
  const notNow = () => {
    keepFocus();
    hideNotice();
    dismissInstallHint();
    setDevice({ ...device, hidden: true });
  };
  const words = device.words;
  return (
    <section ref={ref} className="notice" aria-labelledby={headingId} data-notice="home-screen">
      <h2 className="heading-s" id={headingId}>
        {t(`${words}.heading`)}
      </h2>
      <p className="body">{t(`${words}.body`)}</p>
      {installable ? null : <p className="body">{t(`${words}.how`)}</p>}
      <div className="button-group">
        {installable ? (
          <button type="button" className="button" onClick={add}>
            {t(`${words}.add`)}
          </button>
        ) : null}
        <button type="button" className="button button--secondary" onClick={notNow}>
          {t(`${words}.dismiss`)}
        </button>
      </div>
    </section>
  );
}
