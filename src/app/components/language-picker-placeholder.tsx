import { availableLanguages } from "../lib/languages";
import { loadLaterWords } from "../lib/i18n";

/** The language picker's code and words, loaded once the page is on screen (components/deferred.tsx). */
export const loadLanguagePicker = () => Promise.all([import("./language-picker"), loadLaterWords("language")]).then(([module]) => module.LanguagePicker);

/**
 * Keeps the language picker's place until it loads, unseen: each language's name in its own
 * script, so the browser finds the fonts for Arabic script and Ethiopic while it lays out the page
 * for its first paint. Found only once the picker arrived, that search was the longest piece of
 * work after a question page appeared (issue 9); and nothing below the picker moves when it does.
 */
export function LanguagePickerPlaceholder() {
  if (availableLanguages.length < 2) return null;
  return (
    <div className="language-picker language-picker--pending" aria-hidden="true">
      <p className="language-picker__heading">{"\u00a0"}</p>
      <ul className="language-picker__list">
        {availableLanguages.map((language) => (
          <li key={language.code}>
            <span className="language-picker__button" lang={language.code} dir={language.dir}>
              {language.name}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
