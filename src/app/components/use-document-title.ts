import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** GOV.UK pattern: the page title repeats the heading, with "Error: " first when the page shows errors. */
export function useDocumentTitle(title: string, hasErrors = false): void {
  const { t } = useTranslation("common");
  useEffect(() => {
    const full = t("pageTitle", { title });
    document.title = hasErrors ? `${t("errorPrefix")} ${full}` : full;
  }, [t, title, hasErrors]);
}
