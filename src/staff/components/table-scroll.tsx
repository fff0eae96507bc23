import type { ReactNode } from "react";

/**
 * A wide table scrolls inside its own box on a narrow screen (never the page). The box can take
 * focus and is named, so keyboard users can scroll it with the arrow keys (WCAG 2.1.1; axe
 * scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard
    <div className="staff-table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
