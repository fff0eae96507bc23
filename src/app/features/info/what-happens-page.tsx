import { memo } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { IsoDate } from "../../../domain/calendar";
import type { CouncilSettings, RequestWindow } from "../../../domain/council";
import { OMBUDSMAN_PHONE } from "../../../domain/ombudsman";
import { planIfSentToday } from "../../../domain/timeline";
import { PhoneLink } from "../../components/phone-link";
import { useDocumentTitle } from "../../components/use-document-title";
import { formatLongDate } from "../../lib/format-date";

/**
 * A link to a word's meaning on the glossary page (`/words#advocate`), for Trans's `<word>` tags.
 * (Not `<link>`: Trans parses that as the empty HTML element and leaves the text outside.)
 */
const wordLink = (id: string) => <Link to={`/words#${id}`} />;

/** "Within 20 working days" or "within 28 days, counting every day": the council's setting decides. */
function windowKey(window: RequestWindow): "workingDays" | "calendarDays" {
  return window.unit === "working-days" ? "workingDays" : "calendarDays";
}

/**
 * "What happens after I complain": every statutory stage in plain words for this council's settings
 * (regs 14–20, docs/domain.md §3–§5), with the real Stage 1 dates if the complaint were sent `today`.
 * `today` is a prop so the page is the same on every render and tests can fix the day. Drawn again
 * only when they change (memo): the page is long, and the council read on the device after it is
 * hydrated is nearly always the one it was drawn with (council-provider.tsx).
 */
