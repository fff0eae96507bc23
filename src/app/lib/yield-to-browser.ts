/**
 * Let the browser have the main thread before the next step: the steps before and after are then
 * tasks of their own rather than one long one, so a tap or a frame never waits for them all
 * (issue 9: a cheap phone's blocking time). `scheduler.yield()` where there is one (it resumes
 * ahead of other tasks), else a new task.
 */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}
