import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import type { Complaint } from "../../domain/complaint";
import { Deliveries } from "../components/deliveries";
import { DueText } from "../components/due-text";
import { LoadFailed, LoadingMessage, NotAllowed, StaffNotFound, useStaffTitle } from "../components/staff-layout";
import { eventTypes } from "../lib/event-forms";
import { staffApi, type CaseRecord, type Escalation, type StaffEvent } from "../lib/staff-api";
import { formatDay, formatTime, languageName } from "../lib/staff-format";
import { useLoad } from "../lib/use-load";

/** The person's own words: always text (React escapes it), in their direction, line breaks kept. */
function Words({ children }: { children: string }) {
  return (
    <div className="preserve-lines staff-words" dir="auto">
      {children}
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt className="summary-list__key">{label}</dt>
      <dd className="summary-list__value">{children}</dd>
    </div>
  );
}

/** Roles whose complaint is made for a child by someone else (docs/domain.md §1). */
const SELF_ROLES = new Set(["young-person", "care-leaver"]);

function ChildsView({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation("staff");
  const representation = complaint.representation;
  if (!representation || SELF_ROLES.has(complaint.role ?? "")) return null;
  return (
    <section className="staff-childs-view" aria-labelledby="childs-view">
      <h2 className="heading-m" id="childs-view">
        {t("case.child.title")}
      </h2>
      <p className="body-l">
        <strong>{t(`case.child.agreement.${representation.childAgreement}`)}</strong>
      </p>
      {representation.childsWords ? (
        <>
          <h3 className="heading-s">{t("case.child.words")}</h3>
          <blockquote className="staff-quote">
            <Words>{representation.childsWords}</Words>
          </blockquote>
        </>
      ) : null}
      <dl className="summary-list">
        {representation.howChecked ? (
          <Row label={t("case.child.howChecked")}>
            <Words>{representation.howChecked}</Words>
          </Row>
        ) : null}
        {representation.checkedOn ? <Row label={t("case.child.checkedOn")}>{formatDay(representation.checkedOn)}</Row> : null}
        {representation.whyCannotAsk ? (
          <Row label={t("case.child.whyCannotAsk")}>
            <Words>{representation.whyCannotAsk}</Words>
          </Row>
        ) : null}
      </dl>
    </section>
  );
}

function ContactText({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation("staff");
  const contact = complaint.contact;
  if (!contact) return <>{t("case.contact.notSaid")}</>;
  switch (contact.method) {
    case "email":
      return <>{t("case.contact.email", { email: contact.email })}</>;
    case "phone":
      return <>{t("case.contact.phone", { phone: contact.phone })}</>;
    case "post":
      return (
        <>
          {t("case.contact.post")}
          <Words>{contact.address}</Words>
        </>
      );
    case "advocate":
      return (
        <>
          {t("case.contact.advocate")}
          <Words>{`${contact.advocateName}\n${contact.advocateContact}`}</Words>
        </>
      );
    case "none":
      return <strong>{t("case.contact.none")}</strong>;
  }
}

/** Everything the person sent, as text. */
function WhatTheySent({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation("staff");
  const eligibility = complaint.eligibility;
  return (
    <section aria-labelledby="what-they-sent">
      <h2 className="heading-m" id="what-they-sent">
        {t("case.sent.title")}
      </h2>
      <dl className="summary-list">
        <Row label={t("case.sent.who")}>{complaint.role ? t(`roles.${complaint.role}`) : t("roles.unknown")}</Row>
        <Row label={t("case.sent.language")}>
          {complaint.language === undefined
            ? t("case.sent.languageNotRecorded")
            : complaint.language.startsWith("en")
              ? languageName(complaint.language)
              : t("case.sent.languageOther", { language: languageName(complaint.language) })}
        </Row>
        {complaint.child?.name || complaint.child?.age !== undefined ? (
          <Row label={t("case.sent.child")}>
            {complaint.child.name ? <Words>{complaint.child.name}</Words> : null}
            {complaint.child.age !== undefined ? <span>{t("case.sent.age", { age: complaint.child.age })}</span> : null}
          </Row>
        ) : null}
        <Row label={t("case.sent.whatHappened")}>
          <Words>{complaint.whatHappened.text}</Words>
        </Row>
        {complaint.whatHappened.when ? (
          <Row label={t("case.sent.when")}>
            <Words>{complaint.whatHappened.when}</Words>
          </Row>
        ) : null}
        {complaint.whatHappened.who ? (
          <Row label={t("case.sent.whoInvolved")}>
            <Words>{complaint.whatHappened.who}</Words>
          </Row>
        ) : null}
        {complaint.putRight ? (
          <Row label={t("case.sent.putRight")}>
            <Words>{complaint.putRight}</Words>
          </Row>
        ) : null}
        <Row label={t("case.sent.contact")}>
          <ContactText complaint={complaint} />
        </Row>
        <Row label={t("case.sent.adjustments")}>{complaint.adjustments ? <Words>{complaint.adjustments}</Words> : t("case.sent.none")}</Row>
        {complaint.wantsAdvocate ? <Row label={t("case.sent.advocate")}>{t(`case.advocate.${complaint.wantsAdvocate}`)}</Row> : null}
        {eligibility?.childSituation ? <Row label={t("case.sent.situation")}>{t(`case.situations.${eligibility.childSituation}`)}</Row> : null}
        {eligibility?.topics?.length ? (
          <Row label={t("case.sent.topics")}>{eligibility.topics.map((topic) => t(`case.topics.${topic}`)).join(", ")}</Row>
        ) : null}
        {eligibility?.when ? <Row label={t("case.sent.whenRoughly")}>{t(`case.whenOptions.${eligibility.when}`)}</Row> : null}
        {eligibility?.proceedings ? (
          <Row label={t("case.sent.proceedings")}>
            {eligibility.proceedings.length ? eligibility.proceedings.map((p) => t(`case.proceedings.${p}`)).join(", ") : t("case.sent.none")}
          </Row>
        ) : null}
      </dl>
    </section>
  );
}

const DETAIL_FIELDS = [
  "stage",
  "outcome",
  "newDueDate",
  "reason",
  "how",
  "investigatingOfficer",
  "independentPerson",
  "panelOn",
  "decision",
  "to",
  "where",
  "why",
] as const;
const DATE_FIELDS = new Set(["newDueDate", "panelOn"]);
const CHOICE_FIELDS = new Set(["outcome", "how", "decision", "to"]);

function EventDetails({ event }: { event: StaffEvent }) {
  const { t } = useTranslation("staff");
  const details = DETAIL_FIELDS.filter((field) => event[field] !== undefined && event[field] !== null && event[field] !== "");
  return (
    <dl className="staff-event__details">
      {details.map((field) => {
        const value = String(event[field]);
        return (
          <div key={field}>
            <dt>{t(`events.fields.${field}.label`)}</dt>
            <dd>
              {DATE_FIELDS.has(field) ? (
                formatDay(value)
              ) : CHOICE_FIELDS.has(field) ? (
                t(`events.fields.${field}.options.${value}`, { defaultValue: value })
              ) : field === "stage" ? (
                t("stageN", { stage: value })
              ) : (
                <Words>{value}</Words>
              )}
            </dd>
          </div>
        );
      })}
      {event.note ? (
        <div>
          <dt>{t("events.fields.note.label")}</dt>
          <dd>
            <Words>{event.note}</Words>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

function EscalationDetails({ escalation }: { escalation: Escalation }) {
  const { t } = useTranslation("staff");
  return (
    <dl className="staff-event__details">
      {escalation.replyReceivedOn ? (
        <div>
          <dt>{t("case.timeline.replyReceivedOn")}</dt>
          <dd>{formatDay(escalation.replyReceivedOn)}</dd>
        </div>
      ) : null}
      {escalation.why ? (
        <div>
          <dt>{t("case.timeline.why")}</dt>
          <dd>
            <Words>{escalation.why}</Words>
          </dd>
        </div>
      ) : null}
      {escalation.wantNow ? (
        <div>
          <dt>{t("case.timeline.wantNow")}</dt>
          <dd>
            <Words>{escalation.wantNow}</Words>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/**
 * What happened, oldest first: the complaint arriving, then every event with its date. A request
 * the person sent from their phone is an event too (source "phone"), shown with what they wrote.
 */
function Timeline({ record }: { record: CaseRecord }) {
  const { t } = useTranslation("staff");
  const escalations = new Map(record.escalations.map((escalation) => [escalation.id, escalation]));
  const supersededIds = new Set(record.events.map((event) => event.supersedes).filter((id): id is string => typeof id === "string"));
  const inEvents = new Set(record.events.map((event) => event.id));
  // A server that lists phone requests only as escalations still shows them.
  const onlyEscalations = record.escalations.filter((escalation) => !inEvents.has(escalation.id));
  return (
    <section aria-labelledby="timeline">
      <h2 className="heading-m" id="timeline">
        {t("case.timeline.title")}
      </h2>
      <ol className="staff-timeline">
        <li className="staff-event">
          <h3 className="heading-s">{t("case.timeline.received")}</h3>
          <p className="body">{formatTime(record.receivedAt)}</p>
        </li>
        {onlyEscalations.map((escalation) => (
          <li className="staff-event" key={escalation.id}>
            <h3 className="heading-s">{t("case.timeline.escalation", { stage: escalation.toStage })}</h3>
            <p className="body">{t("case.timeline.fromPhone", { time: formatTime(escalation.receivedAt) })}</p>
            <EscalationDetails escalation={escalation} />
          </li>
        ))}
        {record.events.map((event) => {
          const superseded = Boolean(event.supersededBy) || supersededIds.has(event.id);
          const escalation = event.source === "phone" ? escalations.get(event.id) : undefined;
          if (event.source === "phone") {
            return (
              <li className="staff-event" key={event.id}>
                <h3 className="heading-s">{t("case.timeline.escalation", { stage: escalation?.toStage ?? String(event.stage ?? "") })}</h3>
                <p className="body">
                  {t("case.timeline.on", { date: formatDay(event.date) })}{" "}
                  <span className="muted">{t("case.timeline.fromPhone", { time: formatTime(event.recordedAt) })}</span>
                </p>
                {escalation ? <EscalationDetails escalation={escalation} /> : null}
              </li>
            );
          }
          return (
            <li className={superseded ? "staff-event staff-event--superseded" : "staff-event"} key={event.id}>
              <h3 className="heading-s">
                {t(`events.types.${event.type}`, { defaultValue: event.type })}
                {superseded ? " " : null}
                {superseded ? <span className="staff-tag staff-tag--after">{t("case.timeline.superseded")}</span> : null}
              </h3>
              <p className="body">
                {t("case.timeline.on", { date: formatDay(event.date) })}{" "}
                <span className="muted">
                  {t("case.timeline.recordedBy", { email: event.recordedBy?.email ?? t("case.timeline.someone"), time: formatTime(event.recordedAt) })}
                </span>
              </p>
              <EventDetails event={event} />
              {!superseded ? (
                <p className="body">
                  <Link to={`/complaints/${record.reference}/record/${event.type}?supersedes=${encodeURIComponent(event.id)}`}>
                    {t("case.timeline.correct")}{" "}
                    <span className="visually-hidden">{`${t(`events.types.${event.type}`, { defaultValue: event.type })} ${formatDay(event.date)}`}</span>
                  </Link>
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** One complaint: where it is, what the person sent (the child's own view first), what has happened, and what to record next. */
export function CasePage() {
  const { t } = useTranslation("staff");
  const { reference = "" } = useParams();
  const location = useLocation();
  const [record, retry] = useLoad(() => staffApi.complaint(reference), reference);
  const recorded = (location.state as { recorded?: string } | null)?.recorded;
  useStaffTitle(record.status === "not-found" ? t("notFound.title") : t("case.title", { reference }));
  if (record.status === "loading") return <LoadingMessage />;
  if (record.status === "not-found") return <StaffNotFound />;
  if (record.status === "not-allowed") return <NotAllowed />;
  if (record.status === "error") {
    return (
      <>
        <h1 className="heading-l">{t("case.title", { reference })}</h1>
        <LoadFailed retry={retry} />
      </>
    );
  }
  const { complaint, progress } = record.data;
  return (
    <>
      <p className="body">
        <Link to="/" className="back-link">
          {t("case.back")}
        </Link>
      </p>
      {recorded ? (
        <div className="notification-banner notification-banner--success" role="status">
          <p className="notification-banner__heading">{t("case.recorded", { what: t(`events.types.${recorded}`, { defaultValue: recorded }) })}</p>
        </div>
      ) : null}
      <h1 className="heading-l">
        <span className="staff-caption">{t("case.caption")}</span> <span className="staff-reference">{record.data.reference}</span>
      </h1>
      {complaint.saysInDanger ? (
        <div className="warning-text" role="note">
          <p className="body">
            <strong>{t("case.danger")}</strong>
          </p>
        </div>
      ) : null}
      <dl className="summary-list">
        <Row label={t("case.progress.received")}>{formatTime(record.data.receivedAt)}</Row>
        <Row label={t("case.progress.route")}>{t(`routes.${progress.route}`)}</Row>
        <Row label={t("case.progress.stage")}>{t("stageOf", { stage: progress.stage, last: progress.lastStage })}</Row>
        <Row label={t("case.progress.state")}>{t(`states.${progress.state}`)}</Row>
        <Row label={t("case.progress.nextDue")}>
          <DueText nextDue={progress.nextDue} overdue={progress.overdue} dueSoon={progress.dueSoon} />
        </Row>
      </dl>
      <p className="body">
        <a href={`/api/v1/staff/complaints/${encodeURIComponent(record.data.reference)}/export`} download aria-describedby="export-hint">
          {t("case.export")}
        </a>{" "}
        <span id="export-hint" className="muted">
          {t("case.exportHint")}
        </span>
      </p>
      <ChildsView complaint={complaint} />
      <WhatTheySent complaint={complaint} />
      <Timeline record={record.data} />
      <Deliveries reference={record.data.reference} initial={record.data.deliveries ?? []} />
      <section aria-labelledby="record">
        <h2 className="heading-m" id="record">
          {t("case.record.title")}
        </h2>
        <ul className="list staff-record-links">
          {eventTypes.map((type) => (
            <li key={type}>
              <Link to={`/complaints/${record.data.reference}/record/${type}`}>{t(`events.types.${type}`)}</Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
