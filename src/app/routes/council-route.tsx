import { useCouncil } from "../components/council-provider";
import { LoadFailedPage, LoadingPage } from "../components/status-pages";
import { CouncilPage } from "../features/start/council-page";

/** /council — choose the council the complaint goes to; the choice is remembered on this device. */
export function CouncilRoute() {
  const council = useCouncil();
  if (council.status === "loading") return <LoadingPage />;
  if (council.status === "error") return <LoadFailedPage retry={council.retry} />;
  return <CouncilPage councils={council.councils} chosenId={council.chosenId} choose={council.chooseCouncil} />;
}
