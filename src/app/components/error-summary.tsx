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
export function ErrorSummary({ errors }: { errors: ErrorItem[] }) {
  const { t } = useTranslation("common");
  const ref = useRef<HTMLDivElement>(null);
  const count = errors.length;
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count, errors]);
  if (count === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1}>
      <h2 className="error-summary__title">
        {t("errorSummary.title")}
      </h2>
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
