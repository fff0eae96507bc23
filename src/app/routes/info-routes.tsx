import { todayIso } from "../../domain/calendar";
import { useCouncil } from "../components/council-provider";
import { LoadFailedPage, LoadingPage } from "../components/status-pages";
import { GlossaryPage } from "../features/info/glossary-page";
import { WhatHappensPage } from "../features/info/what-happens-page";

/** /what-happens — the stages for the council in settings, with dates counted from today in London. */
export function WhatHappensRoute() {
  const council = useCouncil();
  if (council.status === "loading") return <LoadingPage />;
  if (council.status === "error") return <LoadFailedPage retry={council.retry} />;
  return <WhatHappensPage council={council.council} today={todayIso(new Date())} />;
}

/** /words — the glossary; it needs no council settings, so it works even when they fail to load. */
export function GlossaryRoute() {
  return <GlossaryPage />;
}
