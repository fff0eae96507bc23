import { useCouncil } from "../components/council-provider";
import { LoadFailedPage, LoadingPage } from "../components/status-pages";
import { StartPage } from "../features/start/start-page";
import { FIRST_STEP_ID, stepPath } from "../features/wizard/step-paths";

/** / — drawn at build time with the default council, then with the one chosen on this device. */
export function StartRoute() {
  const council = useCouncil();
  if (council.status === "error") return <LoadFailedPage retry={council.retry} />;
  const shown = council.status === "ready" ? council.council : council.preview;
  if (!shown) return <LoadingPage />;
  return <StartPage council={shown} firstStepPath={stepPath(FIRST_STEP_ID)} />;
}
