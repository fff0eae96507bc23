import type { TFunction } from "i18next";
import { Trans } from "react-i18next";
import type { CouncilSettings } from "../../domain/council";
import { PhoneLink } from "./phone-link";

/** The emergency services and Childline (docs/domain.md §5 "Urgent danger"): the same everywhere in England. */
export const EMERGENCY_NUMBER = "999";
export const CHILDLINE_NUMBER = "0800 1111";

/** The words for each line, in the caller's namespace; a line without a key is left out. */
export interface UrgentNumberKeys {
  call999: string;
  childline: string;
  council?: string;
  outOfHours: string;
}

/**
 * Who to call now, as tap-to-call links: 999, Childline and the council's numbers from its
 * settings. One list for the start page, the safety question and Before Send, so a number is
 * never right in one place and wrong in another; each place keeps its own words.
 */
export function UrgentNumbers({
  t,
  keys,
  council,
  values,
}: {
  t: TFunction;
  keys: UrgentNumberKeys;
  council: CouncilSettings;
  /** More values for the words (e.g. i18next's `context`). */
  values?: Record<string, unknown>;
}) {
  // A real council's page may not publish a number (its settings file says so in `sources`);
  // that line is left out, and 999 and Childline are always there.
  const lines: Array<[string | undefined, string | undefined]> = [
    [keys.call999, EMERGENCY_NUMBER],
    [keys.childline, CHILDLINE_NUMBER],
    [keys.council, council.emergency.childrensServices],
    [keys.outOfHours, council.emergency.outOfHours],
  ];
  return (
    <ul className="list">
      {lines.map(([key, number]) =>
        key === undefined || number === undefined ? null : (
          <li key={key}>
            <Trans
              t={t}
              i18nKey={key}
              values={{ council: council.shortName, ...values, phone: number }}
              components={{ phone: <PhoneLink number={number} /> }}
            />
          </li>
        ),
      )}
    </ul>
  );
}
