import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate } from "react-router";
import { LoadFailedPage, LoadingPage } from "../../components/status-pages";
import { useDocumentTitle } from "../../components/use-document-title";
import { draftRepository, type LoadedDraft } from "../../lib/draft-repository";
import { formatDateTime } from "../../lib/format-date";
import { draftNames, lastChangedOf } from "./draft-names";
import { DraftNotFound } from "./draft-not-found";
import type { DraftsLocationState } from "./drafts-page";
import { DRAFTS_PATH, useDraft } from "./use-drafts";

const repository = draftRepository();

/** /drafts/:id/delete — "Are you sure you want to delete this draft?", with Yes and No. */
export function DeleteDraftPage({ id }: { id: string }) {
  const state = useDraft(id);
  if (state.status === "loading") return <LoadingPage />;
  if (state.status === "error") return <LoadFailedPage />;
  if (state.status === "missing") return <DraftNotFound />;
  // Only the person with the PIN may delete a locked draft (or everything, from Settings).
  if (state.entry.status === "locked") return <Navigate to={`/unlock?next=${encodeURIComponent(`/drafts/${id}/delete`)}`} replace />;
  return <DeleteDraftConfirmation id={id} entry={state.entry} />;
}

function DeleteDraftConfirmation({ id, entry }: { id: string; entry: LoadedDraft }) {
  const { t, i18n } = useTranslation("drafts");
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const title = t("delete.title");
  useDocumentTitle(title);

  const names = draftNames(entry, (key, options) => t(key, options), i18n.language);
  const changed = lastChangedOf(entry);

  const confirm = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await repository.remove(id);
    } catch {
      setBusy(false);
      setFailed(true);
      return;
    }
    const state: DraftsLocationState = { deleted: true };
    navigate(DRAFTS_PATH, { state });
  };

  return (
    <>
      <h1 className="heading-l">{title}</h1>
      <div className="inset">
        <p className="body draft-list__title" dir="auto">
          {names.title}
        </p>
        {changed ? <p className="body">{t("card.lastChanged", formatDateTime(changed, i18n.language))}</p> : null}
      </div>
      <p className="warning-text">{t("delete.warning")}</p>
      {failed ? (
        <p className="error-message" role="alert">
          {t("delete.failed")}
        </p>
      ) : null}
      <div className="button-group">
        <button type="button" className="button button--warning" disabled={busy} onClick={() => void confirm()}>
          {t("delete.confirm")}
        </button>
        <Link to={DRAFTS_PATH} className="button-group__link">
          {t("delete.cancel")}
        </Link>
      </div>
    </>
  );
}
