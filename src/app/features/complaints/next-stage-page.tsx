import "../../../domain/zod-config";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import * as z from "zod";
import { isIsoDate, todayIso } from "../../../domain/calendar";
import { visibleLength } from "../../../domain/complaint";
import type { CouncilSettings } from "../../../domain/council";
import { ESCALATION_SCHEMA_VERSION, escalationSchema, replyDateProblem } from "../../../domain/progress";
import { BackLink } from "../../components/back-link";
import { ErrorSummary, type ErrorItem } from "../../components/error-summary";
import { TextAreaField, TextInputField } from "../../components/form-fields";
import { useDocumentTitle } from "../../components/use-document-title";
import type { OutboxEscalation, SentRecord } from "../../lib/db";
import { formatLongDate } from "../../lib/format-date";
import { outboxRepository } from "../../lib/outbox-repository";
import { requestSend } from "../../lib/outbox-sync";
import { complaintPath } from "./complaints-page";
import { progressOf } from "./progress-view";

const outbox = outboxRepository();

const emptyAsUndefined = (v: string) => (v.trim() === "" ? undefined : v);

/**
 * The form: the request schema's own rules for each answer (an empty box is "not given"). The next
 * stage is for after the council's reply: when the council has not recorded one, the person says
 * when it came.
 */
const formSchema = z.object({
  why: escalationSchema.shape.why,
  wantNow: z.string().transform(emptyAsUndefined).pipe(escalationSchema.shape.wantNow),
  replyReceivedOn: z.string().transform(emptyAsUndefined).pipe(escalationSchema.shape.replyReceivedOn),
});
const formSchemaAskingReply = formSchema.extend({
  replyReceivedOn: z.string().transform(emptyAsUndefined).pipe(escalationSchema.shape.replyReceivedOn.unwrap()),
});
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;
const FIELDS = ["why", "wantNow", "replyReceivedOn"] as const;

/**
 * /complaints/:reference/next-stage — "I'm not happy with the reply": why, what you want now and,
 * unless the council has recorded its reply, when the reply came. If the request window has passed it says so, and still lets
 * the person send: the council decides (docs/domain.md, "Decisions": warn, never block). The request goes through
 * the outbox like a complaint, so it is sent once, later if offline.
 */
