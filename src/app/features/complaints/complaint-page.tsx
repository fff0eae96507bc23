import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { todayIso } from "../../../domain/calendar";
import { OMBUDSMAN_PHONE, ombudsmanStep } from "../../../domain/ombudsman";
import type { CouncilSettings } from "../../../domain/council";
import { AccessCode } from "../../components/access-code";
import { BackLink } from "../../components/back-link";
import { PhoneLink } from "../../components/phone-link";
import { useDocumentTitle } from "../../components/use-document-title";
import { refreshStatus, type RefreshOutcome } from "../../lib/complaint-status";
import type { OutboxEscalation, SentRecord } from "../../lib/db";
import { formatDateTime, formatLongDate } from "../../lib/format-date";
import { ChangeAccessCode } from "./change-access-code";
import { COMPLAINTS_PATH, stageName, useOnline } from "./complaints-page";
import { copyPath } from "./copy-page";
import { OmbudsmanSection } from "./ombudsman-section";
import { progressOf } from "./progress-view";

export const nextStagePath = (reference: string) => `${COMPLAINTS_PATH}/${encodeURIComponent(reference)}/next-stage`;

export function ComplaintNotFound() {
  const { t } = useTranslation("complaints");
  useDocumentTitle(t("detail.notFound.title"));
  return (
    <>
      <BackLink to={COMPLAINTS_PATH} />
      <h1 className="heading-l">{t("detail.notFound.title")}</h1>
      <p className="body">{t("detail.notFound.body")}</p>
    </>
  );
}

/**
 * /complaints/:reference — where a sent complaint is: its stage, the dates from the council's
 * timescales, late shown plainly with what to do, and "I'm not happy with the reply". The status
 * is checked with the server when the page opens (and on "Check now"); offline it shows the last
 * known status and when it was checked.
 */
