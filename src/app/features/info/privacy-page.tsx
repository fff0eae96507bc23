import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CouncilSettings } from "../../../domain/council";
import { retentionWords } from "../../../domain/retention";
import { ExternalLink } from "../../components/external-link";
import { PhoneLink } from "../../components/phone-link";
import { useDocumentTitle } from "../../components/use-document-title";

/** The Information Commissioner's Office helpline and complaint page (ico.org.uk, "Make a complaint"). */
export const ICO_PHONE = "0303 123 1113";
export const ICO_COMPLAINT_URL = "https://ico.org.uk/make-a-complaint/";

/** The parts of the full notice, in the order UK GDPR articles 13–14 list them. */
const FULL_SECTIONS = ["what", "phone", "server", "sharing", "rights"] as const;

/** The data protection officer's ways to be reached, as set by the council; none set says so. */
function Officer({ council }: { council: CouncilSettings }) {
  const { t } = useTranslation("info");
  const officer = council.dataProtection.officer;
  if (!officer) return <p className="body">{t("privacy.notSaid")}</p>;
  return (
    <ul className="list" data-testid="dpo">
      {officer.name ? <li>{officer.name}</li> : null}
      {officer.email ? (
        <li>
          {t("privacy.email")} <a href={`mailto:${officer.email}`}>{officer.email}</a>
        </li>
      ) : null}
      {officer.phone ? (
        <li>
          {t("privacy.phone")} <PhoneLink number={officer.phone} />
        </li>
      ) : null}
      {officer.postalAddress ? (
        <li>
          {t("privacy.post")} {officer.postalAddress}
        </li>
      ) : null}
    </ul>
  );
}

/**
 * The privacy notice for the council the complaint goes to, built from its settings (issue 16).
 * The child's version comes first, in their words; the full notice is under it. There is no
 * choice to make here, so nothing to nudge (ICO Children's Code standard 13): it only explains.
 */
export function PrivacyPage({ council }: { council: CouncilSettings }) {
  const { t, i18n } = useTranslation("info");
  const { lawfulBasis } = council.dataProtection;
  // The words come from the number the server deletes by (decision 020): one source of truth.
  const retention = council.dataProtection.retention ? retentionWords(council.dataProtection.retention, i18n.language) : undefined;
  const values = { council: council.name };
  useDocumentTitle(t("privacy.title"));
  const ico = (
    <Trans
      t={t}
      i18nKey="privacy.ico"
      values={{ phone: ICO_PHONE }}
      components={{ phone: <PhoneLink number={ICO_PHONE} />, site: <ExternalLink href={ICO_COMPLAINT_URL} /> }}
    />
  );
  return (
    <>
      <h1 className="heading-l">{t("privacy.title")}</h1>
      <section aria-labelledby="privacy-child" data-testid="privacy-child">
        <h2 className="heading-m" id="privacy-child">
          {t("privacy.child.heading")}
        </h2>
        <p className="body">{t("privacy.child.who", values)}</p>
        <p className="body">{t("privacy.child.why")}</p>
        <p className="body">{t("privacy.child.phone")}</p>
        <p className="body" data-testid="retention-child">
          {retention ? t("privacy.child.kept", { ...values, retention }) : t("privacy.child.keptNotSaid", values)}
        </p>
        <p className="body">
          <Trans t={t} i18nKey="privacy.child.sharing" components={{ whoSees: <Link to="/who-sees" /> }} />
        </p>
        <p className="body">{t("privacy.child.rights")}</p>
        <p className="body">{t("privacy.child.ask")}</p>
        <Officer council={council} />
        <p className="body">{t("privacy.child.notHappy")}</p>
        <p className="body">{ico}</p>
      </section>

      <section aria-labelledby="privacy-full" data-testid="privacy-full">
        <h2 className="heading-m" id="privacy-full">
          {t("privacy.full.heading")}
        </h2>
        <h3 className="heading-s">{t("privacy.full.controller.heading")}</h3>
        <p className="body">{t("privacy.full.controller.body", values)}</p>
        <Officer council={council} />
        <h3 className="heading-s">{t("privacy.full.basis.heading")}</h3>
        <p className="body" data-testid="lawful-basis">
          {lawfulBasis ?? t("privacy.notSaid")}
        </p>
        {FULL_SECTIONS.map((id) => (
          <div key={id}>
            <h3 className="heading-s">{t(`privacy.full.${id}.heading`)}</h3>
            <p className="body">{t(`privacy.full.${id}.body`, values)}</p>
          </div>
        ))}
        <h3 className="heading-s">{t("privacy.full.retention.heading")}</h3>
        <p className="body" data-testid="retention-full">
          {retention ? t("privacy.full.retention.body", { ...values, retention }) : t("privacy.notSaid")}
        </p>
        <h3 className="heading-s">{t("privacy.full.complain.heading")}</h3>
        <p className="body">{ico}</p>
        {council.privacyNotice ? (
          <p className="body">
            <Trans t={t} i18nKey="privacy.full.councilNotice" values={values} components={{ notice: <ExternalLink href={council.privacyNotice} /> }} />
          </p>
        ) : null}
      </section>
    </>
  );
}
