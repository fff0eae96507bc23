import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

export interface ErrorItem {
  /** The id of the input the link moves focus to. */
  fieldId: string;
  message: string;
}

/**
 * GOV.UK error summary: "There is a problem", focused when it appears so screen readers read it,
 * with a link to each field.
 */
export function ErrorSummary({ errors, attempt = 0 }: { errors: ErrorItem[]; attempt?: number }) {
  const { t } = useTranslation("common");
  const ref = useRef<HTMLDivElement>(null);
  const count = errors.length;
  const hasErrors = count > 0;
  // Focus moves here once per attempt to continue (never while the person is typing a fix).
  useEffect(() => {
    if (hasErrors) ref.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new attempt moves focus
  }, [attempt]);
  if (count === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1}>
      <h2 className="error-summary__title">{t("errorSummary.title")}</h2>
      <ul className="error-summary__list">
        {errors.map((error) => (
          <li key={error.fieldId}>
            <a
              href={`#${error.fieldId}`}
              onClick={(event) => {
                event.preventDefault();
                const field = document.getElementById(error.fieldId);
                field?.focus();
                field?.scrollIntoView({ block: "center" });
              }}
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
