import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { availableLanguages, ENGLISH } from "../lib/languages";

/**
 * The languages Speak Up has, each in its own name and script (issue 14), on the start page and in
 * every page's footer. Pressing one changes the words on screen at once (nothing typed is lost)
 * and remembers the choice on this device. Shows nothing while English is the only language.
 */
export function LanguagePicker() {
  const { t, i18n } = useTranslation("language");
  const headingId = useId();
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  if (availableLanguages.length < 2) return null;

  const choose = async (code: string) => {
    setFailed(false);
    setBusy(true);
    try {
      const { changeLanguage } = await import("../lib/language-words");
      await changeLanguage(code, i18n);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="language-picker" data-no-read="">
      {/* Not a heading: the footer has none, and the page's outline stays the page's own. */}
      <p className="language-picker__heading" id={headingId}>
        {t("heading")}
      </p>
      <ul className="language-picker__list" aria-labelledby={headingId}>
        {availableLanguages.map((language) => {
          const current = language.code === i18n.language;
          return (
            <li key={language.code}>
              <button
                type="button"
                className="language-picker__button"
                lang={language.code}
                dir={language.dir}
                aria-pressed={current}
                disabled={busy}
                onClick={() => void choose(language.code)}
              >
                {language.name}
              </button>
            </li>
          );
        })}
      </ul>
      {failed ? (
        <p className="error-message" role="alert">
          {t("failed")}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Until someone who speaks it natively has checked a translation (locales/<code>/_meta.json), a
 * short notice in that language says so and that the council can give an interpreter.
 */
export function UnreviewedNotice() {
  const { t, i18n } = useTranslation("language");
  const language = i18n.language;
  const [unreviewed, setUnreviewed] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (language === ENGLISH) return;
    let current = true;
    void import("../lib/language-words")
      .then(({ loadMeta }) => loadMeta(language))
      .then((meta) => {
        if (current) setUnreviewed(meta && !meta.reviewed ? language : undefined);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [language]);
  if (language === ENGLISH || unreviewed !== language) return null;
  return (
    <p className="inset language-notice" data-testid="unreviewed-notice">
      {t("unreviewed")}
    </p>
  );
}
