import type { ReactNode } from "react";

/**
 * A link to another website, for Trans's tags (`<site>…</site>`): Trans fills in the words, so the
 * anchor is written empty here. Opens in the same tab, as GOV.UK advises for most links.
 */
export function ExternalLink({ href, children }: { href: string; children?: ReactNode }) {
  return <a href={href}>{children}</a>;
}
