import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { answerAtPath, answerText, typedLength } from "../../../domain/answers";
import type { CouncilSettings } from "../../../domain/council";
import { complaintFromDraft } from "../../../domain/complaint";
import type { DraftAnswers, DraftRecord } from "../../../domain/draft";
import { BackLink } from "../../components/back-link";
import { BeforeSend } from "./before-send";
import { formFromAnswers } from "./form-values";
import { ErrorSummary } from "../../components/error-summary";
import { useDocumentTitle } from "../../components/use-document-title";
import { sendNow } from "../../lib/outbox-sync";
import type { OutboxError } from "../../lib/db";
import { complaintLabel } from "../../lib/complaint-label";
import { isWaitingToSend, serverMayHold } from "../../lib/outbox-repository";
import { changeWaiting, outcomeOf, queueAndSend, type SendOutcome } from "../../lib/send-complaint";
import { useOutboxItem } from "../../lib/use-outbox";
import { CHECK_STEP, SECTIONS, previousStepId, stepApplies, stepPath, steps, type StepDefinition } from "./steps";

type SendState =
  | { kind: "idle" }
  | { kind: "sending" }
  | { kind: "queued"; id: string; keptEarlier?: boolean }
  /** `problems`: what the council's server said about each answer (its field errors). */
  | { kind: "rejected"; id: string; problems: FieldProblem[] }
  | { kind: "invalid" };

type FieldProblem = NonNullable<OutboxError["problems"]>[number];

/** The server's field errors on a refused complaint, from its outbox record. */
function problemsOf(outcome: SendOutcome): FieldProblem[] {
  return outcome.kind === "rejected" && outcome.record.lastError?.kind === "rejected" ? (outcome.record.lastError.problems ?? []) : [];
}

/** The step that asks the answer a complaint path points at (the answer table's `answerAtPath`). */
function stepForPath(path: readonly PropertyKey[] | string): StepDefinition | undefined {
  const answer = answerAtPath(path);
  return steps.find((s) => s.fields.some((f) => f.name === answer));
}

/** The length of the answer at a complaint path (the server's field names), for "You have typed {{count}}". */
function lengthAtComplaintPath(answers: DraftAnswers, field: string): number {
  const answer = answerAtPath(field);
  return answer ? typedLength(answers[answer]) : 0;
}

/** The length of the answer a problem points at, as the schema counts it, for "You have typed {{count}}". */
function lengthAt(answers: DraftAnswers, path: readonly PropertyKey[]): number {
  return typedLength(answers[String(path[0]) as keyof DraftAnswers]);
}

