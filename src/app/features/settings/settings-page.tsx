import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useDocumentTitle } from "../../components/use-document-title";
import { usePinLock } from "../../components/use-pin-lock";
import { pinRepository } from "../../lib/pin-repository";
import { lock } from "../../lib/pin-session";

const pins = pinRepository();

/** Settings: the optional PIN lock, and deleting everything Speak Up keeps on this device. */
export function SettingsPage() {
  const { t } = useTranslation("settings");
  const [params] = useSearchParams();
  const { enabled, unlocked } = usePinLock();
  const [notice, setNotice] = useState<string | undefined>(params.get("pin") === "set" ? t("pin.setDone") : undefined);
  useDocumentTitle(t("title"));

  const remove = async () => {
    await pins.disable();
    setNotice(t("pin.removed"));
  };

  return (
    <>
      <h1 className="heading-l">{t("title")}</h1>
      <div role="status">{notice ? <p className="notice">{notice}</p> : null}</div>

      <h2 className="heading-m">{t("pin.heading")}</h2>
      {enabled === undefined ? null : enabled ? (
        <>
          <p className="body">{t("pin.on")}</p>
          {unlocked ? (
            <div className="button-group">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  lock();
                  setNotice(t("pin.locked"));
                }}
              >
                {t("pin.lockNow")}
              </button>
              <button type="button" className="button button--secondary" onClick={() => void remove()}>
                {t("pin.remove")}
              </button>
            </div>
          ) : (
            <p className="body">
              <Link to="/unlock?next=/settings">{t("pin.unlockFirst")}</Link>
            </p>
          )}
        </>
      ) : (
        <>
          <p className="body">{t("pin.off")}</p>
          <p className="body">
            <Link to="/settings/pin" className="button button--secondary">
              {t("pin.set")}
            </Link>
          </p>
        </>
      )}

      <h2 className="heading-m">{t("deleteAll.heading")}</h2>
      <p className="body">{t("deleteAll.body")}</p>
      <p className="body">
        <Link to="/settings/delete-everything" className="button button--warning">
          {t("deleteAll.link")}
        </Link>
      </p>
    </>
  );
}
