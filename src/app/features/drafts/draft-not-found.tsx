import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useDocumentTitle } from "../../components/use-document-title";
import { DRAFTS_PATH } from "./use-drafts";

/** A rename or delete page for a draft that is not on this phone (deleted in another tab, or sent). */
export function DraftNotFound() {
  const { t } = useTranslation("drafts");
  useDocumentTitle(t("notFound.title"));
  return (
    <>
      <h1 className="heading-l">{t("notFound.title")}</h1>
      <p className="body">{t("notFound.body")}</p>
      <p className="body">
        <Link to={DRAFTS_PATH}>{t("notFound.back")}</Link>
      </p>
    </>
  );
}
