import type { InputHTMLAttributes, ReactNode, Ref, TextareaHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";

/**
 * GOV.UK form patterns: label (or legend) → hint → error message → control, linked with
 * aria-describedby so screen readers read the hint and the error with the field.
 */

interface ShellProps {
  id: string;
  hint?: string;
  error?: string;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(Boolean).join(" ") || undefined;
}

function HintAndError({ id, hint, error }: ShellProps) {
  const { t } = useTranslation("common");
  return (
    <>
      {hint ? (
        <div id={`${id}-hint`} className="hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="error-message">
          <span className="visually-hidden">{`${t("errorPrefix")} `}</span>
          {error}
        </p>
      ) : null}
    </>
  );
}

function Label({ id, label, asHeading }: { id: string; label: string; asHeading: boolean }) {
  const element = (
    <label className={asHeading ? "label label--heading" : "label"} htmlFor={id}>
      {label}
    </label>
  );
  return asHeading ? <h1 className="heading-l question-heading">{element}</h1> : element;
}

export interface TextFieldProps extends ShellProps {
  label: string;
  asHeading?: boolean;
}

export function TextAreaField({
  id,
  label,
  hint,
  error,
  asHeading = false,
  ref,
  ...textarea
}: TextFieldProps & TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> }) {
  return (
    <div className={error ? "form-group form-group--error" : "form-group"}>
      <Label id={id} label={label} asHeading={asHeading} />
      <HintAndError id={id} hint={hint} error={error} />
      <textarea
        dir="auto"
        id={id}
        ref={ref}
        className={error ? "textarea textarea--error" : "textarea"}
        rows={6}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        spellCheck
        {...textarea}
      />
    </div>
  );
}

export function TextInputField({
  id,
  label,
  hint,
  error,
  asHeading = false,
  width,
  ref,
  ...input
}: TextFieldProps & InputHTMLAttributes<HTMLInputElement> & { width?: "short" | "medium"; ref?: Ref<HTMLInputElement> }) {
  const classes = ["input", width ? `input--${width}` : "", error ? "input--error" : ""].filter(Boolean).join(" ");
  return (
    <div className={error ? "form-group form-group--error" : "form-group"}>
      <Label id={id} label={label} asHeading={asHeading} />
      <HintAndError id={id} hint={hint} error={error} />
      <input
        id={id}
        ref={ref}
        dir="auto"
        className={classes}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
  );
}

export interface ChoiceOption {
  value: string;
  label: string;
  hint?: string;
  /** Content revealed under this option when chosen (GOV.UK conditional reveal). */
  revealed?: ReactNode;
  /** "None of these": shown after an "or" divider. */
  exclusive?: boolean;
}

export interface ChoicesProps extends ShellProps {
  legend: string;
  asHeading?: boolean;
  type: "radio" | "checkbox";
  options: ChoiceOption[];
  /** Values currently chosen, to show conditional content. */
  chosen: readonly string[];
  inputProps: (value: string) => InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };
  orLabel?: string;
}

/** Radios or checkboxes in a fieldset; the legend is the page heading on a one-question page. */
export function ChoicesField({ id, legend, hint, error, asHeading = false, type, options, chosen, inputProps, orLabel }: ChoicesProps) {
  return (
    <div className={error ? "form-group form-group--error" : "form-group"}>
      <fieldset className="fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={asHeading ? "fieldset__legend fieldset__legend--heading" : "fieldset__legend"}>
          {asHeading ? <h1 className="heading-l fieldset__heading">{legend}</h1> : legend}
        </legend>
        <HintAndError id={id} hint={hint} error={error} />
        <div className={type === "radio" ? "choices choices--radios" : "choices choices--checkboxes"}>
          {options.map((option, index) => {
            const inputId = index === 0 ? id : `${id}-${option.value}`;
            const optionHintId = option.hint ? `${inputId}-item-hint` : undefined;
            return (
              <div key={option.value}>
                {option.exclusive && orLabel ? <p className="choices__divider">{orLabel}</p> : null}
                <div className="choices__item">
                  <input
                    id={inputId}
                    type={type}
                    value={option.value}
                    className="choices__input"
                    aria-describedby={optionHintId}
                    aria-invalid={error && index === 0 ? true : undefined}
                    {...inputProps(option.value)}
                  />
                  <label className="choices__label" htmlFor={inputId}>
                    {option.label}
                  </label>
                  {option.hint ? (
                    <div id={optionHintId} className="hint choices__hint">
                      {option.hint}
                    </div>
                  ) : null}
                </div>
                {option.revealed && chosen.includes(option.value) ? <div className="choices__conditional">{option.revealed}</div> : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
