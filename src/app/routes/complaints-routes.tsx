import { useEffect, useState } from "react";
import { useParams } from "react-router";
import type { CouncilSettings } from "../../domain/council";
import { useCouncil } from "../components/council-provider";
import { LoadFailedPage, LoadingPage } from "../components/status-pages";
import { ComplaintNotFound, ComplaintPage } from "../features/complaints/complaint-page";
import { ComplaintsPage } from "../features/complaints/complaints-page";
import { DeleteWaitingPage } from "../features/complaints/delete-waiting-page";
import { NextStagePage } from "../features/complaints/next-stage-page";
import { loadCouncil } from "../lib/council-settings";
import type { SentRecord } from "../lib/db";
import { useOutbox } from "../lib/use-outbox";


/** /complaints */
export function ComplaintsRoute() {
  const council = useCouncil();
  if (council.status === "loading") return <LoadingPage />;
  if (council.status === "error") return <LoadFailedPage retry={council.retry} />;
  const names = new Map(council.councils.map((c) => [c.id, c.name] as const));
  return <ComplaintsPage council={council.council} councilNames={names} />;
}

/** /complaints/waiting/:id/delete */
export function DeleteWaitingRoute() {
  const { id = "" } = useParams();
  return <DeleteWaitingPage key={id} id={id} />;
}

type Loaded = { status: "loading" } | { status: "missing" } | { status: "error" } | { status: "ready"; sent: SentRecord; council: CouncilSettings };

/** The sent complaint (live, so a new status or stage shows at once) and the settings of the council it went to. */
function useSentComplaint(reference: string): Loaded {
  const current = useCouncil();
  const view = useOutbox();
  const sent = view?.status === "ok" ? view.sent.find((s) => s.reference === reference) : undefined;
  const councilId = sent?.councilId;
  const [other, setOther] = useState<{ id: string; council?: CouncilSettings; failed?: boolean } | undefined>(undefined);
  const needsOther = councilId !== undefined && current.status === "ready" && current.council.id !== councilId;
  useEffect(() => {
    if (!needsOther || !councilId) return;
    let cancelled = false;
    loadCouncil(councilId).then(
      (council) => !cancelled && setOther({ id: councilId, council }),
      () => !cancelled && setOther({ id: councilId, failed: true }),
    );
    return () => {
      cancelled = true;
    };
  }, [needsOther, councilId]);
  if (view === undefined || current.status === "loading") return { status: "loading" };
  if (view.status === "unavailable" || current.status === "error") return { status: "error" };
  if (!sent) return { status: "missing" };
  if (!needsOther) return { status: "ready", sent, council: current.council };
  if (other?.id !== councilId) return { status: "loading" };
  return other.council ? { status: "ready", sent, council: other.council } : { status: "error" };
}

/** /complaints/:reference */
export function ComplaintRoute() {
  const { reference = "" } = useParams();
  const loaded = useSentComplaint(reference);
  if (loaded.status === "loading") return <LoadingPage />;
  if (loaded.status === "error") return <LoadFailedPage />;
  if (loaded.status === "missing") return <ComplaintNotFound />;
  return <ComplaintPage key={loaded.sent.id} sent={loaded.sent} council={loaded.council} />;
}

/** /complaints/:reference/next-stage */
export function NextStageRoute() {
  const { reference = "" } = useParams();
  const loaded = useSentComplaint(reference);
  if (loaded.status === "loading") return <LoadingPage />;
  if (loaded.status === "error") return <LoadFailedPage />;
  if (loaded.status === "missing") return <ComplaintNotFound />;
  return <NextStagePage key={loaded.sent.id} sent={loaded.sent} council={loaded.council} />;
}

