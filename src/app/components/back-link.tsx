import { Link } from "react-router";
import { useTranslation } from "react-i18next";

export function BackLink({ to }: { to: string }) {
  const { t } = useTranslation("common");
  return (
    <Link to={to} className="back-link">
      {t("back")}
    </Link>
  );
}
