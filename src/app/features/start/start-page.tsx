import { memo, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { CouncilSettings } from "../../../domain/council";
import { Deferred } from "../../components/deferred";
import { LanguagePickerPlaceholder, loadLanguagePicker } from "../../components/language-picker-placeholder";
import { UrgentNumbers } from "../../components/urgent-numbers";
import { useDocumentTitle } from "../../components/use-document-title";
import type { LoadedDraft } from "../../lib/draft-repository";
import { createDraft, useDraftSummary } from "./use-draft-summary";

/** Where a draft carries on: the step it was last on, or the first question. */
function resumePath(draft: LoadedDraft | undefined, firstStepPath: string): string {
  if (draft?.status === "ok" && draft.draft.step) return `/complaint/${draft.draft.step}`;
  return firstStepPath;
}

/**
 * The start page: safety first ("Are you in danger now?" before anything else), what Speak Up is,
 * then Start (or Carry on with the current draft, or Start a new one), all on a phone's first
 * screen (360×740), then a link to all drafts, which council the complaint goes to (with a link to
 * change it) and the right to a free advocate.
 */
export const StartPage = memo(function StartPage({ council, firstStepPath }: { council: CouncilSettings; firstStepPath: string }) {
  const { t } = useTranslation("start");
  const navigate = useNavigate();
  // Live, so a draft started, sent or deleted in another tab shows here at once.
  const drafts = useDraftSummary();
  const current = drafts.status === "ready" ? drafts.current : "loading";
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t("title"));

  const startNew = async () => {
    setBusy(true);
    try {
      await createDraft(council.id);
    } finally {
      setBusy(false);
    }
    navigate(firstStepPath);
  };

  const hasDraft = current !== "loading" && current !== undefined;

  return (
    <>
      <section className="danger-box" aria-labelledby="danger-heading">
        <h2 className="heading-m" id="danger-heading">
          {t("danger.heading")}
        </h2>
        <UrgentNumbers
          t={t}
          keys={{
            call999: "danger.call999",
            childline: "danger.childline",
            council: "danger.council",
            outOfHours: "danger.outOfHours",
          }}
          council={council}
        />
      </section>

      <h1 className="heading-xl">{t("title")}</h1>
      {/* Only where JavaScript is off: the page was drawn at build time, the rest needs the app. */}
      <noscript>
        <p className="body-l">{t("noScript")}</p>
      </noscript>
      <p className="body-l">{t("intro")}</p>

      {/* Nothing to press until the drafts are read, so nobody presses Start when they meant Carry on;
          the space is kept, so nothing moves when the button appears (and with no JavaScript the
          button, which could do nothing, stays hidden). */}
      {drafts.status === "loading" ? (
        <div className="button-placeholder" aria-hidden="true">
          <span className="button button--start">{t("startButton")}</span>
        </div>
      ) : hasDraft && drafts.status === "ready" && drafts.waiting ? (
        <>
          {/* The current complaint is on its way: no Carry on, which would change what is being sent (bug 4). */}
          <h2 className="heading-m">{t("waitingHeading")}</h2>
          <p className="body">{t("waitingBody")}</p>
          <p className="body">
            <Link to="/complaints">{t("waitingLink")}</Link>
          </p>
          <button type="button" className="button" disabled={busy} onClick={() => void startNew()}>
            {t("newButton")}
          </button>
        </>
      ) : hasDraft ? (
        <>
          <h2 className="heading-m">{t("continueHeading")}</h2>
          <div className="button-group">
            <button type="button" className="button" onClick={() => navigate(resumePath(current, firstStepPath))}>
              {t("continueButton")}
            </button>
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => void startNew()}>
              {t("newButton")}
            </button>
          </div>
        </>
      ) : (
        <button type="button" className="button button--start" disabled={busy} onClick={() => void startNew()}>
          {t("startButton")}
        </button>
      )}

      {drafts.status === "ready" && drafts.count > 0 ? (
        <p className="body">
          <Link to="/drafts">{t("draftsLink", { count: drafts.count })}</Link>
        </p>
      ) : null}

      <p className="body">
        {t("councilNote", { council: council.name })}{" "}
        <Link to="/council">
          <Trans t={t} i18nKey="changeCouncil" values={{ council: council.name }} components={{ hidden: <span className="visually-hidden" /> }} />
        </Link>
      </p>

      <p className="body">
        <Link to="/who-sees">{t("whoSees")}</Link>
      </p>

      <div className="inset">
        <h2 className="heading-m">{t("advocate.heading")}</h2>
        <p className="body">{t("advocate.body")}</p>
      </div>

      {/* Loaded once the page is on screen (it works only with the app running anyway). */}
      <Deferred load={loadLanguagePicker} placeholder={<LanguagePickerPlaceholder />} />
    </>
  );
});
