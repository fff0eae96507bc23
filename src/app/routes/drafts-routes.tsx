import { useParams } from "react-router";
import type { DraftRecord } from "../../domain/draft";
import { useCouncil } from "../components/council-provider";
import { LoadFailedPage, LoadingPage } from "../components/status-pages";
import { DeleteDraftPage } from "../features/drafts/delete-draft-page";
import { DraftsPage, type DraftPlace } from "../features/drafts/drafts-page";
import { RenameDraftPage } from "../features/drafts/rename-draft-page";
import { CHECK_STEP, findStep, firstStepId, previousStepId, stepApplies, stepPath } from "../features/wizard/steps";

/**
 * How far a draft got, from the wizard's step table (the drafts feature cannot import the wizard).
 * A saved step that no longer applies (its answers changed in another tab) counts as the one before.
 */
function placeOf(draft: DraftRecord): DraftPlace {
  if (draft.step === CHECK_STEP) return { progress: { kind: "ready" }, path: stepPath(CHECK_STEP) };
  const saved = findStep(draft.step);
  const step = saved && !stepApplies(saved, draft.answers) ? findStep(previousStepId(saved.id, draft.answers)) : saved;
  if (!step || (step.id === firstStepId && Object.keys(draft.answers).length === 0)) {
    return { progress: { kind: "not-started" }, path: stepPath(step?.id ?? firstStepId) };
  }
  return { progress: { kind: "step", titleKey: step.titleKey, context: step.context?.(draft.answers) }, path: stepPath(step.id) };
}

/** /drafts — every draft on this phone. */
export function DraftsRoute() {
  const council = useCouncil();
  if (council.status === "error") return <LoadFailedPage retry={council.retry} />;
  if (council.status === "loading" && !council.preview) return <LoadingPage />;
  // Drawn at build time too: a new draft waits for the council chosen on this device.
  const councilId = council.status === "ready" ? council.council.id : undefined;
  return <DraftsPage placeOf={placeOf} councilId={councilId} firstStepPath={stepPath(firstStepId)} />;
}

/** /drafts/:id/rename */
export function RenameDraftRoute() {
  const { id = "" } = useParams();
  return <RenameDraftPage key={id} id={id} />;
}

/** /drafts/:id/delete */
export function DeleteDraftRoute() {
  const { id = "" } = useParams();
  return <DeleteDraftPage key={id} id={id} />;
}
