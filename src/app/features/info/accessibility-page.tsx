import { Trans, useTranslation } from "react-i18next";
import type { CouncilSettings } from "../../../domain/council";
import { ExternalLink } from "../../components/external-link";
import { PhoneLink } from "../../components/phone-link";
import { useDocumentTitle } from "../../components/use-document-title";

/** The Equality Advisory and Support Service, named by the GOV.UK model statement's enforcement section. */
const EASS_URL = "https://www.equalityadvisoryservice.com/";

/** Sections of the statement in the order of the GOV.UK model accessibility statement. */
const SECTIONS = ["howAccessible", "notAccessible", "compliance", "nonCompliant", "tested", "improving"] as const;

/**
 * The accessibility statement in the form UK public-sector websites use (Public Sector Bodies
 * (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018; GOV.UK's model
 * statement). How to report a problem comes from the council's own contact settings.
 */
export function AccessibilityPage({ council }: { council: CouncilSettings }) {
  const { t } = useTranslation("info");
  useDocumentTitle(t("accessibility.title"));
  const values = { council: council.name };
  return (
    <>
      <h1 className="heading-l">{t("accessibility.title")}</h1>
      <p className="body">{t("accessibility.intro", values)}</p>
      {SECTIONS.map((id) => (
        <section key={id} aria-labelledby={`accessibility-${id}`}>
          <h2 className="heading-m" id={`accessibility-${id}`}>
            {t(`accessibility.${id}.heading`)}
          </h2>
          <ul className="list">
            {(t(`accessibility.${id}.items`, { returnObjects: true, ...values }) as string[]).map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="accessibility-contact">
        <h2 className="heading-m" id="accessibility-contact">
          {t("accessibility.contact.heading")}
        </h2>
        <p className="body">{t("accessibility.contact.body", values)}</p>
        <ul className="list">
          {council.contact.email ? (
            <li>
              {t("privacy.email")} <a href={`mailto:${council.contact.email}`}>{council.contact.email}</a>
            </li>
          ) : null}
          {council.contact.phone ? (
            <li>
              {t("privacy.phone")} <PhoneLink number={council.contact.phone} />
            </li>
          ) : null}
          {council.contact.postalAddress ? (
            <li>
              {t("privacy.post")} {council.contact.postalAddress}
            </li>
          ) : null}
        </ul>
      </section>
      <section aria-labelledby="accessibility-enforcement">
        <h2 className="heading-m" id="accessibility-enforcement">
          {t("accessibility.enforcement.heading")}
        </h2>
        <p className="body">{t("accessibility.enforcement.body")}</p>
        <p className="body">
          <Trans t={t} i18nKey="accessibility.enforcement.eass" components={{ eass: <ExternalLink href={EASS_URL} /> }} />
        </p>
        <p className="body">{t("accessibility.enforcement.ni")}</p>
      </section>
      <p className="body">{t("accessibility.prepared")}</p>
    </>
  );
}