/** GOV.UK check answers: each answer with a Change link, then Send. */
export function CheckAnswersPage({ draft, council }: { draft: DraftRecord; council: CouncilSettings }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [sendState, setSendState] = useState<SendState>({ kind: "idle" });
  const [attempts, setAttempts] = useState(0);
  const answers = draft.answers;
  const built = complaintFromDraft(draft, new Date().toISOString());
  // Each page's own rules first (a question skipped on the way), then the complaint schema's.
  const stepProblems = steps
    .filter((step) => !step.info && stepApplies(step, answers))
    .flatMap((step) => {
      const result = step.schema.safeParse(formFromAnswers(step, answers));
      return result.success
        ? []
        : result.error.issues.map((issue) => ({ fieldId: `change-${step.id}`, message: t(issue.message, { count: lengthAt(answers, issue.path) }) }));
    });
  const schemaProblems = built.success
    ? []
    : built.error.issues.map((issue) => ({
        fieldId: `change-${stepForPath(issue.path)?.id ?? steps[0]?.id ?? ""}`,
        message: t(issue.message, { count: 0 }),
      }));
  // This draft's complaint in the outbox (its id is the draft's), live: when it is sent later (back
  // online, another tab, the service worker), show the confirmation; while it waits, say so, after
  // a reload too, and never offer Send again (bug 4).
  const item = useOutboxItem(draft.id);
  const queuedId = draft.id;
  const waitingRecord = item?.status === "waiting" && isWaitingToSend(item.record) ? item.record : undefined;
  const waiting = waitingRecord !== undefined && sendState.kind !== "sending";
  // The person chose to change a complaint that is still sent as it was (its draft is kept).
  const changingAnyway = waitingRecord?.laterChanges === true;
  const [changeProblem, setChangeProblem] = useState(false);
  // What the council's server said about each answer when it refused the complaint (a 400's fields).
  const serverProblems = (sendState.kind === "rejected" ? sendState.problems : []).map(({ field, key }) => ({
    fieldId: `change-${stepForPath(field)?.id ?? steps[0]?.id ?? ""}`,
    // A key this version has no words for (a newer server) still points at the answer.
    message: t(i18n.exists(key) ? key : "validation:invalid", { count: lengthAtComplaintPath(answers, field) }),
  }));
  const problems = [...stepProblems, ...schemaProblems, ...serverProblems].filter(
    (problem, index, all) => all.findIndex((p) => p.fieldId === problem.fieldId && p.message === problem.message) === index,
  );
  const showProblems = sendState.kind === "invalid" || sendState.kind === "rejected";
  const title = waiting ? t("check:waiting.title") : t("check:title");
  useDocumentTitle(title, showProblems && problems.length > 0);

  const send = async () => {
    const complaint = complaintFromDraft(draft, new Date().toISOString());
    if (!complaint.success || stepProblems.length > 0) {
      setAttempts((n) => n + 1);
      setSendState({ kind: "invalid" });
      return;
    }
    setSendState({ kind: "sending" });
    try {
      // The language it was written in, so the council can offer an interpreter (issue 14).
      const outcome = await queueAndSend(
        draft.id,
        { ...complaint.data, language: i18n.language },
        council.submission.endpoint,
        complaintLabel(draft.label, complaint.data, t),
      );
      if (outcome.kind === "sent") {
        navigate(`/complaint/sent/${outcome.sent.reference}`, { replace: true });
        return;
      }
      if (outcome.kind === "queued") setSendState({ kind: "queued", id: complaint.data.id, keptEarlier: outcome.keptEarlier });
      else {
        setAttempts((n) => n + 1);
        setSendState({ kind: "rejected", id: complaint.data.id, problems: problemsOf(outcome) });
      }
    } catch {
      // The outbox could not be written (storage trouble is shown at the top of the page): nothing was queued.
      setSendState({ kind: "idle" });
    }
  };

  useEffect(() => {
    if (item?.status === "sent") navigate(`/complaint/sent/${item.sent.reference}`, { replace: true });
  }, [item, navigate]);

  /** The deliberate step to change a waiting complaint: take it back, or change it anyway (its draft is then kept). */
  const change = async () => {
    if (!waitingRecord) return;
    setChangeProblem(false);
    const changed = await changeWaiting(waitingRecord).catch(() => false);
    if (!changed) setChangeProblem(true);
    else setSendState({ kind: "idle" });
  };

  const tryAgain = async () => {
    setSendState({ kind: "sending" });
    await sendNow([queuedId]);
    const record = await outcomeOf(queuedId).catch(() => undefined);
    if (record?.kind === "sent") navigate(`/complaint/sent/${record.sent.reference}`, { replace: true });
    else if (record?.kind === "rejected") {
      setAttempts((n) => n + 1);
      setSendState({ kind: "rejected", id: queuedId, problems: problemsOf(record) });
    } else setSendState({ kind: "queued", id: queuedId });
  };

  const rows = steps
    .filter((step) => !step.info && stepApplies(step, answers))
    .flatMap((step) =>
      step.fields
        .filter((field) => !field.conditional || answers[field.name] !== undefined)
        .map((field) => ({
          step,
          field,
          question: t(`${field.textKey}.label`, { context: step.context?.(answers) }),
          value: answerText(field.name, answers, t, step.context?.(answers)),
        })),
    );
  const previous = previousStepId(CHECK_STEP, answers);

  return (
    <>
      {previous ? <BackLink to={stepPath(previous)} /> : null}
      {showProblems && problems.length > 0 ? <ErrorSummary errors={problems} attempt={attempts} /> : null}
      <h1 className="heading-l">{title}</h1>
      {waiting ? (
        <div className="notice" role="status">
          <p className="body">{t("check:queued.body")}</p>
          {sendState.kind === "queued" && sendState.keptEarlier ? <p className="body">{t("check:queued.keptEarlier")}</p> : null}
          {changingAnyway ? <p className="body">{t("check:waiting.changingAnyway")}</p> : null}
          <p className="body">
            <Link to="/complaints">{t("check:queued.seeOutbox")}</Link>
          </p>
        </div>
      ) : null}
      {SECTIONS.map((section) => {
        const sectionRows = rows.filter((row) => row.step.section === section);
        if (sectionRows.length === 0) return null;
        return (
          <section key={section} aria-labelledby={`section-${section}`}>
            <h2 className="heading-m" id={`section-${section}`}>
              {t(`check:sections.${section}`)}
            </h2>
            <dl className="summary-list">
              {sectionRows.map(({ step, field, question, value }) => (
                <div className="summary-list__row" key={field.name}>
                  <dt className="summary-list__key">{question}</dt>
                  <dd className="summary-list__value">
                    {value !== undefined ? (
                      <span className="preserve-lines" dir="auto">
                        {value}
                      </span>
                    ) : (
                      <span className="muted">{t("check:notAnswered")}</span>
                    )}
                  </dd>
                  <dd className="summary-list__actions">
                    {waiting && !changingAnyway ? null : (
                      <Link
                        id={rows.find((r) => r.step.id === step.id)?.field === field ? `change-${step.id}` : undefined}
                        to={`${stepPath(step.id)}?return=${CHECK_STEP}`}
                      >
                        {t("check:change")}
                        <span className="visually-hidden">{` ${question}`}</span>
                      </Link>
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}

      {waiting && waitingRecord ? (
        <>
          <button type="button" className="button" onClick={() => void tryAgain()}>
            {t("check:queued.retry")}
          </button>
          {changingAnyway ? null : (
            <section aria-labelledby="change-waiting-heading">
              <h2 className="heading-m" id="change-waiting-heading">
                {t("check:waiting.changeHeading")}
              </h2>
              {serverMayHold(waitingRecord) ? (
                <>
                  <p className="body">{t("check:waiting.mayHaveIt")}</p>
                  <p className="body">{t("check:waiting.keptAsDraft")}</p>
                </>
              ) : (
                <p className="body">{t("check:waiting.takeBack")}</p>
              )}
              {changeProblem ? (
                <p className="body error-message" role="alert">
                  {t("check:waiting.changeFailed")}
                </p>
              ) : null}
              <button type="button" className="button button--secondary" onClick={() => void change()}>
                {serverMayHold(waitingRecord) ? t("check:waiting.changeAnyway") : t("check:waiting.change")}
              </button>
            </section>
          )}
        </>
      ) : (
        <>
          <h2 className="heading-m">{t("check:sendHeading")}</h2>
          <p className="body">{t("check:sendBody", { council: council.name })}</p>
          <BeforeSend council={council} />

          {sendState.kind === "rejected" ? (
            <div className="notice notice--error" role="alert">
              <h2 className="heading-s">{t("check:rejected.heading")}</h2>
              <p className="body">{t("check:rejected.body")}</p>
            </div>
          ) : null}

          {/* Shown once the outbox has been read, so Send is never offered for a complaint already waiting. */}
          {item === undefined ? null : (
            <button type="button" className="button" disabled={sendState.kind === "sending"} onClick={() => void send()}>
              {sendState.kind === "sending" ? t("check:sending") : t("check:send")}
            </button>
          )}
        </>
      )}
    </>
  );
}
