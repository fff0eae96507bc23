import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useDocumentTitle } from "../../components/use-document-title";

/** The parts of "Who will see what I write?", in reading order (issue 16; S003 in docs/sources.md, "Confidentiality"). */
export const WHO_SEES_SECTIONS = ["reads", "told", "safe", "right", "advocate", "phone"] as const;
export const WHO_SEES_ADULT_SECTIONS = ["reads", "told", "safe", "child", "right", "advocate", "phone"] as const;

/** Links inside the text: `<words>`, `<settings>`, `<privacy>`, `<adults>` tags in the English. */
const links = {
  words: <Link to="/words#advocate" />,
  settings: <Link to="/settings" />,
  privacy: <Link to="/privacy" />,
  adults: <Link to="/who-sees/adults" />,
  child: <Link to="/who-sees" />,
};

function Sections({ prefix, sections }: { prefix: "whoSees" | "whoSeesAdults"; sections: readonly string[] }) {
  const { t } = useTranslation("info");
  return (
    <>
      {sections.map((id) => (
        <section key={id} aria-labelledby={`${prefix}-${id}`}>
          <h2 className="heading-m" id={`${prefix}-${id}`}>
            {t(`${prefix}.${id}.heading`)}
          </h2>
          <p className="body">
            <Trans t={t} i18nKey={`${prefix}.${id}.body`} components={links} />
          </p>
        </section>
      ))}
    </>
  );
}

/**
 * "Who will see what I write?" in a child's words (issue 16): second person, short sentences, the
 * questions a child asks before they write (who reads it, will my carer see it, will I get in
 * trouble, what if I am not safe), at the moment they matter (ICO Children's Code).
 */
export function WhoSeesPage() {
  const { t } = useTranslation("info");
  useDocumentTitle(t("whoSees.title"));
  return (
    <>
      <h1 className="heading-l">{t("whoSees.title")}</h1>
      <p className="body">{t("whoSees.intro")}</p>
      <Sections prefix="whoSees" sections={WHO_SEES_SECTIONS} />
      <p className="body">
        <Trans t={t} i18nKey="whoSees.more" components={links} />
      </p>
    </>
  );
}

/** The same for parents, carers and advocates: what the council may do with it, and what it means for the child. */
export function WhoSeesAdultsPage() {
  const { t } = useTranslation("info");
  useDocumentTitle(t("whoSeesAdults.title"));
  return (
    <>
      <h1 className="heading-l">{t("whoSeesAdults.title")}</h1>
      <p className="body">
        <Trans t={t} i18nKey="whoSeesAdults.intro" components={links} />
      </p>
      <Sections prefix="whoSeesAdults" sections={WHO_SEES_ADULT_SECTIONS} />
      <p className="body">
        <Trans t={t} i18nKey="whoSeesAdults.more" components={links} />
      </p>
    </>
  );
}
