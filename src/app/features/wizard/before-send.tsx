import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CouncilSettings } from "../../../domain/council";
import { UrgentNumbers } from "../../components/urgent-numbers";

/**
 * Said just before Send (issue 16): complaints are read in office hours (the council's
 * `contact.hours`), so a child writing on a Friday night hears where to get help now rather than
 * waiting for Monday. Who reads it is one tap away.
 */
export function BeforeSend({ council }: { council: CouncilSettings }) {
  const { t } = useTranslation("check");
  const hours = council.contact.hours;
  const values = { council: council.shortName };
  return (
    <div className="inset" data-testid="before-send">
      <h3 className="heading-s">{t("whenRead.heading")}</h3>
      <p className="body">{hours ? t("whenRead.hours", { ...values, hours }) : t("whenRead.officeHours", values)}</p>
      <p className="body">{t("whenRead.later")}</p>
      <h3 className="heading-s">{t("cantWait.heading")}</h3>
      <UrgentNumbers
        t={t}
        keys={{
          call999: "cantWait.call999",
          childline: "cantWait.childline",
          outOfHours: "cantWait.outOfHours",
        }}
        council={council}
      />
      <p className="body">
        <Link to="/who-sees">{t("whoSees")}</Link>
      </p>
    </div>
  );
}
