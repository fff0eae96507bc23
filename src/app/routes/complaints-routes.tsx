import { useEffect, useState } from "react";
import type { ReactNode } from "react";
import { Navigate, useLocation, useParams } from "react-router";
import type { CouncilSettings } from "../../domain/council";
import { useCouncil } from "../components/council-provider";
import { usePinLock } from "../components/use-pin-lock";
import { LoadFailedPage, LoadingPage } from "../components/status-pages";
import { ComplaintNotFound, ComplaintPage } from "../features/complaints/complaint-page";
import { CheckPage } from "../features/complaints/check-page";
import { ComplaintsPage } from "../features/complaints/complaints-page";
import { CopyPage } from "../features/complaints/copy-page";
import { DeleteWaitingPage } from "../features/complaints/delete-waiting-page";
import { NextStagePage } from "../features/complaints/next-stage-page";
import { ConfirmationNotFound, ConfirmationPage } from "../features/wizard/confirmation-page";
import { loadCouncil } from "../lib/council-settings";
import type { OutboxEscalation, SentRecord } from "../lib/db";
import { useOutbox } from "../lib/use-outbox";

/**
 * With a PIN set, Your complaints (and the confirmation page, which shows the same) opens only
 * when unlocked, like the drafts: on a shared phone nobody else can see what was sent or ask for
 * the next stage in the person's name.
 */
function UnlockedOnly({ children }: { children: ReactNode }) {
  const lock = usePinLock();
  const location = useLocation();
  if (lock.enabled === undefined) return <LoadingPage />;
  if (lock.enabled && !lock.unlocked) return <Navigate to={`/unlock?next=${encodeURIComponent(location.pathname)}`} replace />;
  return children;
}

/** /complaints */
export function ComplaintsRoute() {
  return (
    <UnlockedOnly>
      <Complaints />
    </UnlockedOnly>
  );
}

function Complaints() {
  const council = useCouncil();
  if (council.status === "loading") return <LoadingPage />;
  if (council.status === "error") return <LoadFailedPage retry={council.retry} />;
  const names = new Map(council.councils.map((c) => [c.id, c.name] as const));
  return <ComplaintsPage council={council.council} councilNames={names} />;
}

/** /complaints/waiting/:id/delete */
export function DeleteWaitingRoute() {
  const { id = "" } = useParams();
  return (
    <UnlockedOnly>
      <DeleteWaitingPage key={id} id={id} />
    </UnlockedOnly>
  );
}

/** A sent complaint, the settings of the council it went to, and its request for the next stage if one is in the outbox. */
export interface SentComplaint {
  sent: SentRecord;
  council: CouncilSettings;
  request: OutboxEscalation | undefined;
}

type Loaded = { status: "loading" } | { status: "missing" } | { status: "error" } | ({ status: "ready" } & SentComplaint);

/** The sent complaint and what waits for it in the outbox (live, so a new status, stage or send shows at once). */
function useSentComplaint(reference: string): Loaded {
  const current = useCouncil();
  const view = useOutbox();
  const sent = view?.status === "ok" ? view.sent.find((s) => s.reference === reference) : undefined;
  const request =
    view?.status === "ok" && sent ? view.waiting.find((r): r is OutboxEscalation => r.kind === "escalation" && r.complaintId === sent.id) : undefined;
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
  if (!needsOther) return { status: "ready", sent, council: current.council, request };
  if (other?.id !== councilId) return { status: "loading" };
  return other.council ? { status: "ready", sent, council: other.council, request } : { status: "error" };
}

interface SentComplaintPageProps {
  page: (props: SentComplaint) => ReactNode;
  /** What to show when this phone holds no complaint with that reference. */
  missing?: () => ReactNode;
}

/** A page about one sent complaint: unlocked first, then loading, a problem, not found, or the page. */
function SentComplaintRoute(props: SentComplaintPageProps) {
  return (
    <UnlockedOnly>
      <SentComplaintPage {...props} />
    </UnlockedOnly>
  );
}

function SentComplaintPage({ page: Page, missing: Missing = ComplaintNotFound }: SentComplaintPageProps) {
  const { reference = "" } = useParams();
  const loaded = useSentComplaint(reference);
  if (loaded.status === "loading") return <LoadingPage />;
  if (loaded.status === "error") return <LoadFailedPage />;
  if (loaded.status === "missing") return <Missing />;
  return <Page key={loaded.sent.id} sent={loaded.sent} council={loaded.council} request={loaded.request} />;
}

/** /complaints/:reference */
export function ComplaintRoute() {
  return <SentComplaintRoute page={ComplaintPage} />;
}

/** /complaints/:reference/next-stage */
export function NextStageRoute() {
  return <SentComplaintRoute page={NextStagePage} />;
}

/**
 * /complaint/sent/:reference — with the council the complaint went to (its councilId), not the one
 * chosen now: after Change council its dates, name and advocates would otherwise be wrong.
 */
export function ConfirmationRoute() {
  return <SentComplaintRoute page={ConfirmationPage} missing={ConfirmationNotFound} />;
}

/** /complaints/:reference/copy — Save a copy (issue 15). */
export function CopyRoute() {
  return <SentComplaintRoute page={CopyPage} />;
}

/**
 * /check — Check a complaint with its reference and access code (issue 15). Behind the PIN like
 * Your complaints, since what it finds is added there.
 */
export function CheckRoute() {
  return (
    <UnlockedOnly>
      <CheckPage />
    </UnlockedOnly>
  );
}
