import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation, useParams } from "react-router";
import { useCouncil } from "../components/council-provider";
import { LoadFailedPage, LoadingPage, NotFoundPage } from "../components/status-pages";
import { useDocumentTitle } from "../components/use-document-title";
import { CheckAnswersPage } from "../features/wizard/check-answers-page";
import { QuestionPage } from "../features/wizard/question-page";
import { findStep } from "../features/wizard/steps";
import { useCurrentDraft } from "../features/wizard/use-current-draft";

function NoDraftPage() {
  const { t } = useTranslation("check");
  useDocumentTitle(t("noDraft.title"));
  return (
    <>
      <h1 className="heading-l">{t("noDraft.title")}</h1>
      <p className="body">{t("noDraft.body")}</p>
      <p className="body">
        <Link to="/">{t("noDraft.start")}</Link>
      </p>
    </>
  );
}

/** /complaint/:stepId — any question step, or the check answers page. Keyed by step so each loads the draft afresh. */
export function StepRoute() {
  const { stepId } = useParams();
  return <StepPage key={stepId} stepId={stepId} />;
}

function StepPage({ stepId }: { stepId: string | undefined }) {
  const council = useCouncil();
  const { state, reload } = useCurrentDraft();
  const location = useLocation();
  const step = findStep(stepId);
  if (!step && stepId !== "check") return <NotFoundPage />;
  if (state.status === "loading" || council.status === "loading") return <LoadingPage />;
  if (council.status === "error") return <LoadFailedPage retry={council.retry} />;
  if (state.status === "unavailable" || state.status === "needs-checking") return <LoadFailedPage retry={reload} />;
  if (state.status === "none") return <NoDraftPage />;
  if (state.status === "locked") return <Navigate to={`/unlock?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (step) return <QuestionPage key={step.id} step={step} draft={state.draft} council={council.council} />;
  return <CheckAnswersPage draft={state.draft} council={council.council} />;
}
