import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import type { DraftRecord } from "../../../domain/draft";
import { useDocumentTitle } from "../../components/use-document-title";
import { draftRepository, type LoadedDraft } from "../../lib/draft-repository";
import { formatDateTime } from "../../lib/format-date";
import { lastChangedOf, listNames, type DraftNames } from "./draft-names";
import { deletePath, renamePath, useDraftList } from "./use-drafts";

const repository = draftRepository();

/** How far a draft got, worked out from the wizard's step table by the route (features do not import each other). */
export type DraftProgress = { kind: "not-started" } | { kind: "ready" } | { kind: "step"; titleKey: string; context?: string };

export interface DraftPlace {
  progress: DraftProgress;
  /** The page Open goes to: the step the draft was last on. */
  path: string;
}

/** The history state the delete page leaves, so this page can say "Draft deleted". */
export interface DraftsLocationState {
  deleted: true;
}

function arrivedAfterDelete(state: unknown): boolean {
  return typeof state === "object" && state !== null && "deleted" in state && state.deleted === true;
}

export interface DraftsPageProps {
  placeOf: (draft: DraftRecord) => DraftPlace;
  /** The council a new draft goes to; undefined (Start disabled) until it is known. */
  councilId: string | undefined;
  firstStepPath: string;
}

/**
 * /drafts — "Your drafts": every complaint started on this phone, newest-changed first, each with
 * its name, when it was last changed, how far it got, and Open, Rename and Delete. A simple list
 * (no nested controls) so it stays easy to use with 20 or more drafts.
 */
export function DraftsPage({ placeOf, councilId, firstStepPath }: DraftsPageProps) {
  const { t, i18n } = useTranslation("drafts");
  const navigate = useNavigate();
  const location = useLocation();
  const list = useDraftList();
  const [deleted] = useState(() => arrivedAfterDelete(location.state));
  const [announceDeleted, setAnnounceDeleted] = useState(false);
  const [openFailed, setOpenFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t("title"));

  useEffect(() => {
    if (!deleted) return;
    // Forget the note, so going back or reloading does not say it again.
    navigate(location.pathname, { replace: true, state: null });
    // The status region is on the page empty first and filled a moment later, so screen readers announce it.
    const timer = window.setTimeout(() => setAnnounceDeleted(true), 0);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the page opens after a delete
  }, []);

  const open = async (draft: DraftRecord) => {
    setOpenFailed(false);
    try {
      await repository.setCurrent(draft.id);
    } catch {
      setOpenFailed(true);
      return;
    }
    navigate(placeOf(draft).path);
  };

  const startNew = async () => {
    if (councilId === undefined) return;
    setBusy(true);
    try {
      await repository.create(councilId);
    } catch {
      setBusy(false);
      setOpenFailed(true);
      return;
    }
    navigate(firstStepPath);
  };

  const translate = (key: string, options?: Record<string, unknown>) => t(key, options);

  return (
    <>
      <div role="status" className="drafts-status">
        {announceDeleted ? (
          <div className="notification-banner notification-banner--success">
            <p className="notification-banner__heading">{t("deleted")}</p>
          </div>
        ) : null}
      </div>
      <h1 className="heading-xl">{t("title")}</h1>
      {openFailed ? (
        <p className="error-message" role="alert">
          {t("openFailed")}
        </p>
      ) : null}
      {list.status === "loading" ? (
        <p className="loading" role="status">
          {t("common:loading")}
        </p>
      ) : list.status === "error" ? (
        <p className="body" role="alert">
          {t("loadFailed")}
        </p>
      ) : list.drafts.length === 0 ? (
        <>
          <p className="body">{t("empty.body")}</p>
          <button type="button" className="button button--start" disabled={busy || councilId === undefined} onClick={() => void startNew()}>
            {t("empty.start")}
          </button>
        </>
      ) : (
        <>
          <p className="body">{t("intro")}</p>
          <ul className="draft-list">
            {listNames(list.drafts, translate, i18n.language).map((names, index) => {
              const entry = list.drafts[index] as LoadedDraft;
              return (
                <li key={`${entry.status === "ok" ? entry.draft.id : entry.id}-${index}`} className="draft-list__item">
                  <DraftCard entry={entry} names={names} placeOf={placeOf} open={(draft) => void open(draft)} />
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}

function DraftCard({
  entry,
  names,
  placeOf,
  open,
}: {
  entry: LoadedDraft;
  names: DraftNames;
  placeOf: (draft: DraftRecord) => DraftPlace;
  open: (draft: DraftRecord) => void;
}) {
  const { t, i18n } = useTranslation("drafts");
  // GOV.UK hides the space inside the span; outside it, every accessible-name algorithm keeps it.
  const hidden = (
    <>
      {" "}
      <span className="visually-hidden">{names.context}</span>
    </>
  );
  const lastChanged = (iso: string) => <p className="draft-list__meta">{t("card.lastChanged", formatDateTime(iso, i18n.language))}</p>;

  if (entry.status === "locked") {
    return (
      <>
        <h2 className="heading-s draft-list__title" dir="auto">
          {names.title}
        </h2>
        {lastChanged(entry.updatedAt)}
        <ul className="draft-list__actions">
          <li>
            <Link to="/unlock?next=/drafts">
              {t("card.unlock")}
              {hidden}
            </Link>
          </li>
        </ul>
      </>
    );
  }

  if (entry.status === "needs-checking") {
    const changed = lastChangedOf(entry);
    return (
      <>
        <h2 className="heading-s draft-list__title" dir="auto">
          {names.title}
        </h2>
        {changed ? lastChanged(changed) : null}
        <p className="draft-list__meta">{t("card.needsCheckingBody")}</p>
        <ul className="draft-list__actions">
          <li>
            <Link to={deletePath(entry.id)}>
              {t("card.delete")}
              {hidden}
            </Link>
          </li>
        </ul>
      </>
    );
  }

  const { draft } = entry;
  const { progress } = placeOf(draft);
  return (
    <>
      <h2 className="heading-s draft-list__title" dir="auto">
        {names.title}
      </h2>
      {lastChanged(draft.updatedAt)}
      <p className="draft-list__meta">
        {progress.kind === "ready"
          ? t("card.ready")
          : progress.kind === "not-started"
            ? t("card.notStarted")
            : t("card.gotAsFar", { step: t(progress.titleKey, { context: progress.context }) })}
      </p>
      <ul className="draft-list__actions">
        <li>
          <button type="button" className="link-button" onClick={() => open(draft)}>
            {t("card.open")}
            {hidden}
          </button>
        </li>
        <li>
          <Link to={renamePath(draft.id)}>
            {t("card.rename")}
            {hidden}
          </Link>
        </li>
        <li>
          <Link to={deletePath(draft.id)}>
            {t("card.delete")}
            {hidden}
          </Link>
        </li>
      </ul>
    </>
  );
}
