import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { CouncilSettings } from "../../../domain/council";
import { complaintFromDraft, type DraftRecord } from "../../../domain/draft";
import { BackLink } from "../../components/back-link";
import { ErrorSummary } from "../../components/error-summary";
import { useDocumentTitle } from "../../components/use-document-title";
import { queueAndSend, type SendOutcome } from "../../lib/send-complaint";
import { CHECK_STEP, stepPath, steps } from "./steps";

type SendState = { kind: "idle" } | { kind: "sending" } | Exclude<SendOutcome, { kind: "sent" }> | { kind: "invalid" };

/** GOV.UK check answers: each answer with a Change link, then Send. */
export function CheckAnswersPage({ draft, council }: { draft: DraftRecord; council: CouncilSettings }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [sendState, setSendState] = useState<SendState>({ kind: "idle" });
  const built = complaintFromDraft(draft, new Date().toISOString());
  const problems = built.success
    ? []
    : built.error.issues.map((issue) => {
        const step = steps.find((s) => s.fields.some((f) => f.name === issue.path[0])) ?? steps[0];
        return { fieldId: `change-${step?.id ?? ""}`, message: t(issue.message) };
      });
  const showProblems = sendState.kind === "invalid" || sendState.kind === "rejected";
  useDocumentTitle(t("check:title"), showProblems);

  const send = async () => {
    const complaint = complaintFromDraft(draft, new Date().toISOString());
    if (!complaint.success) {
      setSendState({ kind: "invalid" });
      return;
    }
    setSendState({ kind: "sending" });
    try {
      const outcome = await queueAndSend(draft.id, complaint.data, council.submission.endpoint);
      if (outcome.kind === "sent") {
        navigate(`/complaint/sent/${outcome.sent.reference}`, { replace: true });
        return;
      }
      setSendState(outcome);
    } catch {
      setSendState({ kind: "queued", result: { kind: "network" } });
    }
  };

  return (
    <>
      <BackLink to={stepPath(steps[steps.length - 1]?.id ?? CHECK_STEP)} />
      {showProblems ? <ErrorSummary errors={problems} /> : null}
      <h1 className="heading-l">{t("check:title")}</h1>
      <h2 className="heading-m">{t("check:heading")}</h2>
      <dl className="summary-list">
        {steps.map((step) =>
          step.fields.map((field) => {
            const value = draft.answers[field.name];
            const question = t(`${field.textKey}.label`);
            return (
              <div className="summary-list__row" key={field.name}>
                <dt className="summary-list__key">{question}</dt>
                <dd className="summary-list__value">
                  {typeof value === "string" && value.trim() !== "" ? (
                    <span className="preserve-lines">{value}</span>
                  ) : (
                    <span className="muted">{t("check:notAnswered")}</span>
                  )}
                </dd>
                <dd className="summary-list__actions">
                  <Link id={`change-${step.id}`} to={`${stepPath(step.id)}?return=${CHECK_STEP}`}>
                    {t("check:change")}
                    <span className="visually-hidden">{` ${question}`}</span>
                  </Link>
                </dd>
              </div>
            );
          }),
        )}
      </dl>

      <h2 className="heading-m">{t("check:sendHeading")}</h2>
      <p className="body">{t("check:sendBody", { council: council.name })}</p>

      {sendState.kind === "queued" ? (
        <div className="notice" role="status">
          <h2 className="heading-s">{t("check:queued.heading")}</h2>
          <p className="body">{t("check:queued.body")}</p>
        </div>
      ) : null}
      {sendState.kind === "rejected" ? (
        <div className="notice notice--error" role="alert">
          <h2 className="heading-s">{t("check:rejected.heading")}</h2>
          <p className="body">{t("check:rejected.body")}</p>
        </div>
      ) : null}

      <button type="button" className="button" disabled={sendState.kind === "sending"} aria-disabled={sendState.kind === "sending"} onClick={() => void send()}>
        {sendState.kind === "sending" ? t("check:sending") : sendState.kind === "queued" ? t("check:queued.retry") : t("check:send")}
      </button>
    </>
  );
}
