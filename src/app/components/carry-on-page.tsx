import { useTranslation } from "react-i18next";
import { carryOn } from "../lib/exit-state";
import { useDocumentTitle } from "./use-document-title";

/**
 * What a tab shows after Exit this page, when someone comes back to it (Back, the back-forward
 * cache, a reopened tab): nothing typed and no answers, only Carry on. Someone else holding the
 * phone learns nothing from it; the person carries on where they were (and enters the PIN there
 * when one is set, as the page they return to asks for it).
 */
export function CarryOnPage() {
  const { t } = useTranslation("common");
  useDocumentTitle(t("carryOn.title"));
  return (
    <>
      <h1 className="heading-l">{t("carryOn.title")}</h1>
      <p className="body">{t("carryOn.body")}</p>
      <button type="button" className="button" onClick={carryOn}>
        {t("carryOn.button")}
      </button>
    </>
  );
}
