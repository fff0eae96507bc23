import type { TextareaHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";

export interface TextAreaQuestionProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** GOV.UK: on a one-question page the label is the page heading. */
  asHeading?: boolean;
}

/** A textarea with its label, hint and error message linked for screen readers. */
export function TextAreaQuestion({ id, label, hint, error, asHeading = false, ...textarea }: TextAreaQuestionProps) {
  const { t } = useTranslation("common");
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const labelElement = (
    <label className={asHeading ? "label label--heading" : "label"} htmlFor={id}>
      {label}
    </label>
  );
  return (
    <div className={error ? "form-group form-group--error" : "form-group"}>
      {asHeading ? <h1 className="heading-l question-heading">{labelElement}</h1> : labelElement}
      {hint ? (
        <div id={hintId} className="hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={errorId} className="error-message">
          <span className="visually-hidden">{`${t("errorPrefix")} `}</span>
          {error}
        </p>
      ) : null}
      <textarea
        id={id}
        className={error ? "textarea textarea--error" : "textarea"}
        rows={8}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        aria-invalid={error ? true : undefined}
        spellCheck
        {...textarea}
      />
    </div>
  );
}