export function ComplaintPage({ sent, council, request }: { sent: SentRecord; council: CouncilSettings; request: OutboxEscalation | undefined }) {
  const { t, i18n } = useTranslation("complaints");
  const online = useOnline();
  const [check, setCheck] = useState<"checking" | RefreshOutcome | undefined>(undefined);
  const title = t("detail.title", { reference: sent.reference });
  useDocumentTitle(title);

  const runCheck = async () => {
    setCheck("checking");
    setCheck(await refreshStatus(sent).catch((): RefreshOutcome => "failed"));
  };
  useEffect(() => {
    if (!sent.statusToken) return;
    let cancelled = false;
    void refreshStatus(sent)
      .catch((): RefreshOutcome => "failed")
      .then((outcome) => !cancelled && setCheck(outcome));
    return () => {
      cancelled = true;
    };
    // Once per complaint when the page opens; "Check now" asks again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sent.id]);

  const today = todayIso(new Date());
  const progress = progressOf(sent, council, today);
  const current = progress.current;
  const date = (iso: string) => formatLongDate(iso, i18n.language);
  const overdue = current?.status === "overdue";
  // Stage 3 has steps (the panel meets, reports, the council answers): say which one is late.
  const lateStep = current?.milestones.find(
    (m) => m.late && !m.done && m.due && (m.kind === "panelMeeting" || m.kind === "panelReport" || m.kind === "finalResponse"),
  );
  const responded = current?.respondedOn !== undefined;
  const requestWindow = progress.next === 3 ? council.timescales.stage3RequestWindow : council.timescales.stage2RequestWindow;
  const checked = sent.status ? formatDateTime(sent.status.checkedAt, i18n.language) : undefined;
  // After the last stage, or when the council has gone silent long after its dates (issue 15).
  const ombudsman = ombudsmanStep(progress.timeline, current, progress.lastStage, today, council.timescales.ombudsmanMonths);

  return (
    <>
      <BackLink to={COMPLAINTS_PATH} />
      <h1 className="heading-l">{title}</h1>
      {sent.label ? (
        <p className="body" data-testid="complaint-label">
          {t("detail.label", { label: sent.label })}
        </p>
      ) : null}
      <p className="body">{t("detail.summary", { council: council.name, date: date(sent.receivedOn) })}</p>

      <div className="inset" role="status" aria-live="polite">
        {check === "checking" ? <p className="body">{t("detail.checking")}</p> : null}
        {!sent.statusToken ? <p className="body">{t("detail.cannotCheck")}</p> : null}
        {sent.statusToken && check !== "checking" && (check === "offline" || !online) ? <p className="body">{t("detail.offline")}</p> : null}
        {sent.statusToken && check === "failed" && online ? <p className="body">{t("detail.checkFailed")}</p> : null}
        {/* Check a complaint on another device gave it a new token, so this one no longer works (decision 015). */}
        {sent.statusToken && sent.statusProblem?.kind === "not-found" ? (
          <p className="body" data-testid="followed-elsewhere">
            {t("detail.followedElsewhere")} <Link to="/check">{t("check.title")}</Link>
          </p>
        ) : null}
        {sent.statusToken ? <p className="body">{checked ? t("detail.lastChecked", checked) : t("detail.neverChecked")}</p> : null}
        {sent.statusToken ? (
          <button type="button" className="button button--secondary" disabled={check === "checking"} onClick={() => void runCheck()}>
            {t("detail.checkNow")}
          </button>
        ) : null}
      </div>

      <h2 className="heading-m">{t("detail.whereNow")}</h2>
      <p className="body" data-testid="stage">
        {t("sent.stage", { stage: progress.stage, name: stageName(t, progress.procedure.kind, progress.stage) })}
      </p>
      {current && !progress.ended ? <p className="body">{t(current.reason)}</p> : null}
      {progress.ended ? (
        <p className="body" data-testid="ended">
          {t(`detail.ended.${progress.ended.how}`, { date: date(progress.ended.on) })}
        </p>
      ) : null}
      {progress.reply ? (
        <>
          <p className="body" data-testid="replied">
            {progress.reply.recorded ? t("detail.replied", { date: date(progress.reply.on) }) : t("detail.repliedYouSaid", { date: date(progress.reply.on) })}
          </p>
          {progress.reply.outcome ? <p className="body">{t(`detail.outcome.${progress.reply.outcome}`)}</p> : null}
        </>
      ) : null}
      {progress.moreTime && !progress.ended ? (
        <p className="body" data-testid="more-time">
          {t("detail.moreTime", { date: date(progress.moreTime.until) })}
        </p>
      ) : null}

      {overdue && current?.latest && !progress.ended ? (
        <div className="notice notice--error">
          <h3 className="heading-s">{t("detail.overdueHeading")}</h3>
          <p className="body">
            {lateStep?.due
              ? t("detail.overdueStep", { what: t(lateStep.key), date: date(lateStep.due) })
              : t("detail.overdueBody", { date: date(current.extension ? current.latest : (current.target ?? current.latest)) })}
          </p>
          <p className="body">{t("detail.whatToDo")}</p>
          <ul className="list">
            {current.actions.map((action) => (
              <li key={action}>{t(action)}</li>
            ))}
          </ul>
          {council.contact.phone ? (
            <p className="body">
              {t("detail.callCouncil", { council: council.name })} <PhoneLink number={council.contact.phone} />
            </p>
          ) : null}
          {/* Once the complaint has stalled, the Ombudsman step below says all of this and more. */}
          {ombudsman ? null : (
            <>
              <p className="body">{t("detail.overdueOmbudsman")}</p>
              <p className="body">
                {t("detail.callOmbudsman")} <PhoneLink number={OMBUDSMAN_PHONE} />
              </p>
            </>
          )}
          {progress.next !== undefined && sent.statusToken && !request ? (
            <p className="body">
              <Link to={nextStagePath(sent.reference)}>{t("detail.hadReply")}</Link>
            </p>
          ) : null}
        </div>
      ) : null}

      {current && !responded && !overdue && current.target && !progress.ended && !progress.moreTime ? (
        <>
          <p className="body" data-testid="reply-by">
            {t("detail.replyBy", { date: date(current.target) })}
          </p>
          {current.latest && current.latest !== current.target ? <p className="body">{t("detail.latestBy", { date: date(current.latest) })}</p> : null}
          {current.estimated ? <p className="body">{t("detail.estimated")}</p> : null}
        </>
      ) : null}

      {progress.ended ? null : progress.next !== undefined ? (
        <p className="body" data-testid="ask-by">
          {current?.escalation
            ? t("detail.askBy", { stage: progress.next, date: date(current.escalation.deadline) })
            : progress.procedure.kind === "local"
              ? t("detail.askLocal")
              : t(requestWindow.unit === "calendar-days" ? "detail.askWithin_calendar" : "detail.askWithin", {
                  stage: progress.next,
                  count: requestWindow.value,
                })}
        </p>
      ) : (
        <p className="body">{t("detail.lastStage")}</p>
      )}
      {progress.timeline.ombudsman ? <p className="body">{t("detail.ombudsmanBy", { date: date(progress.timeline.ombudsman.by) })}</p> : null}

      {request?.state === "failed" ? (
        <div className="notice notice--error" role="status">
          <p className="body">{t("detail.requestRefused", { stage: request.payload.toStage })}</p>
          <p className="body">
            <Link to={COMPLAINTS_PATH}>{t("detail.seeWhy")}</Link>
          </p>
        </div>
      ) : request ? (
        <div className="notice" role="status">
          <p className="body">{t("detail.requestWaiting", { stage: request.payload.toStage })}</p>
          <p className="body">
            <Link to={COMPLAINTS_PATH}>{t("detail.seeWaiting")}</Link>
          </p>
        </div>
      ) : progress.next !== undefined && !sent.statusToken ? (
        <>
          <p className="body">{t("detail.askByPhone", { stage: progress.next, council: council.name })}</p>
          {council.contact.phone ? (
            <p className="body">
              {t("detail.callCouncil", { council: council.name })} <PhoneLink number={council.contact.phone} />
            </p>
          ) : null}
        </>
      ) : progress.next !== undefined && !progress.ended && responded ? (
        <p className="body">
          <Link to={nextStagePath(sent.reference)} className="button">
            {t("detail.notHappy")}
          </Link>
        </p>
      ) : progress.next !== undefined && !progress.ended && !overdue ? (
        // No reply known yet: the next stage is for after the reply, so the person says when it came.
        <p className="body">
          <Link to={nextStagePath(sent.reference)}>{t("detail.hadReply")}</Link>
        </p>
      ) : null}

      {ombudsman ? <OmbudsmanSection step={ombudsman} months={council.timescales.ombudsmanMonths} /> : null}

      <p className="body">
        <Link to="/what-happens">{t("detail.allSteps")}</Link>
      </p>

      {/* Keeping track (issue 15): a copy of what was sent, and the access code for other devices. */}
      {sent.statusToken ? (
        <>
          <h2 className="heading-m">{t("copy.keepHeading")}</h2>
          <p className="body">
            <Link to={copyPath(sent.reference)} className="button button--secondary">
              {t("copy.save")}
            </Link>
          </p>
        </>
      ) : null}
      {sent.accessCode ? <AccessCode code={sent.accessCode} /> : null}
      <ChangeAccessCode sent={sent} showNewCode={false} />
    </>
  );
}
