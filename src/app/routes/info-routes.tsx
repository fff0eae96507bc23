import { useSyncExternalStore } from "react";
import { todayIso, type IsoDate } from "../../domain/calendar";
import { useCouncil } from "../components/council-provider";
import { useFirstRenderDay } from "../components/first-render";
import { LoadFailedPage, LoadingPage } from "../components/status-pages";
import { GlossaryPage } from "../features/info/glossary-page";
import { WhatHappensPage } from "../features/info/what-happens-page";

/** The day only changes on a new visit to the page. */
const noChanges = () => () => {};

/** Today in London; on a pre-rendered page, the day it was built until it is on screen. */
function useToday(): IsoDate {
  const builtOn = useFirstRenderDay();
  // The "server" value is what the page was drawn with; React swaps in the real day right after
  // hydrating (and uses the real day at once when the page is drawn in the browser).
  return useSyncExternalStore(
    noChanges,
    () => todayIso(new Date()),
    () => builtOn ?? todayIso(new Date()),
  );
}

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
