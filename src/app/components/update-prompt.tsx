import { useEffect, useId, useRef, useSyncExternalStore } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import { applyUpdate, dismissUpdate, updateStore, type UpdateStatus } from "../lib/pwa";

type ShownStatus = Exclude<UpdateStatus, "none">;

const TEXT_KEYS: Record<ShownStatus, { heading: string; body: string }> = {
  ready: { heading: "update.ready.heading", body: "update.ready.body" },
  updating: { heading: "update.updating.heading", body: "update.updating.body" },
  "not-saved": { heading: "update.notSaved.heading", body: "update.notSaved.body" },
  reload: { heading: "update.reload.heading", body: "update.reload.body" },
  failed: { heading: "update.failed.heading", body: "update.failed.body" },
};

const ACTION_KEYS: Record<Exclude<ShownStatus, "updating">, string> = {
  ready: "update.updateNow",
  "not-saved": "update.tryAgain",
  reload: "update.reloadNow",
  failed: "update.tryAgain",
};

/** The banner itself: what is happening, and the buttons while there is a choice to make. */
function UpdateBanner({ status }: { status: ShownStatus }) {
  const { t } = useTranslation("pwa");
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const pressed = useRef(false);

  // The pressed button has gone (Updating…): keep keyboard focus on the banner, not lost to <body>.
  useEffect(() => {
    if (status === "updating" && pressed.current) headingRef.current?.focus({ preventScroll: true });
  }, [status]);

  const update = () => {
    pressed.current = true;
    void applyUpdate();
  };
  const later = () => {
    // The banner is about to go: keep keyboard focus in the page, at the top of <main>.
    sectionRef.current?.closest("main")?.focus({ preventScroll: true });
    dismissUpdate();
  };
  return (
    <section ref={sectionRef} className="notification-banner" aria-labelledby={headingId} data-update-status={status}>
      <h2 className="notification-banner__heading" id={headingId} ref={headingRef} tabIndex={-1}>
        {t(TEXT_KEYS[status].heading)}
      </h2>
      <p className="body">{t(TEXT_KEYS[status].body)}</p>
      {status === "updating" ? null : (
        <div className="button-group">
          <button type="button" className="button" onClick={update}>
            {t(ACTION_KEYS[status])}
          </button>
          <button type="button" className="button button--secondary" onClick={later}>
            {t("update.later")}
          </button>
        </div>
      )}
    </section>
  );
}

/**
 * The end of <main> when a new version of Speak Up is waiting (after the page's own content, so it
 * never pushes the question down when it appears): "Update now" saves every open draft,
 * then updates (lib/pwa.ts); "Later" hides it until the next visit. It never takes focus from what
 * the person is doing. Screen readers hear the heading through a status message that is always in
 * the page (at the end of <body>): a live region added together with its text is often not read out.
 */
export function UpdatePrompt() {
  const { t } = useTranslation("pwa");
  // Drawn only in the browser: the layout loads it once the page is on screen (components/deferred.tsx).
  const status = useSyncExternalStore(updateStore.subscribe, updateStore.getSnapshot);
  return (
    <>
      {status === "none" ? null : <UpdateBanner status={status} />}
      {createPortal(
        <p role="status" className="visually-hidden">
          {status === "none" ? "" : t(TEXT_KEYS[status].heading)}
        </p>,
        document.body,
      )}
    </>
  );
}