export function NextStagePage({ sent, council, request }: { sent: SentRecord; council: CouncilSettings; request: OutboxEscalation | undefined }) {
  const { t, i18n } = useTranslation("complaints");
  const navigate = useNavigate();
  // One id per visit to this page: pressing Send twice sends one request.
  const [id] = useState(() => crypto.randomUUID());
  const [saveFailed, setSaveFailed] = useState(false);
  const today = todayIso(new Date());
  const progress = progressOf(sent, council, today);
  const toStage = progress.next;
  // The council's own record of its reply, when staff have entered it: the window counts from that.
  const recordedReply = progress.reply?.recorded ? progress.reply.on : undefined;

  const {
    register,
    handleSubmit,
    control,
    setError,
    formState: { errors, isSubmitted, isSubmitting, submitCount },
  } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(recordedReply ? formSchema : formSchemaAskingReply),
    defaultValues: { why: "", wantNow: "", replyReceivedOn: "" },
    shouldFocusError: false,
  });
  const why = useWatch({ control, name: "why" }) ?? "";
  const wantNow = useWatch({ control, name: "wantNow" }) ?? "";
  const replyOn = useWatch({ control, name: "replyReceivedOn" }) ?? "";
  const lengthOf: Record<(typeof FIELDS)[number], number> = { why: visibleLength(why.trim()), wantNow: visibleLength(wantNow.trim()), replyReceivedOn: 0 };
  const errorItems: ErrorItem[] = FIELDS.flatMap((name) => {
    const message = errors[name]?.message;
    return message ? [{ fieldId: `field-${name}`, message: t(message, { count: lengthOf[name] }) }] : [];
  });
  const errorFor = (name: (typeof FIELDS)[number]) => errorItems.find((e) => e.fieldId === `field-${name}`)?.message;
  const title =
    toStage === undefined ? t("detail.lastStage") : progress.procedure.kind === "local" ? t("nextStage.titleLocal") : t("nextStage.title", { stage: toStage });
  useDocumentTitle(title, errorItems.length > 0);

  // The request window, from the day the reply came (only when the date is given and makes sense).
  const validReply = isIsoDate(replyOn) && replyDateProblem(replyOn, { receivedOn: sent.receivedOn, today }) === undefined;
  const deadline = recordedReply
    ? progress.current?.escalation?.deadline
    : validReply
      ? progressOf(sent, council, today, [responseEvent(progress.procedure.kind, progress.stage, replyOn)]).current?.escalation?.deadline
      : undefined;

  if (toStage === undefined) {
    return (
      <>
        <BackLink to={complaintPath(sent.reference)} />
        <h1 className="heading-l">{title}</h1>
        <p className="body">{t("nextStage.lastStage")}</p>
      </>
    );
  }
  // A request still waiting (not refused) from an earlier visit: one at a time.
  const already = request && request.state !== "failed" ? request : undefined;
  if (already && already.id !== id) {
    return (
      <>
        <BackLink to={complaintPath(sent.reference)} />
        <h1 className="heading-l">{title}</h1>
        <p className="body">{t("nextStage.alreadyWaiting", { stage: already.payload.toStage })}</p>
        <p className="body">
          <Link to={complaintPath(sent.reference)}>{t("nextStage.cancel")}</Link>
        </p>
      </>
    );
  }

  const onValid = async (values: FormOutput) => {
    if (values.replyReceivedOn) {
      const problem = replyDateProblem(values.replyReceivedOn, { receivedOn: sent.receivedOn, today: todayIso(new Date()) });
      if (problem) {
        setError("replyReceivedOn", { message: problem });
        return;
      }
    }
    setSaveFailed(false);
    try {
      await outbox.queueEscalation(sent, {
        id,
        schemaVersion: ESCALATION_SCHEMA_VERSION,
        toStage,
        why: values.why,
        ...(values.wantNow ? { wantNow: values.wantNow } : {}),
        ...(values.replyReceivedOn ? { replyReceivedOn: values.replyReceivedOn } : {}),
        submittedAt: new Date().toISOString(),
      });
    } catch {
      setSaveFailed(true);
      return;
    }
    // Sending happens by itself (now if online, later if not); the complaint page shows which.
    void requestSend();
    navigate(complaintPath(sent.reference));
  };

  return (
    <>
      <BackLink to={complaintPath(sent.reference)} />
      {isSubmitted ? <ErrorSummary errors={errorItems} attempt={submitCount} /> : null}
      <h1 className="heading-l">{title}</h1>
      <p className="body">
        {t("nextStage.intro", {
          reference: sent.reference,
          // Only children and care leavers have the right to a free advocate (s26A): nobody else is told they can have one (issue 15).
          context: sent.payload.role === undefined || sent.payload.role === "young-person" || sent.payload.role === "care-leaver" ? undefined : "adult",
        })}
      </p>
      {saveFailed ? (
        <p className="error-message" role="alert">
          {t("nextStage.saveFailed")}
        </p>
      ) : null}
      <form noValidate onSubmit={(event) => void handleSubmit(onValid)(event)}>
        <TextAreaField id="field-why" label={t("nextStage.why.label")} hint={t("nextStage.why.hint")} error={errorFor("why")} {...register("why")} />
        <TextAreaField id="field-wantNow" label={t("nextStage.wantNow.label")} error={errorFor("wantNow")} {...register("wantNow")} />
        {recordedReply ? (
          <p className="body">{t("nextStage.repliedOn", { date: formatLongDate(recordedReply, i18n.language) })}</p>
        ) : (
          <TextInputField
            id="field-replyReceivedOn"
            label={t("nextStage.replyReceivedOn.label")}
            hint={t("nextStage.replyReceivedOn.hint")}
            error={errorFor("replyReceivedOn")}
            type="date"
            max={today}
            width="medium"
            {...register("replyReceivedOn")}
          />
        )}
        <div role="status">
          {deadline ? (
            <p className={today > deadline ? "warning-text" : "body"} data-testid="window">
              {today > deadline
                ? t("nextStage.late", { date: formatLongDate(deadline, i18n.language) })
                : t("nextStage.onTime", { date: formatLongDate(deadline, i18n.language) })}
            </p>
          ) : null}
        </div>
        <div className="button-group">
          <button type="submit" className="button" disabled={isSubmitting}>
            {isSubmitting ? t("nextStage.sending") : t("nextStage.send")}
          </button>
          <Link to={complaintPath(sent.reference)} className="button-group__link">
            {t("nextStage.cancel")}
          </Link>
        </div>
      </form>
    </>
  );
}

/** The reply to the current stage as a timeline event, to find the date to ask for the next one by. */
function responseEvent(kind: "statutory" | "local", stage: number, date: string) {
  if (kind === "local") return { type: "local-stage-response" as const, date, stage };
  return { type: stage === 1 ? ("stage1-response" as const) : stage === 2 ? ("stage2-response" as const) : ("final-response" as const), date };
}
