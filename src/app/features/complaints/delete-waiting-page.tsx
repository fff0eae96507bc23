import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { BackLink } from "../../components/back-link";
import { useCouncil } from "../../components/council-provider";
import { LoadingPage } from "../../components/status-pages";
import { useDocumentTitle } from "../../components/use-document-title";
import { formatDateTime } from "../../lib/format-date";
import { outboxRepository } from "../../lib/outbox-repository";
import { useOutboxItem } from "../../lib/use-outbox";
import { COMPLAINTS_PATH } from "./complaints-page";

const outbox = outboxRepository();

/** /complaints/waiting/:id/delete — "Are you sure?" before deleting something that has not been sent. */
export function DeleteWaitingPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation("complaints");
  const navigate = useNavigate();
  const item = useOutboxItem(id);
  const councils = useCouncil();
  const [problem, setProblem] = useState<"sending" | "failed" | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const gone = item !== undefined && item.status !== "waiting";
  useDocumentTitle(gone ? t("deleteWaiting.notFound") : t("deleteWaiting.title"));
  if (item === undefined) return <LoadingPage />;
  if (item.status !== "waiting") {
    return (
      <>
        <BackLink to={COMPLAINTS_PATH} />
        <h1 className="heading-l">{t("deleteWaiting.notFound")}</h1>
        <p className="body">
          <Link to={COMPLAINTS_PATH}>{t("title")}</Link>
        </p>
      </>
    );
  }
  const { record } = item;
  const name =
    record.kind === "complaint"
      ? t("waiting.complaint", {
          council:
            (councils.status === "ready" ? councils.councils.find((c) => c.id === record.payload.councilId)?.name : undefined) ?? record.payload.councilId,
        })
      : t("waiting.escalation", { stage: record.payload.toStage, reference: record.reference });

  const confirm = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const removed = await outbox.remove(id);
      if (!removed) {
        setProblem("sending");
        setBusy(false);
        return;
      }
    } catch {
      setProblem("failed");
      setBusy(false);
      return;
    }
    navigate(COMPLAINTS_PATH, { state: { deleted: true } });
  };

  return (
    <>
      <BackLink to={COMPLAINTS_PATH} />
      <h1 className="heading-l">{t("deleteWaiting.title")}</h1>
      <div className="inset">
        <p className="body draft-list__title">{name}</p>
        <p className="body">{t("waiting.queuedAt", formatDateTime(record.queuedAt, i18n.language))}</p>
      </div>
      <p className="warning-text">{t("deleteWaiting.warning")}</p>
      {problem ? (
        <p className="error-message" role="alert">
          {t(problem === "sending" ? "deleteWaiting.sending" : "deleteWaiting.failed")}
        </p>
      ) : null}
      <div className="button-group">
        <button type="button" className="button button--warning" disabled={busy} onClick={() => void confirm()}>
          {t("deleteWaiting.confirm")}
        </button>
        <Link to={COMPLAINTS_PATH} className="button-group__link">
          {t("deleteWaiting.cancel")}
        </Link>
      </div>
    </>
  );
}
