import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../components/use-document-title";

/**
 * Every word explained on `/words`, in reading order. Each id is the fragment other pages link to
 * (`/words#advocate`) and the key of its text in `info:words.terms` (docs/domain.md §7).
 */
export const GLOSSARY_TERMS = [
  "looked-after",
  "child-in-need",
  "care-leaver",
  "special-guardianship",
  "advocate",
  "independent-person",
  "investigating-officer",
  "review-panel",
  "ombudsman",
  "working-day",
  "stage-1",
  "stage-2",
  "stage-3",
  "representative",
] as const;

export type GlossaryTerm = (typeof GLOSSARY_TERMS)[number];

/** "Words you might not know": a GOV.UK-style definition list of the words used in complaints. */
export function GlossaryPage() {
  const { t } = useTranslation("info");
  useDocumentTitle(t("words.title"));
  return (
    <>
      <h1 className="heading-l">{t("words.title")}</h1>
      <p className="body">{t("words.intro")}</p>
      <dl className="summary-list glossary">
        {GLOSSARY_TERMS.map((id) => (
          <div className="summary-list__row" key={id}>
            <dt className="summary-list__key" id={id}>
              {t(`words.terms.${id}.term`)}
            </dt>
            <dd className="summary-list__value">{t(`words.terms.${id}.definition`)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
