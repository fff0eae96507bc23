import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { todayIso } from "../../../domain/calendar";
import type { CouncilSettings } from "../../../domain/council";
import { LaterChangesNote } from "../../components/later-changes-note";
import { PhoneLink } from "../../components/phone-link";
import { LoadFailedPage, LoadingPage } from "../../components/status-pages";
import { useDocumentTitle } from "../../components/use-document-title";
import type { OutboxRecord, SentRecord } from "../../lib/db";
import { formatDateTime, formatLongDate } from "../../lib/format-date";
import { isStuckSending } from "../../lib/outbox-repository";
import { sendNow } from "../../lib/outbox-sync";
import { useOutbox } from "../../lib/use-outbox";
import { complaintLabel } from "../../lib/complaint-label";
import { byUrgency, nextDateOf, type NextDate } from "./at-a-glance";
import { progressOf } from "./progress-view";

export const COMPLAINTS_PATH = "/complaints";
export const complaintPath = (reference: string) => `${COMPLAINTS_PATH}/${encodeURIComponent(reference)}`;
export const deleteWaitingPath = (id: string) => `${COMPLAINTS_PATH}/waiting/${encodeURIComponent(id)}/delete`;

function subscribeOnline(callback: () => void): () => void {
  window.addEventListener("online", callback);
  window.addEventListener("offline", callback);
  return () => {
    window.removeEventListener("online", callback);
    window.removeEventListener("offline", callback);
  };
}

/** Whether the browser thinks it is online, live. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

export interface ComplaintsPageProps {
  council: CouncilSettings;
  /** Council names by id, for complaints sent to another council. */
  councilNames: ReadonlyMap<string, string>;
}

/**
 * /complaints — "Your complaints": what is waiting to send (the outbox, with each item's state and
 * Send now / Delete) and every complaint sent from this phone with its stage and next date.
 */
