import { useCouncil } from "../components/council-provider";
import { LoadFailedPage, LoadingPage } from "../components/status-pages";
import { StartPage } from "../features/start/start-page";
import { firstStepId, stepPath } from "../features/wizard/steps";

export function StartRoute() {
  const council = useCouncil();
  if (council.status === "loading") return <LoadingPage />;
  if (council.status === "error") return <LoadFailedPage retry={council.retry} />;
  return <StartPage council={council.council} firstStepPath={stepPath(firstStepId)} />;
}
