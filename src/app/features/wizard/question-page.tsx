import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import type { DraftAnswers, DraftRecord } from "../../../domain/draft";
import { BackLink } from "../../components/back-link";
import { ErrorSummary, type ErrorItem } from "../../components/error-summary";
import { TextAreaQuestion } from "../../components/text-area-question";
import { useDocumentTitle } from "../../components/use-document-title";
import { CHECK_STEP, stepPath, steps, type StepDefinition } from "./steps";
import { useAutosave } from "./use-autosave";

type FormValues = Partial<Record<keyof DraftAnswers, string>>;

function fieldId(name: string): string {
  return `field-${name}`;
}

/** Renders any step from the step table: one question, its errors, autosave, Back and Continue. */
export function QuestionPage({ step, draft }: { step: StepDefinition; draft: DraftRecord }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const returnToCheck = searchParams.get("return") === CHECK_STEP;
  const { schedule, flush, status } = useAutosave(draft.id, step.id);

  const defaultValues: FormValues = {};
  for (const field of step.fields) defaultValues[field.name] = (draft.answers[field.name] as string | undefined) ?? "";

  const {
    register,
    handleSubmit,
    subscribe,
    getValues,
    formState: { errors, isSubmitted },
  } = useForm<FormValues>({
    resolver: zodResolver(step.schema as never) as unknown as Resolver<FormValues>,
    defaultValues,
    shouldFocusError: false,
  });

  // Every change goes to the autosave queue (debounced there), never waiting for Continue.
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ values }) => schedule(values as Partial<DraftAnswers>),
      }),
    [subscribe, schedule],
  );

  const values = getValues();
  const errorItems: ErrorItem[] = step.fields.flatMap((field) => {
    const message = errors[field.name]?.message;
    if (!message) return [];
    return [{ fieldId: fieldId(field.name), message: t(message, { count: String(values[field.name] ?? "").length }) }];
  });

  useDocumentTitle(t(step.titleKey), errorItems.length > 0);

  const index = steps.findIndex((s) => s.id === step.id);
  const previous = returnToCheck ? stepPath(CHECK_STEP) : index > 0 ? stepPath(steps[index - 1]?.id ?? CHECK_STEP) : "/";

  const onValid = async () => {
    await flush();
    const nextId = returnToCheck ? CHECK_STEP : step.next(draft.answers);
    navigate(stepPath(nextId));
  };

  return (
    <>
      <BackLink to={previous} />
      {isSubmitted ? <ErrorSummary errors={errorItems} /> : null}
      <form noValidate onSubmit={(event) => void handleSubmit(onValid)(event)}>
        {step.fields.map((field) => {
          const message = errorItems.find((e) => e.fieldId === fieldId(field.name))?.message;
          return (
            <TextAreaQuestion
              key={field.name}
              id={fieldId(field.name)}
              label={t(`${field.textKey}.label`)}
              hint={t(`${field.textKey}.hint`)}
              error={message}
              asHeading={step.fields.length === 1}
              {...register(field.name)}
            />
          );
        })}
        <p className="save-status" role="status">
          {status === "saved" ? t("common:savedOnDevice") : status === "failed" ? t("common:storageUnavailable") : ""}
        </p>
        <button type="submit" className="button">
          {t("common:continue")}
        </button>
      </form>
    </>
  );
}
