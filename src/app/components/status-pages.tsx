import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useDocumentTitle } from "./use-document-title";

/** Shown while a page's data loads; announced politely so screen readers know something is happening. */
export function LoadingPage() {
  const { t } = useTranslation("common");
  useDocumentTitle(t("loading"));
  return (
    <>
      <p className="loading" role="status">
        {t("loading")}
      </p>
      {/* The shell every address gets before the app runs: with JavaScript off, say so (and where to get help). */}
      <noscript>
        <p className="body">{t("noScript")}</p>
      </noscript>
    </>
  );
}

/** Shown when a page could not load; says that nothing typed was lost and offers a retry. */
export function LoadFailedPage({ retry }: { retry?: () => void }) {
  const { t } = useTranslation("common");
  useDocumentTitle(t("loadFailed.title"));
  return (
    <>
      <h1 className="heading-l">{t("loadFailed.title")}</h1>
      <p className="body">{t("loadFailed.body")}</p>
      {retry ? (
        <button type="button" className="button" onClick={retry}>
          {t("loadFailed.retry")}
        </button>
      ) : null}
    </>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation("common");
  useDocumentTitle(t("notFound.title"));
  return (
    <>
      <h1 className="heading-l">{t("notFound.title")}</h1>
      <p className="body">{t("notFound.body")}</p>
      <p className="body">
        <Link to="/">{t("notFound.home")}</Link>
      </p>
    </>
  );
}
