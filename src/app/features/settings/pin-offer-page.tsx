import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { useDocumentTitle } from "../../components/use-document-title";
import { settingsRepository } from "../../lib/settings-repository";
import { safeNext } from "./safe-next";

const settings = settingsRepository();

/**
 * "Does anyone else use this phone?", asked once per device after the first answer (issue 9).
 * Yes goes to Set a PIN and then back to the journey; No carries on. Remembered as soon as it is
 * shown, so it never comes back, whatever the person does here; Settings keeps the same offer.
 */
export function PinOfferPage() {
  const { t } = useTranslation("settings");
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next")) ?? "/";
  useDocumentTitle(t("pinOffer.title"));

  useEffect(() => {
    // A device that can't remember it would ask again next time: that is all, so no error is shown.
    settings.rememberPinOffered().catch(() => undefined);
  }, []);

  return (
    <>
      <h1 className="heading-l">{t("pinOffer.title")}</h1>
      <p className="body">{t("pinOffer.body")}</p>
      <p className="body">{t("pinOffer.once")}</p>
      <div className="button-group">
        <button type="button" className="button" onClick={() => void navigate(`/settings/pin?next=${encodeURIComponent(next)}`)}>
          {t("pinOffer.yes")}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void navigate(next)}>
          {t("pinOffer.no")}
        </button>
      </div>
    </>
  );
}
