import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation, useParams } from "react-router";
import { useCouncil } from "../components/council-provider";
import { useDrawnAfterHydration } from "../components/first-render";
import { LoadFailedPage, LoadingPage, NotFoundPage } from "../components/status-pages";
import { useDocumentTitle } from "../components/use-document-title";
import { QuestionPage } from "../features/wizard/question-page";
import { NewComplaintQuestion } from "../features/wizard/new-complaint-question";
import { findStep, firstStepId } from "../features/wizard/steps";
import { useCurrentDraft } from "../features/wizard/use-current-draft";
import { useWaitingToSend } from "../lib/use-outbox";

/**
 * Check your answers, and with it sending (the outbox, the due dates, the server's answers), comes
 * only with that page rather than with every question: a question page opened first downloads and
 * runs less on a cheap phone (issue 9). Usually fetched already (the rest of the app is prefetched
 * once a page has loaded, and precached); while its code runs, the page says it is loading, as it
 * did while the draft was read (the layout's page boundary would show an empty main).
 */
const CheckAnswersPage = lazy(() => import("../features/wizard/check-answers-page").then((module) => ({ default: module.CheckAnswersPage })));

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
  // Whether this page is being hydrated from the HTML drawn at build time (it then draws that first).
  const startedPrerendered = !useDrawnAfterHydration();
  const step = findStep(stepId);
  // A complaint waiting to be sent is not changed by opening a question (Back, an old link, Your
  // drafts): Check your answers says it is waiting, and changing it is a step of its own (bug 4).
  const waitingToSend = useWaitingToSend(state.status === "ready" ? state.draft.id : undefined);
  if (!step && stepId !== "check") return <NotFoundPage />;
  // The first question, unanswered, draws the same for everyone: it is drawn at build time and
  // shown while the draft is read (when the app started on this page), and the first answer starts
  // a complaint when there is none yet. It is drawn afresh only for a draft that has answered it.
  const shownCouncil = council.status === "ready" ? council.council : council.status === "loading" ? council.preview : undefined;
  if (step?.id === firstStepId && shownCouncil) {
    const unanswered =
      state.status === "none" ||
      (state.status === "loading" && startedPrerendered) ||
      (state.status === "ready" && !step.fields.some((field) => state.draft.answers[field.name] !== undefined));
    if (unanswered) {
      return <NewComplaintQuestion key="first" step={step} council={shownCouncil} draft={state.status === "ready" ? state.draft : undefined} />;
    }
  }
  if (state.status === "loading" || council.status === "loading") return <LoadingPage />;
  if (council.status === "error") return <LoadFailedPage retry={council.retry} />;
  if (state.status === "unavailable" || state.status === "needs-checking") return <LoadFailedPage retry={reload} />;
  if (state.status === "none") return <NoDraftPage />;
  if (state.status === "locked") return <Navigate to={`/unlock?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (step && waitingToSend === undefined) return <LoadingPage />;
  if (step && waitingToSend) return <Navigate to="/complaint/check" replace />;
  if (step) return <QuestionPage key={step.id} step={step} draft={state.draft} council={council.council} />;
  return (
    <Suspense fallback={<LoadingPage />}>
      <CheckAnswersPage draft={state.draft} council={council.council} />
    </Suspense>
  );
}
