import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useDocumentTitle } from "../../components/use-document-title";
import { LANGUAGE_CACHE } from "../../lib/language-cache";
import { pinRepository } from "../../lib/pin-repository";
import { forgetDeviceKeys } from "../../lib/device-keys";

const pins = pinRepository();

/** "Delete everything on this device", after a confirmation. */
export function DeleteEverythingPage() {
  const { t } = useTranslation("settings");
  const navigate = useNavigate();
  const [state, setState] = useState<"asking" | "deleting" | "done" | "failed">("asking");
  useDocumentTitle(state === "done" ? t("deleteEverything.done") : t("deleteEverything.title"));

  const confirm = async () => {
    setState("deleting");
    try {
      await pins.deleteEverything();
      // Outside IndexedDB: the language chosen, a notice put off, and the chosen language's words
      // kept for offline use, which would say which language was used.
      forgetDeviceKeys();
      if (typeof caches !== "undefined") await caches.delete(LANGUAGE_CACHE);
      setState("done");
    } catch {
      setState("failed");
    }
  };

  if (state === "done") {
    return (
      <>
        <h1 className="heading-l">{t("deleteEverything.done")}</h1>
        <p className="body">{t("deleteEverything.doneBody")}</p>
        <p className="body">
          <Link to="/">{t("deleteEverything.start")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="heading-l">{t("deleteEverything.title")}</h1>
      {state === "failed" ? (
        <p className="notice notice--error" role="alert">
          {t("deleteEverything.failed")}
        </p>
      ) : null}
      <p className="body">{t("deleteEverything.body")}</p>
      <p className="warning-text">{t("deleteEverything.warning")}</p>
      <div className="button-group">
        <button type="button" className="button button--warning" disabled={state === "deleting"} onClick={() => void confirm()}>
          {t("deleteEverything.confirm")}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void navigate(-1)}>
          {t("deleteEverything.cancel")}
        </button>
      </div>
    </>
  );
}
