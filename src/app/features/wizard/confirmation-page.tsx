import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CouncilSettings } from "../../../domain/council";
import { assessEligibility } from "../../../domain/eligibility";
import { expectedDates } from "../../../domain/timeline";
import { AccessCode } from "../../components/access-code";
import { LaterChangesNote } from "../../components/later-changes-note";
import { PhoneLink } from "../../components/phone-link";
import { useDocumentTitle } from "../../components/use-document-title";
import type { SentRecord } from "../../lib/db";
import { formatLongDate } from "../../lib/format-date";

/** No complaint with that reference on this phone. */
export function ConfirmationNotFound() {
  const { t } = useTranslation("confirmation");
  useDocumentTitle(t("notFound.title"));
  return (
    <>
      <h1 className="heading-l">{t("notFound.title")}</h1>
      <p className="body">{t("notFound.body")}</p>
    </>
  );
}

/**
 * GOV.UK confirmation: the reference in a panel, then what happens next with real dates.
 * `council` is the one the complaint went to (routes/complaints-routes.tsx loads it).
 */
export function ConfirmationPage({ sent, council }: { sent: SentRecord; council: CouncilSettings }) {
  const { t, i18n } = useTranslation("confirmation");
  useDocumentTitle(t("title"));
  const dates = expectedDates(council.timescales, sent.receivedOn);
  const { payload } = sent;
  const assessment = assessEligibility({ role: payload.role, ...payload.eligibility });
  // Where to go instead (a school, the NHS…): the whole complaint or parts of it.
  const elsewhere = [...(assessment.route === "other-organisation" ? [{ reasonKey: assessment.reasonKey }] : []), ...assessment.otherParts];
  const wantsAdvocate = payload.wantsAdvocate === "yes" || payload.wantsAdvocate === "not-sure";
  return (
    <>
      <div className="panel">
        <h1 className="panel__title">{t("title")}</h1>
        <div className="panel__body">
          {t("referenceLabel")}
          <br />
          <strong className="reference" data-testid="reference" dir="ltr">
            {sent.reference}
          </strong>
        </div>
      </div>
      {sent.label ? (
        <p className="body" data-testid="complaint-label">
          {t("label", { label: sent.label })}
        </p>
      ) : null}
      <p className="body">{t("keepReference")}</p>
      {sent.accessCode ? <AccessCode code={sent.accessCode} /> : null}
      {sent.statusToken ? (
        <p className="body">
          <Link to={`/complaints/${encodeURIComponent(sent.reference)}/copy`} className="button button--secondary">
            {t("saveCopy")}
          </Link>
        </p>
      ) : null}
      <LaterChangesNote sent={sent} />
      {/* Issue 14: in another language, the council may still answer in English. */}
      {i18n.language !== "en-GB" ? (
        <p className="body" data-testid="interpreter">
          {council.contact.phone ? (
            <Trans
              t={t}
              i18nKey="interpreterPhone"
              values={{ council: council.name, phone: council.contact.phone }}
              components={{ phone: <PhoneLink number={council.contact.phone} /> }}
            />
          ) : (
            t("interpreter", { council: council.name })
          )}
        </p>
      ) : null}
      <h2 className="heading-m">{t("nextHeading")}</h2>
      <p className="body">{t("nextBody", { council: council.name })}</p>
      {/* "Don't contact me": the council cannot tell them anything, so no date says it will. */}
      {dates.acknowledgementBy && !sent.noContact ? (
        <p className="body">{t("acknowledgeBy", { date: formatLongDate(dates.acknowledgementBy, i18n.language) })}</p>
      ) : null}
      <p className="body" data-testid="reply-by">
        {t(sent.noContact ? "replyByNoContact" : "replyBy", { date: formatLongDate(dates.target, i18n.language) })}
      </p>
      <p className="body">{t("latestBy", { date: formatLongDate(dates.latest, i18n.language) })}</p>
      <p className="body">
        <Link to={`/complaints/${encodeURIComponent(sent.reference)}`}>{t("trackIt")}</Link>
      </p>
      <p className="body">
        <Link to="/what-happens">{t("allSteps")}</Link>
      </p>
      {elsewhere.length > 0 ? (
        <>
          <h2 className="heading-m">{t("elsewhereHeading")}</h2>
          {elsewhere.map((part) => (
            <p className="body" key={part.reasonKey}>
              {t(part.reasonKey, { council: council.name })}
            </p>
          ))}
        </>
      ) : null}
      {wantsAdvocate ? (
        <>
          <h2 className="heading-m">{t("advocate.heading")}</h2>
          <p className="body">{t("advocate.body", { council: council.name })}</p>
          <ul className="list">
            {council.advocacy.map((provider) => (
              <li key={provider.name}>
                {provider.name}
                {provider.phone ? (
                  <>
                    {t("advocate.phoneSeparator")}
                    <PhoneLink number={provider.phone} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="body">
        <Link to="/">{t("startAgain")}</Link>
      </p>
    </>
  );
}
