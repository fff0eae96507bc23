import { Trans, useTranslation } from "react-i18next";
import type { CouncilSettings } from "../../../domain/council";
import { PhoneLink } from "../../components/phone-link";

/**
 * Shown under "Yes" on the safety question (issue 16; domain.md §5 "Urgent danger"): who to call
 * now, on the page where the person said it, because a complaint is read in office hours and may
 * wait days. It never stops them carrying on.
 */
export function UrgentHelp({ council, context }: { council: CouncilSettings; context: string | undefined }) {
  const { t } = useTranslation("wizard");
  const values = { council: council.shortName, context };
  return (
    <section className="danger-box" aria-labelledby="urgent-help-heading" data-testid="urgent-help">
      <h2 className="heading-m" id="urgent-help-heading">
        {t("inDanger.help.heading", { context })}
      </h2>
      <p className="body">{t("inDanger.help.notQuickest", { context })}</p>
      <ul className="list">
        <li>
          <Trans t={t} i18nKey="inDanger.help.call999" components={{ phone: <PhoneLink number="999" /> }} />
        </li>
        <li>
          <Trans t={t} i18nKey="inDanger.help.childline" values={values} components={{ phone: <PhoneLink number="0800 1111" /> }} />
        </li>
        <li>
          <Trans
            t={t}
            i18nKey="inDanger.help.council"
            values={{ ...values, phone: council.emergency.childrensServices }}
            components={{ phone: <PhoneLink number={council.emergency.childrensServices} /> }}
          />
        </li>
        <li>
          <Trans
            t={t}
            i18nKey="inDanger.help.outOfHours"
            values={{ ...values, phone: council.emergency.outOfHours }}
            components={{ phone: <PhoneLink number={council.emergency.outOfHours} /> }}
          />
        </li>
      </ul>
      <p className="body">{t("inDanger.help.carryOn", { context })}</p>
    </section>
  );
}
