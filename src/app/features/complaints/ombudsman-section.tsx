import { useTranslation } from "react-i18next";
import { OMBUDSMAN_PHONE, type OmbudsmanStep } from "../../../domain/ombudsman";
import { PhoneLink } from "../../components/phone-link";
import { formatLongDate } from "../../lib/format-date";

/**
 * The Ombudsman step after the last stage (issue 15, item 6): why now, what it can and cannot look
 * at, its number, and the date to contact it by (a guide: 12 months after the final response).
 */
export function OmbudsmanSection({ step, months }: { step: OmbudsmanStep; months: number }) {
  const { t, i18n } = useTranslation("complaints");
  const date = (iso: string) => formatLongDate(iso, i18n.language);
  return (
    <section className="inset" aria-labelledby="ombudsman-heading" data-testid="ombudsman-step">
      <h2 className="heading-m" id="ombudsman-heading">
        {t("ombudsman.heading")}
      </h2>
      <p className="body">
        {step.reason === "final-response"
          ? t("ombudsman.afterFinal", { date: date(step.respondedOn) })
          : t("ombudsman.noReply", { date: date(step.lateSince) })}
      </p>
      <p className="body">{t("ombudsman.what")}</p>
      <h3 className="heading-s">{t("ombudsman.canHeading")}</h3>
      <ul className="list">
        <li>{t("ombudsman.can1")}</li>
        <li>{t("ombudsman.can2")}</li>
        <li>{t("ombudsman.can3")}</li>
        <li>{t("ombudsman.can4")}</li>
      </ul>
      <h3 className="heading-s">{t("ombudsman.cannotHeading")}</h3>
      <ul className="list">
        <li>{t("ombudsman.cannot1")}</li>
        <li>{t("ombudsman.cannot2")}</li>
        <li>{t("ombudsman.cannot3")}</li>
      </ul>
      <p className="body" data-testid="ombudsman-by">
        {t("ombudsman.by", { date: date(step.by), count: months })}
      </p>
      <p className="body">
        {t("ombudsman.call")} <PhoneLink number={OMBUDSMAN_PHONE} />
      </p>
    </section>
  );
}
