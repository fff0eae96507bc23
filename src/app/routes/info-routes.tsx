import { useCouncil } from "../components/council-provider";
import { useToday } from "../components/use-today";
import { LoadFailedPage, LoadingPage } from "../components/status-pages";
import type { CouncilSettings } from "../../domain/council";
import { AccessibilityPage } from "../features/info/accessibility-page";
import { GlossaryPage } from "../features/info/glossary-page";
import { PrivacyPage } from "../features/info/privacy-page";
import { WhoSeesAdultsPage, WhoSeesPage } from "../features/info/who-sees-page";
import { WhatHappensPage } from "../features/info/what-happens-page";

/** /what-happens — the stages for the council in settings, with dates counted from today in London. */
export function WhatHappensRoute() {
  const council = useCouncil();
  const today = useToday();
  if (council.status === "error") return <LoadFailedPage retry={council.retry} />;
  const shown = council.status === "ready" ? council.council : council.preview;
  if (!shown) return <LoadingPage />;
  return <WhatHappensPage council={shown} today={today} />;
}

/** /words — the glossary; it needs no council settings, so it works even when they fail to load. */
export function GlossaryRoute() {
  return <GlossaryPage />;
}

/** A page built from the chosen council's settings (the one the complaint goes to). */
function WithCouncil({ render }: { render: (council: CouncilSettings) => React.ReactNode }) {
  const council = useCouncil();
  if (council.status === "error") return <LoadFailedPage retry={council.retry} />;
  const shown = council.status === "ready" ? council.council : council.preview;
  if (!shown) return <LoadingPage />;
  return render(shown);
}

/** /who-sees — who will see what I write, in a child's words; it needs no settings. */
export function WhoSeesRoute() {
  return <WhoSeesPage />;
}

/** /who-sees/adults — the same for parents, carers and advocates. */
export function WhoSeesAdultsRoute() {
  return <WhoSeesAdultsPage />;
}

/** /privacy — the privacy notice of the council the complaint goes to. */
export function PrivacyRoute() {
  return <WithCouncil render={(council) => <PrivacyPage council={council} />} />;
}

/** /accessibility — the accessibility statement, with the council's contact for problems. */
export function AccessibilityRoute() {
  return <WithCouncil render={(council) => <AccessibilityPage council={council} />} />;
}
