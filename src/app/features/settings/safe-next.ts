/** Only paths inside the app, so `?next=` can't send anyone elsewhere. */
export function safeNext(next: string | null): string | undefined {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : undefined;
}
