import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { ErrorSummary } from "../../app/components/error-summary";
import { ChoicesField, TextAreaField, TextInputField } from "../../app/components/form-fields";
import { LoadFailed, LoadingMessage, NotAllowed, StaffNotFound, useStaffTitle } from "../components/staff-layout";
import { defaultStage, EVENT_FIELDS, eventBody, isEventType, type EventField, type EventType } from "../lib/event-forms";
import { errorsFromApi, type FieldErrors } from "../lib/form-problems";
import { staffApi, StaffApiError } from "../lib/staff-api";
import { useSessionEnded } from "../lib/staff-session";
import { todayInLondon } from "../lib/staff-format";
import { useLoad } from "../lib/use-load";

function fieldId(name: string): string {
  return `event-${name}`;
}

function RecordForm({
  reference,
  type,
  stage,
  lastStage,
  supersedes,
}: {
  reference: string;
  type: EventType;
  stage: number;
  lastStage: number;
  supersedes: string | undefined;
}) {
  const { t, i18n } = useTranslation("staff");
  const navigate = useNavigate();
  const sessionEnded = useSessionEnded();
  const fields = EVENT_FIELDS[type];
  const [values, setValues] = useState<Record<string, string>>(() => {
    const initial: Record<string, string> = { date: todayInLondon(), note: "" };
    for (const field of fields) initial[field.name] = field.kind === "stage" ? defaultStage(type, stage) : "";
    return initial;
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [notFound, setNotFound] = useState(false);
  const hasErrors = Object.keys(errors).length > 0;
  const title = supersedes ? t("record.correctTitle", { what: t(`events.types.${type}`) }) : t(`events.types.${type}`);
  useStaffTitle(title, hasErrors);
  const set = (name: string, value: string) => setValues((current) => ({ ...current, [name]: value }));
  const names = ["date", ...fields.map((field) => field.name), "note"];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await staffApi.recordEvent(reference, eventBody(type, { ...values, ...(supersedes ? { supersedes } : {}) }));
      void navigate(`/complaints/${reference}`, { state: { recorded: type } });
    } catch (error) {
      if (sessionEnded(error)) return;
      if (error instanceof StaffApiError && error.status === 404) setNotFound(true);
      else if (error instanceof StaffApiError && error.status === 403) {
        setErrors({ date: t(error.code === "csrf-missing" ? "problems.csrf" : "notAllowed.body") });
        setAttempt((n) => n + 1);
      } else if (error instanceof StaffApiError && error.status >= 400 && error.status < 500) {
        setErrors(errorsFromApi(error, names, "date", t, i18n, error.status === 409 ? "record.refused" : "problems.fieldGeneric"));
        setAttempt((n) => n + 1);
      } else {
        setErrors({ date: t("problems.server") });
        setAttempt((n) => n + 1);
      }
    } finally {
      setBusy(false);
    }
  };

  if (notFound) return <StaffNotFound />;

  const control = (field: EventField) => {
    const id = fieldId(field.name);
    const label = t(`events.fields.${field.name}.label`);
    const hint = i18n.exists(`staff:events.fields.${field.name}.hint`) ? t(`events.fields.${field.name}.hint`) : undefined;
    const error = errors[field.name];
    const shared = { id, label, hint, error, value: values[field.name] ?? "", onChange: (e: { target: { value: string } }) => set(field.name, e.target.value) };
    switch (field.kind) {
      case "date":
        return <TextInputField key={field.name} {...shared} type="date" width="medium" />;
      case "text":
        return <TextInputField key={field.name} {...shared} autoComplete="off" />;
      case "textarea":
        return <TextAreaField key={field.name} {...shared} label={field.optional ? `${label} ${t("optional")}` : label} rows={4} />;
      case "stage":
      case "choice": {
        const options = field.kind === "stage" ? Array.from({ length: lastStage }, (_, index) => String(index + 1)) : (field.options ?? []);
        return (
          <ChoicesField
            key={field.name}
            id={id}
            legend={label}
            hint={hint}
            error={error}
            type="radio"
            options={options.map((option) => ({
              value: option,
              label: field.kind === "stage" ? t("stageN", { stage: option }) : t(`events.fields.${field.name}.options.${option}`),
            }))}
            chosen={[values[field.name] ?? ""]}
            inputProps={(option) => ({ name: field.name, checked: values[field.name] === option, onChange: () => set(field.name, option) })}
          />
        );
      }
    }
  };

  return (
    <>
      <p className="body">
        <Link to={`/complaints/${reference}`} className="back-link">
          {t("record.back", { reference })}
        </Link>
      </p>
      <ErrorSummary errors={names.filter((name) => errors[name]).map((name) => ({ fieldId: fieldId(name), message: errors[name] ?? "" }))} attempt={attempt} />
      <h1 className="heading-l">
        <span className="staff-caption">{reference}</span> {title}
      </h1>
      {supersedes ? <p className="body">{t("record.correctIntro")}</p> : null}
      <form noValidate onSubmit={(event) => void submit(event)}>
        {control({ name: "date", kind: "date" })}
        {fields.map(control)}
        <TextAreaField
          id={fieldId("note")}
          label={`${t("events.fields.note.label")} ${t("optional")}`}
          hint={t("events.fields.note.hint")}
          rows={3}
          value={values.note ?? ""}
          error={errors.note}
          onChange={(event) => set("note", event.target.value)}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("record.save")}
        </button>
      </form>
    </>
  );
}

/** Record one event on a complaint (or a correction of an earlier one, which supersedes it). */
export function RecordEventPage() {
  const { reference = "", type } = useParams();
  const [params] = useSearchParams();
  const [record, retry] = useLoad(() => staffApi.complaint(reference), reference);
  if (!isEventType(type)) return <StaffNotFound />;
  if (record.status === "loading") return <LoadingMessage />;
  if (record.status === "not-found") return <StaffNotFound />;
  if (record.status === "not-allowed") return <NotAllowed />;
  if (record.status === "error") return <LoadFailed retry={retry} />;
  return (
    <RecordForm
      reference={record.data.reference}
      type={type}
      stage={record.data.progress.stage}
      lastStage={record.data.progress.lastStage}
      supersedes={params.get("supersedes") ?? undefined}
    />
  );
}