export const WhatHappensPage = memo(function WhatHappensPage({ council, today }: { council: CouncilSettings; today: IsoDate }) {
  const { t, i18n } = useTranslation("info");
  useDocumentTitle(t("whatHappens.title"));
  const plan = planIfSentToday(council.timescales, today);
  const dates = plan.stage1Dates;
  const longDate = (iso: IsoDate) => formatLongDate(iso, i18n.language);

  return (
    <>
      <h1 className="heading-l">{t("whatHappens.title")}</h1>
      <p className="body-l">{t("whatHappens.intro", { council: council.name })}</p>
      <p className="body">{t("whatHappens.stages")}</p>

      <h2 className="heading-s">{t("whatHappens.workingDay.heading")}</h2>
      <p className="body">{t("whatHappens.workingDay.body")}</p>

      <h2 className="heading-m">{t("whatHappens.stage1.heading")}</h2>
      <p className="body">{t("whatHappens.stage1.who")}</p>
      <p className="body">{t("whatHappens.stage1.time", { count: plan.stage1.targetWorkingDays })}</p>
      <p className="body">{t("whatHappens.stage1.longer", { count: plan.stage1.maxWorkingDays })}</p>
      <div className="inset">
        <p className="body">{t("whatHappens.stage1.ifSentToday", { date: longDate(dates.sentOn) })}</p>
        {dates.acknowledgementBy === undefined ? null : (
          <p className="body">{t("whatHappens.stage1.acknowledgeBy", { date: longDate(dates.acknowledgementBy) })}</p>
        )}
        <p className="body">{t("whatHappens.stage1.replyBy", { date: longDate(dates.target) })}</p>
        <p className="body">{t("whatHappens.stage1.latestBy", { date: longDate(dates.latest) })}</p>
      </div>

      <h3 className="heading-s">{t("whatHappens.askStage2.heading")}</h3>
      <p className="body">{t("whatHappens.askStage2.body")}</p>
      <p className="body">{t(`whatHappens.askStage2.${windowKey(plan.stage2.requestWindow)}`, { count: plan.stage2.requestWindow.value })}</p>
      <p className="body">{t("whatHappens.askStage2.late")}</p>

      <h2 className="heading-m">{t("whatHappens.stage2.heading")}</h2>
      <p className="body">
        <Trans t={t} i18nKey="whatHappens.stage2.officer" components={{ word: wordLink("investigating-officer") }} />
      </p>
      <p className="body">
        <Trans t={t} i18nKey="whatHappens.stage2.independent" components={{ word: wordLink("independent-person") }} />
      </p>
      <p className="body">{t("whatHappens.stage2.time", { count: plan.stage2.targetWorkingDays })}</p>
      <p className="body">{t("whatHappens.stage2.longer", { count: plan.stage2.maxWorkingDays })}</p>
      <p className="body">
        {plan.stage2.clockKey === "timeline:plan.stage2ClockAgreedSummary" ? t("whatHappens.stage2.clockAgreedSummary") : t("whatHappens.stage2.clockRequest")}
      </p>
      <p className="body">{t("whatHappens.stage2.answer")}</p>

      <h3 className="heading-s">{t("whatHappens.askStage3.heading")}</h3>
      <p className="body">{t("whatHappens.askStage3.body")}</p>
      <p className="body">{t(`whatHappens.askStage3.${windowKey(plan.stage3.requestWindow)}`, { count: plan.stage3.requestWindow.value })}</p>
      <p className="body">{t("whatHappens.askStage3.moreTime")}</p>

      <h2 className="heading-m">{t("whatHappens.stage3.heading")}</h2>
      <p className="body">
        <Trans t={t} i18nKey="whatHappens.stage3.panel" components={{ word: wordLink("review-panel") }} />
      </p>
      <p className="body">{t("whatHappens.stage3.meeting")}</p>
      <ul className="list">
        <li>{t("whatHappens.stage3.meets", { count: plan.stage3.panelMeetingWorkingDays })}</li>
        <li>{t("whatHappens.stage3.report", { count: plan.stage3.panelReportWorkingDays })}</li>
        <li>{t("whatHappens.stage3.final", { count: plan.stage3.finalResponseWorkingDays })}</li>
      </ul>
      <p className="body">{t("whatHappens.stage3.notBound")}</p>

      <h2 className="heading-m">{t("whatHappens.ombudsman.heading")}</h2>
      <p className="body">
        <Trans t={t} i18nKey="whatHappens.ombudsman.what" components={{ word: wordLink("ombudsman") }} />
      </p>
      <p className="body">{t("whatHappens.ombudsman.when")}</p>
      <p className="body">{t("whatHappens.ombudsman.earlier")}</p>
      <p className="body">{t("whatHappens.ombudsman.months", { count: plan.ombudsman.months })}</p>
      <p className="body">
        <Trans t={t} i18nKey="whatHappens.ombudsman.phone" values={{ phone: OMBUDSMAN_PHONE }} components={{ phone: <PhoneLink number={OMBUDSMAN_PHONE} /> }} />
      </p>

      <div className="inset">
        <h2 className="heading-m">{t("whatHappens.advocate.heading")}</h2>
        <p className="body">
          <Trans t={t} i18nKey="whatHappens.advocate.right" components={{ careLeaver: wordLink("care-leaver"), word: wordLink("advocate") }} />
        </p>
        <p className="body">{t("whatHappens.advocate.what")}</p>
        <p className="body">{t("whatHappens.advocate.providers")}</p>
        <ul className="list">
          {council.advocacy.map((provider) => (
            <li key={provider.name}>
              <AdvocacyContact provider={provider} />
            </li>
          ))}
        </ul>
      </div>
    </>
  );
});

type AdvocacyProvider = CouncilSettings["advocacy"][number];

/** One advocacy service with the quickest way to reach it: a tap-to-call number if there is one. */
function AdvocacyContact({ provider }: { provider: AdvocacyProvider }) {
  const { t } = useTranslation("info");
  if (provider.phone !== undefined) {
    return (
      <Trans
        t={t}
        i18nKey="whatHappens.advocate.phone"
        values={{ name: provider.name, phone: provider.phone }}
        components={{ phone: <PhoneLink number={provider.phone} /> }}
      />
    );
  }
  if (provider.email !== undefined) {
    return (
      <Trans
        t={t}
        i18nKey="whatHappens.advocate.email"
        values={{ name: provider.name, email: provider.email }}
        // eslint-disable-next-line jsx-a11y/anchor-has-content -- Trans puts the email address inside.
        components={{ email: <a href={`mailto:${provider.email}`} /> }}
      />
    );
  }
  if (provider.website !== undefined) {
    return (
      <Trans
        t={t}
        i18nKey="whatHappens.advocate.website"
        values={{ name: provider.name }}
        // eslint-disable-next-line jsx-a11y/anchor-has-content -- Trans puts the link text inside.
        components={{ website: <a href={provider.website} /> }}
      />
    );
  }
  return <>{provider.name}</>;
}
