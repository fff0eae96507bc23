import type { ReactNode } from "react";

/** A phone number people can tap to call; the visible text is the number as written. */
export function PhoneLink({ number, children }: { number: string; children?: ReactNode }) {
  return (
    <a className="phone-link" dir="ltr" href={`tel:${number.replace(/[^0-9+]/g, "")}`}>
      {children ?? number}
    </a>
  );
}
