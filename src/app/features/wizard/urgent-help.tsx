import { useTranslation } from "react-i18next";
import type { CouncilSettings } from "../../../domain/council";
import { UrgentNumbers } from "../../components/urgent-numbers";

/**
 * Shown under "Yes" on the safety question (issue 16; docs/domain.md §5 "Urgent danger"): who to call
 * now, on the page where the person said it, because a complaint is read in office hours and may
 * wait days. It never stops them carrying on.
 */
export function UrgentHelp({ council, context }: { council: CouncilSettings; context: string | undefined }) {
  const { t } = useTranslation("wizard");
  return (
    <section className="danger-box" aria-labelledby="urgent-help-heading" data-testid="urgent-help">
      <h2 className="heading-m" id="urgent-help-heading">
        {t("inDanger.help.heading", { context })}
      </h2>
      <p className="body">{t("inDanger.help.notQuickest", { context })}</p>
      <UrgentNumbers
        t={t}
        keys={{
          call999: "inDanger.help.call999",
          childline: "inDanger.help.childline",
          council: "inDanger.help.council",
          outOfHours: "inDanger.help.outOfHours",
        }}
        council={council}
        values={{ context }}
      />
      <p className="body">{t("inDanger.help.carryOn", { context })}</p>
    </section>
  );
}
