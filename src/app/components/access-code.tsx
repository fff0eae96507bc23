import { useTranslation } from "react-i18next";
import { groupAccessCode } from "../../domain/access-code";

/**
 * The access code beside the reference (decision 015), in groups of four for reading aloud, with
 * what it is for: written down or photographed, it follows the complaint from another device.
 */
export function AccessCode({ code }: { code: string }) {
  const { t } = useTranslation("complaints");
  return (
    <div className="inset access-code">
      <p className="body">
        {t("accessCode.label")}
        <br />
        <strong className="reference" data-testid="access-code">
          {groupAccessCode(code)}
        </strong>
      </p>
      <p className="body">{t("accessCode.writeDown")}</p>
      <p className="body">{t("accessCode.secret")}</p>
    </div>
  );
}
