import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { SentRecord } from "../lib/db";
import { openLaterChanges, useLaterChangesDraft } from "../lib/use-later-changes";

/** Check your answers, where the kept draft opens (features/wizard/steps.ts' CHECK_STEP). */
const CHECK_ANSWERS_PATH = "/complaint/check";

/**
 * The council got an earlier version of this complaint (it may already have had it when the person
 * changed their answers): say so, and offer the changed answers back, kept as a draft (bug 2).
 */
export function LaterChangesNote({ sent, level = 2 }: { sent: Pick<SentRecord, "laterChangesDraftId" | "reference">; level?: 2 | 4 }) {
  const { t } = useTranslation("complaints");
  const navigate = useNavigate();
  const draftId = useLaterChangesDraft(sent);
  if (draftId === undefined) return null;
  const Heading = level === 2 ? "h2" : "h4";
  return (
    <div className="notice" data-testid="later-changes">
      <Heading className="heading-s">{t("laterChanges.heading")}</Heading>
      <p className="body">{t("laterChanges.body")}</p>
      <p className="body">{t("laterChanges.tell", { reference: sent.reference })}</p>
      <p className="body">
        <button
          type="button"
          className="link-button"
          onClick={() =>
            void openLaterChanges(draftId).then(
              () => navigate(CHECK_ANSWERS_PATH),
              () => undefined,
            )
          }
        >
          {t("laterChanges.open")}
        </button>
      </p>
    </div>
  );
}
