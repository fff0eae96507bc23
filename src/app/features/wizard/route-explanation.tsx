import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CouncilSettings } from "../../../domain/council";
import type { DraftAnswers } from "../../../domain/draft";
import { assessEligibility } from "../../../domain/eligibility";

/**
 * "What happens next for you": the likely route from the shared eligibility rules, in plain words.
 * It warns and explains; it never stops the person from carrying on (docs/domain.md, "Decisions": warn, never block).
 */
export function RouteExplanation({ answers, council, title }: { answers: DraftAnswers; council: CouncilSettings; title: string }) {
  const { t } = useTranslation();
  const assessment = assessEligibility({
    role: answers.role,
    childSituation: answers.childSituation,
    topics: answers.topics,
    when: answers.when,
    proceedings: answers.proceedings,
  });
  const values = { council: council.name };
  return (
    <>
      <h1 className="heading-l">{title}</h1>
      <p className="body">{t(assessment.reasonKey, values)}</p>
      {assessment.route === "statutory" ? (
        <ol className="list list--numbered">
          <li>{t("wizard:route.stages.stage1")}</li>
          <li>{t("wizard:route.stages.stage2")}</li>
          <li>{t("wizard:route.stages.stage3")}</li>
        </ol>
      ) : null}
      {assessment.otherParts.length > 0 ? (
        <>
          <h2 className="heading-m">{t("wizard:route.otherPartsHeading")}</h2>
          {assessment.otherParts.map((part) => (
            <p className="body" key={part.reasonKey}>
              {t(part.reasonKey, values)}
            </p>
          ))}
        </>
      ) : null}
      {assessment.flags.length > 0 ? (
        <div className="inset">
          <h2 className="heading-m">{t("wizard:route.thingsToKnow")}</h2>
          {assessment.flags.map((flag) => (
            <p className="body" key={flag.flag}>
              {t(flag.reasonKey, values)}
            </p>
          ))}
        </div>
      ) : null}
      <p className="body">{t("wizard:route.carryOn", values)}</p>
      <p className="body">
        <Link to="/who-sees">{t("wizard:route.whoSees")}</Link>
      </p>
    </>
  );
}
