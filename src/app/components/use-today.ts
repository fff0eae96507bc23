import { startTransition, useEffect, useState } from "react";
import { todayIso, type IsoDate } from "../../domain/calendar";
import { useDrawnAfterHydration, useFirstRenderDay } from "./first-render";

/**
 * Today in London; on a pre-rendered page, the day it was built until it is on screen. The real
 * day then follows in a transition, which React draws in small slices in later tasks: every visit
 * the day after a build would otherwise draw the whole page a second time in the task that puts it
 * on screen (useSyncExternalStore with the build day as its server answer does that). The day only
 * changes on a new visit to the page.
 */
export function useToday(): IsoDate {
  const builtOn = useFirstRenderDay();
  const drawnAfter = useDrawnAfterHydration();
  const [today, setToday] = useState<IsoDate>(() => (drawnAfter || builtOn === undefined ? todayIso(new Date()) : builtOn));
  useEffect(() => {
    const real = todayIso(new Date());
    if (real !== today) startTransition(() => setToday(real));
    // Checked once, when first on screen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return today;
}
