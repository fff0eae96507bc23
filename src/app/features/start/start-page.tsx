import { useLiveQuery } from "dexie-react-hooks";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { CouncilSettings } from "../../../domain/council";
import { InstallHint } from "../../components/install-hint";
import { PhoneLink } from "../../components/phone-link";
import { useDocumentTitle } from "../../components/use-document-title";
import { draftRepository, type LoadedDraft } from "../../lib/draft-repository";

const repository = draftRepository();

/** Where a draft carries on: the step it was last on, or the first question. */
function resumePath(draft: LoadedDraft | undefined, firstStepPath: string): string {
  if (draft?.status === "ok" && draft.draft.step) return `/complaint/${draft.draft.step}`;
  return firstStepPath;
}

type Drafts = { status: "loading" } | { status: "ready"; current: LoadedDraft | undefined; count: number };

/**
 * The start page: safety first ("Are you in danger now?" before anything else), what Speak Up is,
 * which council the complaint goes to (with a link to change it), the right to a free advocate,
 * then Start (or Carry on with the current draft, or Start a new one), and a link to all drafts.
 */
export function StartPage({ council, firstStepPath }: { council: CouncilSettings; firstStepPath: string }) {
  const { t } = useTranslation("start");
  const navigate = useNavigate();
  // A live query, so a draft started, sent or deleted in another tab shows here at once.
  const drafts = useLiveQuery<Drafts, Drafts>(
    async () => {
      try {
        const current = await repository.current();
        return { status: "ready", current, count: await repository.count() };
      } catch {
        return { status: "ready", current: undefined, count: 0 };
      }
    },
    [],
    { status: "loading" },
  );
  const current = drafts.status === "ready" ? drafts.current : "loading";
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t("title"));

  const startNew = async () => {
    setBusy(true);
    try {
      await repository.create(council.id);
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
        <ul className="list">
          <li>
            <Trans t={t} i18nKey="danger.call999" components={{ phone: <PhoneLink number="999" /> }} />
          </li>
          <li>
            <Trans t={t} i18nKey="danger.childline" components={{ phone: <PhoneLink number="0800 1111" /> }} />
          </li>
          <li>
            <Trans
              t={t}
              i18nKey="danger.council"
              values={{ council: council.shortName, phone: council.emergency.childrensServices }}
              components={{ phone: <PhoneLink number={council.emergency.childrensServices} /> }}
            />
          </li>
          <li>
            <Trans
              t={t}
              i18nKey="danger.outOfHours"
              values={{ council: council.shortName, phone: council.emergency.outOfHours }}
              components={{ phone: <PhoneLink number={council.emergency.outOfHours} /> }}
            />
          </li>
        </ul>
      </section>

      <h1 className="heading-xl">{t("title")}</h1>
      <p className="body-l">{t("intro")}</p>

      <p className="body">
        {t("councilNote", { council: council.name })}{" "}
        <Link to="/council">
          <Trans
            t={t}
            i18nKey="changeCouncil"
            values={{ council: council.name }}
            components={{ hidden: <span className="visually-hidden" /> }}
          />
        </Link>
      </p>

      <div className="inset">
        <h2 className="heading-m">{t("advocate.heading")}</h2>
        <p className="body">{t("advocate.body")}</p>
      </div>

      {/* Nothing until the drafts are read, so nobody presses Start when they meant Carry on. */}
      {drafts.status === "loading" ? null : hasDraft ? (
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
      <InstallHint />
    </>
  );
}
