import "../../../domain/zod-config";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import * as z from "zod";
import { complaintSchema } from "../../../domain/complaint";
import { sentSummaryOf } from "../../../domain/sent-summary";
import { ErrorSummary, type ErrorItem } from "../../components/error-summary";
import { TextInputField } from "../../components/form-fields";
import { useDocumentTitle } from "../../components/use-document-title";
import { postComplaintCheck, type CheckAnswer, type CheckResult } from "../../lib/api-client";
import { DEFAULT_ENDPOINT, type SentRecord } from "../../lib/db";
import { todayIso } from "../../../domain/calendar";
import { outboxRepository } from "../../lib/outbox-repository";
import { ChangeAccessCode } from "./change-access-code";
import { complaintPath } from "./complaints-page";
import { tryAgainWords } from "./try-again";

const repository = outboxRepository();
export const CHECK_PATH = "/check";

const checkFormSchema = z.object({
  reference: z.string().trim().min(1, { error: "complaints:check.errors.referenceRequired" }),
  accessCode: z.string().trim().min(1, { error: "complaints:check.errors.accessCodeRequired" }),
});
type CheckForm = z.infer<typeof checkFormSchema>;

/** The route-finding answers the server gave (decision 008), parsed with the complaint's own field schemas. */
const summarySchema = z.object({
  id: complaintSchema.shape.id,
  councilId: complaintSchema.shape.councilId,
  schemaVersion: complaintSchema.shape.schemaVersion,
  role: complaintSchema.shape.role,
  eligibility: complaintSchema.shape.eligibility,
  wantsAdvocate: complaintSchema.shape.wantsAdvocate,
  createdAt: complaintSchema.shape.createdAt,
  submittedAt: complaintSchema.shape.submittedAt,
});

function followedRecord(answer: CheckAnswer): Omit<SentRecord, "schemaVersion"> | undefined {
  const summary = summarySchema.safeParse(answer.summary);
  if (!summary.success) return undefined;
  return {
    id: answer.id,
    reference: answer.reference,
    councilId: answer.councilId,
    receivedAt: answer.receivedAt,
    receivedOn: todayIso(new Date(answer.receivedAt)),
    payload: sentSummaryOf(summary.data),
    statusToken: answer.statusToken,
    endpoint: DEFAULT_ENDPOINT,
    followed: true,
  };
}

/**
 * /check — Check a complaint: the reference and the access code give this device the complaint's
 * status (a fresh status token; the device that had it before stops seeing it). A wrong code and an
 * unknown reference get the same answer; too many tries say when to try again (decision 015).
 */
export function CheckPage() {
  const { t, i18n } = useTranslation("complaints");
  const [problem, setProblem] = useState<Exclude<CheckResult, { kind: "found" }> | undefined>(undefined);
  const [followed, setFollowed] = useState<SentRecord | undefined>(undefined);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitted, isSubmitting, submitCount },
  } = useForm<CheckForm>({ resolver: zodResolver(checkFormSchema), defaultValues: { reference: "", accessCode: "" }, shouldFocusError: false });

  const title = followed ? t("check.found.title") : t("check.title");
  const fieldErrors: ErrorItem[] = [
    ...(errors.reference?.message ? [{ fieldId: "check-reference", message: t(errors.reference.message) }] : []),
    ...(errors.accessCode?.message ? [{ fieldId: "check-access-code", message: t(errors.accessCode.message) }] : []),
  ];
  const problemText = problem ? tryAgainWords(t, problem, i18n.language) : undefined;
  const errorItems: ErrorItem[] = fieldErrors.length > 0 ? fieldErrors : problemText ? [{ fieldId: "check-reference", message: problemText }] : [];
  useDocumentTitle(title, errorItems.length > 0);

  const onValid = async ({ reference, accessCode }: CheckForm) => {
    setProblem(undefined);
    const result = await postComplaintCheck(reference, accessCode);
    if (result.kind !== "found") {
      setProblem(result);
      return;
    }
    const record = followedRecord(result.answer);
    if (!record) {
      setProblem({ kind: "server", status: 200 });
      return;
    }
    try {
      setFollowed(await repository.follow(record));
    } catch {
      setProblem({ kind: "server", status: 0 });
    }
  };

  if (followed) {
    return (
      <>
        <div className="panel">
          <h1 className="panel__title">{title}</h1>
          <div className="panel__body">
            {t("check.found.reference")}
            <br />
            <strong className="reference" data-testid="reference">
              {followed.reference}
            </strong>
          </div>
        </div>
        <p className="body">{t("check.found.body")}</p>
        <p className="body">
          <Link to={complaintPath(followed.reference)} className="button">
            {t("check.found.see")}
          </Link>
        </p>
        <ChangeAccessCode sent={followed} />
      </>
    );
  }

  return (
    <>
      {isSubmitted ? <ErrorSummary errors={errorItems} attempt={submitCount} /> : null}
      <h1 className="heading-l">{title}</h1>
      <p className="body">{t("check.intro")}</p>
      <form noValidate onSubmit={(event) => void handleSubmit(onValid)(event)}>
        <TextInputField
          id="check-reference"
          label={t("check.reference.label")}
          hint={t("check.reference.hint")}
          error={fieldErrors.find((e) => e.fieldId === "check-reference")?.message ?? problemText}
          width="medium"
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          {...register("reference")}
        />
        <TextInputField
          id="check-access-code"
          label={t("check.accessCode.label")}
          hint={t("check.accessCode.hint")}
          error={fieldErrors.find((e) => e.fieldId === "check-access-code")?.message}
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          {...register("accessCode")}
        />
        <button type="submit" className="button" disabled={isSubmitting}>
          {t("check.submit")}
        </button>
      </form>
      <p className="body">{t("check.lost")}</p>
    </>
  );
}