export function ComplaintsPage({ council, councilNames }: ComplaintsPageProps) {
  const { t } = useTranslation("complaints");
  const view = useOutbox();
  const location = useLocation();
  const deleted = (location.state as { deleted?: boolean } | null)?.deleted === true;
  useDocumentTitle(t("title"));
  if (view === undefined) return <LoadingPage />;
  if (view.status === "unavailable") return <LoadFailedPage />;
  const nameOf = (id: string) => councilNames.get(id) ?? (id === council.id ? council.name : id);
  // At a glance (issue 15): the most urgent first, late ones at the top.
  const today = todayIso(new Date());
  const sent = byUrgency(view.sent, (s) => (s.councilId === council.id ? nextDateOf(progressOf(s, council, today)) : undefined));

  return (
    <>
      <h1 className="heading-l">{t("title")}</h1>
      <p className="body">{t("intro")}</p>
      <p className="body">
        {t("check.fromElsewhere")} <Link to="/check">{t("check.title")}</Link>
      </p>
      <div role="status">{deleted ? <p className="body notice">{t("deleteWaiting.deleted")}</p> : null}</div>
      {view.setAside > 0 ? (
        <section className="notice" aria-labelledby="set-aside-heading" data-testid="set-aside">
          <h2 className="heading-s" id="set-aside-heading">
            {t("setAside.heading")}
          </h2>
          <p className="body">{t("setAside.body")}</p>
          <p className="body">
            <Link to="/drafts">{t("waiting.openDrafts")}</Link>
          </p>
        </section>
      ) : null}
      {view.waiting.length === 0 && view.sent.length === 0 ? (
        <>
          <p className="body">{t("empty.body")}</p>
          <p className="body">
            <Link to="/">{t("empty.start")}</Link>
          </p>
        </>
      ) : null}
      {view.waiting.length > 0 ? (
        <section aria-labelledby="waiting-heading">
          <h2 className="heading-m" id="waiting-heading">
            {t("waiting.heading")}
          </h2>
          <p className="body">{t("waiting.intro")}</p>
          <ul className="draft-list" data-testid="outbox-list">
            {view.waiting.map((record) => (
              <WaitingItem
                key={record.id}
                record={record}
                council={council}
                councilName={nameOf(record.kind === "complaint" ? record.payload.councilId : council.id)}
              />
            ))}
          </ul>
        </section>
      ) : null}
      {view.sent.length > 0 ? (
        <section aria-labelledby="sent-heading">
          <h2 className="heading-m" id="sent-heading">
            {t("sent.heading")}
          </h2>
          <ul className="draft-list" data-testid="sent-list">
            {sent.map((item) => (
              <SentItem key={item.id} sent={item} council={council} councilName={nameOf(item.councilId)} />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function WaitingItem({ record, council, councilName }: { record: OutboxRecord; council: CouncilSettings; councilName: string }) {
  const { t, i18n } = useTranslation("complaints");
  const online = useOnline();
  const name =
    record.kind === "complaint"
      ? t("waiting.complaint", { council: councilName })
      : t("waiting.escalation", { stage: record.payload.toStage, reference: record.reference });
  const retryAt = formatDateTime(record.nextAttemptAt, i18n.language).time;
  // Left "sending" by a page that closed mid-send: the person can send it again or delete it.
  const stuck = isStuckSending(record);
  const sending = record.state === "sending" && !stuck;
  const state = stuck
    ? t("waiting.state.stopped")
    : sending
      ? t("waiting.state.sending")
      : record.state === "failed"
        ? t("waiting.state.failed")
        : !online
          ? t("waiting.state.waitingOffline")
          : record.lastError?.kind === "network"
            ? t("waiting.state.retrying", { time: retryAt })
            : record.lastError?.kind === "server"
              ? t("waiting.state.serverTrouble", { time: retryAt })
              : t("waiting.state.waiting");
  const code = record.lastError?.code ?? "other";
  const helpKey = ["invalid-complaint", "stage-not-next", "no-further-stage", "not-found", "token-missing"].includes(code) ? code : "other";
  // The draft's name goes with it (issue 15): chosen, or the child's initials and the topic.
  const label = record.kind === "complaint" ? (record.label ?? complaintLabel(undefined, record.payload, t)) : undefined;
  const context = ` ${name}`;
  return (
    <li className="draft-list__item" data-state={record.state}>
      <h3 className="heading-s draft-list__title">{name}</h3>
      {label ? (
        <p className="body complaint-label" data-testid="complaint-label">
          {label}
        </p>
      ) : null}
      <p className="body">{t("waiting.queuedAt", formatDateTime(record.queuedAt, i18n.language))}</p>
      <p className={record.state === "failed" ? "body error-message" : "body"}>{state}</p>
      {record.state === "failed" ? (
        <>
          <p className="body">{t(`waiting.failedHelp.${helpKey}`)}</p>
          {helpKey === "invalid-complaint" ? (
            <p className="body">
              <Link to="/drafts">{t("waiting.openDrafts")}</Link>
            </p>
          ) : null}
          {record.kind === "escalation" && helpKey === "stage-not-next" ? (
            <p className="body">
              <Link to={complaintPath(record.reference)}>{t("waiting.openComplaint", { reference: record.reference })}</Link>
            </p>
          ) : null}
          {council.contact.phone && councilName === council.name ? (
            <p className="body">
              {t("waiting.callCouncil", { council: councilName })} <PhoneLink number={council.contact.phone} />
            </p>
          ) : null}
        </>
      ) : null}
      {!sending ? (
        <div className="button-group">
          <button type="button" className="button button--secondary" onClick={() => void sendNow([record.id])}>
            {record.state === "failed" ? t("waiting.tryAgain") : t("waiting.sendNow")}
            <span className="visually-hidden">{context}</span>
          </button>
          <Link to={deleteWaitingPath(record.id)} className="button-group__link">
            {t("waiting.delete")}
            <span className="visually-hidden">{context}</span>
          </Link>
        </div>
      ) : null}
    </li>
  );
}

function SentItem({ sent, council, councilName }: { sent: SentRecord; council: CouncilSettings; councilName: string }) {
  const { t, i18n } = useTranslation("complaints");
  const progress = sent.councilId === council.id ? progressOf(sent, council, todayIso(new Date())) : undefined;
  const next = progress ? nextDateOf(progress) : undefined;
  return (
    <li className="draft-list__item" data-testid="sent-item">
      <h3 className="heading-s draft-list__title">{sent.label ?? t("sent.reference", { reference: sent.reference })}</h3>
      {sent.label ? <p className="body">{t("sent.reference", { reference: sent.reference })}</p> : null}
      <p className="body">{t("sent.sentOn", { council: councilName, date: formatLongDate(sent.receivedOn, i18n.language) })}</p>
      {progress ? <p className="body">{t("sent.stage", { stage: progress.stage, name: stageName(t, progress.procedure.kind, progress.stage) })}</p> : null}
      {next ? <NextDateLine next={next} language={i18n.language} /> : null}
      <LaterChangesNote sent={sent} level={4} />
      <p className="body">
        <Link to={complaintPath(sent.reference)}>
          {t("sent.open")}
          <span className="visually-hidden">{` ${t("sent.openContext", { reference: sent.reference })}`}</span>
        </Link>
      </p>
    </li>
  );
}

export function stageName(t: (key: string, options?: Record<string, unknown>) => string, kind: "statutory" | "local", stage: number): string {
  return kind === "statutory" ? t(`complaints:stageNames.statutory.${stage}`) : t("complaints:stageNames.local", { stage });
}

/** The next date for a complaint, with "Late" said in words, not only in colour. */
function NextDateLine({ next, language }: { next: NextDate; language: string }) {
  const { t } = useTranslation("complaints");
  const date = formatLongDate(next.date, language);
  if (next.kind === "late") {
    return (
      <p className="body error-message" data-testid="next-date">
        <strong>{t("sent.late")}</strong> {t("sent.lateSince", { date })}
      </p>
    );
  }
  return (
    <p className="body" data-testid="next-date">
      {next.kind === "reply-by"
        ? t("sent.replyBy", { date })
        : next.kind === "ask-by"
          ? t("sent.askBy", { stage: next.stage, date })
          : t("sent.ombudsmanBy", { date })}
    </p>
  );
}
