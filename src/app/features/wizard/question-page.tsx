import { zodResolver } from "@hookform/resolvers/zod";
import { memo, useEffect, useRef, type ChangeEvent } from "react";
import { useForm, useFormState, useWatch, type Resolver, type UseFormRegister, type UseFormReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { visibleLength } from "../../../domain/schema-rules";
import type { CouncilSettings } from "../../../domain/council";
import type { DraftAnswers, DraftRecord } from "../../../domain/draft";
import { BackLink } from "../../components/back-link";
import { ErrorSummary, type ErrorItem } from "../../components/error-summary";
import { ChoicesField, TextAreaField, TextInputField } from "../../components/form-fields";
import { useCopyableText } from "../../components/storage-warning";
import { useDocumentTitle } from "../../components/use-document-title";
import type { DraftRepository } from "../../lib/draft-repository";
import { settingsRepository } from "../../lib/settings-repository";
import { answersAsText } from "./answers-as-text";
import { answersFromForm, formFromAnswers, type FormValues } from "./form-values";
import { RouteExplanation } from "./route-explanation";
import { UrgentHelp } from "./urgent-help";
import { CHECK_STEP, irrelevantAnswers, nextStepId, previousStepId, stepPath, type FieldDefinition, type StepDefinition } from "./steps";
import { hasLocalChange, unsavedAnswers, useAutosave } from "./use-autosave";
import { useLiveAnswers } from "./use-live-answers";

const settings = settingsRepository();

/** The once-per-device PIN offer, then on to `next`. */
function pinOfferPath(next: string): string {
  return `/settings/shared-phone?next=${encodeURIComponent(next)}`;
}

export function fieldId(name: string): string {
  return `field-${name}`;
}

interface QuestionPageProps {
  step: StepDefinition;
  draft: DraftRecord;
  council: CouncilSettings;
  /** Where answers are saved; the drafts store unless the draft does not exist yet (NewComplaintQuestion). */
  saver?: Pick<DraftRepository, "saveAnswers">;
}

/**
 * Renders any step from the step table: its question(s), errors, autosave, Back and Continue.
 *
 * The form's state lives here and the page in QuestionForm, which reads the errors itself
 * (useFormState). react-hook-form's useForm updates its own state once as it first appears (from a
 * layout effect, so React draws again at once, in the same task); with the page drawn here, that
 * drew the whole question a second time and ran every effect of the page in the task that put a
 * pre-rendered question on screen, the longest on a cheap phone (issue 9). Now only this small
 * component draws again, and QuestionForm, whose props have not changed, is skipped.
 */
export function QuestionPage(props: QuestionPageProps) {
  const { step, draft } = props;
  const form = useForm<FormValues>({
    resolver: zodResolver(step.schema as never) as unknown as Resolver<FormValues>,
    defaultValues: formFromAnswers(step, { ...draft.answers, ...unsavedAnswers(draft.id) }),
    shouldFocusError: false,
  });
  return <QuestionForm {...props} form={form} />;
}

const QuestionForm = memo(function QuestionForm({ step, draft, council, saver, form }: QuestionPageProps & { form: UseFormReturn<FormValues> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const returnToCheck = searchParams.get("return") === CHECK_STEP;
  const { schedule, flush, status } = useAutosave(draft.id, step.id, saver);
  // What this page knows: the saved draft, plus anything typed that could not be saved yet.
  const known: DraftAnswers = { ...draft.answers, ...unsavedAnswers(draft.id) };
  const context = step.context?.(known);

  const { register, handleSubmit, subscribe, getValues, control, setValue } = form;
  const { errors, isSubmitted, submitCount } = useFormState({ control });

  // Two tabs on the same draft: a field this tab hasn't changed since it last matched the stored
  // draft takes the other tab's value; a field being edited here keeps what is typed (its save wins
  // for that field only, as saves merge field by field).
  const live = useLiveAnswers(draft.id);
  const base = useRef<FormValues>(formFromAnswers(step, known));
  const applyingRemote = useRef(false);
  useEffect(() => {
    if (!live) return;
    const stored = formFromAnswers(step, live);
    for (const field of step.fields) {
      const name = field.name;
      // This page's own change to the field is still being saved: what is stored is older than the screen.
      if (hasLocalChange(draft.id, name)) continue;
      const current = JSON.stringify(getValues(name));
      const storedValue = JSON.stringify(stored[name]);
      if (current === storedValue) base.current[name] = stored[name];
      else if (current === JSON.stringify(base.current[name])) {
        base.current[name] = stored[name];
        applyingRemote.current = true;
        setValue(name, stored[name]);
        applyingRemote.current = false;
      }
    }
  }, [live, step, getValues, setValue, draft.id]);

  // "Copy what you have written" in the storage warning: everything answered so far, with this page as it is now.
  useCopyableText(() => answersAsText({ ...draft.answers, ...unsavedAnswers(draft.id), ...answersFromForm(step, getValues()) }, t));

  // Every change goes to the autosave queue, never waiting for Continue.
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        // A value taken from another tab is already stored: don't echo it back.
        // Only the field that changed is saved, so two tabs editing different fields both keep theirs.
        callback: ({ values, name }) => {
          if (applyingRemote.current) return;
          const all = answersFromForm(step, values);
          const field = step.fields.find((f) => f.name === name);
          schedule(field ? { [field.name]: all[field.name] } : all);
        },
      }),
    [subscribe, schedule, step],
  );

  const text = (k: string) => t(k, { context });
  const errorItems: ErrorItem[] = step.fields.flatMap((field) => {
    const message = errors[field.name]?.message;
    if (!message) return [];
    const value = getValues(field.name);
    return [{ fieldId: fieldId(field.name), message: t(message, { count: typeof value === "string" ? visibleLength(value.trim()) : 0 }) }];
  });
  const errorFor = (name: string) => errorItems.find((e) => e.fieldId === fieldId(name))?.message;

  const title = text(step.titleKey);
  useDocumentTitle(title, errorItems.length > 0);

  const previous = returnToCheck ? CHECK_STEP : previousStepId(step.id, known);

  const onValid = async (values: FormValues) => {
    const fromForm = answersFromForm(step, values);
    const answers: DraftAnswers = { ...known, ...fromForm };
    // A change can make later answers irrelevant (e.g. no longer acting for a child): clear them.
    const cleared = Object.fromEntries(irrelevantAnswers(answers).map((name) => [name, undefined]));
    // One save through autosave: if it fails (phone full, private window) the answers stay in memory and are tried again.
    schedule({ ...fromForm, ...cleared });
    await flush();
    const settled: DraftAnswers = { ...answers, ...cleared };
    const nextId = returnToCheck ? CHECK_STEP : nextStepId(step.id, settled);
    const next = `${stepPath(nextId)}${returnToCheck && nextId !== CHECK_STEP ? `?return=${CHECK_STEP}` : ""}`;
    // A settings read that fails (storage off) just skips the offer: it is never in the way.
    const offer = step.offersPinLock && !returnToCheck && (await settings.shouldOfferPinLock().catch(() => false));
    navigate(offer ? pinOfferPath(next) : next);
  };

  const visible = step.fields.filter((f) => !f.conditional);
  const single = visible.length === 1;
  const watched = useWatch({ control });
  const chosen = (name: FieldDefinition["name"]): string[] => {
    const value = watched[name];
    return Array.isArray(value) ? value : value ? [value] : [];
  };

  const renderField = (field: FieldDefinition, asHeading: boolean) => {
    const id = fieldId(field.name);
    const label = `${text(`${field.textKey}.label`)}${field.optional ? ` ${t("common:optional")}` : ""}`;
    const hintKey = `${field.textKey}.hint`;
    const hint = t(hintKey, { context, defaultValue: "" }) || undefined;
    const error = errorFor(field.name);
    if (field.kind === "radios" || field.kind === "checkboxes") {
      return (
        <ChoicesField
          key={field.name}
          id={id}
          legend={label}
          hint={hint}
          error={error}
          asHeading={asHeading}
          type={field.kind === "radios" ? "radio" : "checkbox"}
          chosen={chosen(field.name)}
          orLabel={t("common:or")}
          options={(field.optionsFor?.(known) ?? field.options ?? []).map((value) => ({
            value,
            label: text(`${field.textKey}.options.${value}.label`),
            hint: t(`${field.textKey}.options.${value}.hint`, { context, defaultValue: "" }) || undefined,
            exclusive: value === field.exclusiveOption,
            revealed: field.reveals?.[value]?.length ? (
              <>
                {field.reveals[value]?.map((name) => {
                  const revealed = step.fields.find((f) => f.name === name);
                  return revealed ? renderField(revealed, false) : null;
                })}
              </>
            ) : field.urgentHelpFor?.includes(value) ? (
              <UrgentHelp council={council} context={context} />
            ) : value === "none" && field.name === "contactMethod" ? (
              <p className="warning-text">{t("wizard:contactMethod.noneWarning")}</p>
            ) : undefined,
          }))}
          inputProps={(value) => exclusiveProps(register, field, value, setValue, getValues)}
        />
      );
    }
    const common = { id, label, hint, error, asHeading, ...register(field.name) };
    if (field.kind === "textarea") return <TextAreaField key={field.name} {...common} autoComplete={field.autoComplete} />;
    return (
      <TextInputField
        key={field.name}
        {...common}
        type={field.kind === "text" ? "text" : field.kind}
        width={field.width}
        autoComplete={field.autoComplete}
        spellCheck={field.kind === "text" ? undefined : false}
      />
    );
  };

  return (
    <>
      {previous ? <BackLink to={stepPath(previous)} /> : <BackLink to="/" />}
      {isSubmitted ? <ErrorSummary errors={errorItems} attempt={submitCount} /> : null}
      <form noValidate onSubmit={(event) => void handleSubmit(onValid)(event)}>
        {step.info === "route" ? (
          <RouteExplanation answers={known} council={council} title={title} />
        ) : (
          <>
            {single ? null : <h1 className="heading-l">{title}</h1>}
            {visible.map((field) => renderField(field, single))}
          </>
        )}
        <p className="save-status" role="status">
          {status === "saved" && step.fields.length > 0 ? t("common:savedOnDevice") : status === "failed" ? t("common:storageUnavailable") : ""}
        </p>
        <button type="submit" className="button">
          {t("common:continue")}
        </button>
      </form>
    </>
  );
});

/** Checkbox props, with GOV.UK's exclusive "none of these" behaviour. */
function exclusiveProps(
  register: UseFormRegister<FormValues>,
  field: FieldDefinition,
  value: string,
  setValue: (name: FieldDefinition["name"], value: string[]) => void,
  getValues: (name: FieldDefinition["name"]) => FormValues[FieldDefinition["name"]],
) {
  const registered = register(field.name);
  if (!field.exclusiveOption) return registered;
  return {
    ...registered,
    onChange: async (event: ChangeEvent<HTMLInputElement>) => {
      await registered.onChange(event);
      if (!event.target.checked) return;
      const current = getValues(field.name);
      const list = Array.isArray(current) ? current : [];
      if (value === field.exclusiveOption) setValue(field.name, [value]);
      else if (list.includes(field.exclusiveOption ?? ""))
        setValue(
          field.name,
          list.filter((v) => v !== field.exclusiveOption),
        );
    },
  };
}
