import {
  localProcedureSchema,
  timescalesSchema,
  UNPUBLISHED_ALLOWED,
  type CouncilSettings,
  type LocalProcedure,
  type Source,
  type Timescales,
} from "./council";

/**
 * What a council's settings differ in from the statutory defaults (issue 13 item 5; `npm run
 * councils:check`). Pure: the script reads the files, this decides what to say about them.
 */

/** The statutory timescales (regs 14–20, docs/domain.md §3): what a council gets unless it says otherwise. */
export const STATUTORY_TIMESCALES: Timescales = timescalesSchema.parse({});

/** Speak Up's default local (non-statutory) procedure: an app default, not a statutory one. */
export const DEFAULT_LOCAL_PROCEDURE: LocalProcedure = localProcedureSchema.parse({ stages: [{ workingDays: 10 }, { workingDays: 20 }] });

export interface Difference {
  field: string;
  value: unknown;
  /** The default it differs from; `undefined` when the law sets none (e.g. acknowledgement). */
  default: unknown;
  /** "statutory" for the Regs' timescales, "app" for Speak Up's own default. */
  kind: "statutory" | "app";
  source?: Source;
}

export interface Gap {
  field: string;
  source?: Source;
}

const TIMESCALE_KEYS = ["acknowledgementWorkingDays", ...(Object.keys(STATUTORY_TIMESCALES) as Array<keyof Timescales>)] as Array<keyof Timescales>;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Every timescale (and the local procedure) that is not the default, in schema order. */
export function differencesFromStatutory(council: CouncilSettings): Difference[] {
  const sources = council.sources ?? {};
  const differences: Difference[] = [];
  for (const key of TIMESCALE_KEYS) {
    const value = council.timescales[key];
    const statutory = STATUTORY_TIMESCALES[key];
    if (!same(value, statutory)) {
      const field = `timescales.${key}`;
      differences.push({ field, value, default: statutory, kind: "statutory", source: sources[field] });
    }
  }
  if (!same(council.localProcedure, DEFAULT_LOCAL_PROCEDURE)) {
    differences.push({ field: "localProcedure", value: council.localProcedure, default: DEFAULT_LOCAL_PROCEDURE, kind: "app", source: sources.localProcedure });
  }
  return differences;
}

/** Settings a live council needs that this one leaves out (each has a sources entry saying why). */
export function unpublishedSettings(council: CouncilSettings): Gap[] {
  const c = council.contact;
  const present: Record<(typeof UNPUBLISHED_ALLOWED)[number], boolean> = {
    contact: Boolean(c.phone ?? c.email ?? c.postalAddress ?? c.webForm),
    "emergency.childrensServices": council.emergency.childrensServices !== undefined,
    "emergency.outOfHours": council.emergency.outOfHours !== undefined,
    privacyNotice: council.privacyNotice !== undefined,
  };
  return UNPUBLISHED_ALLOWED.filter((field) => !present[field]).map((field) => ({ field, source: council.sources?.[field] }));
}

function show(value: unknown): string {
  if (value === undefined) return "none";
  if (typeof value === "object" && value !== null && "stages" in value) {
    return `${(value as LocalProcedure).stages.map((stage) => stage.workingDays).join(" then ")} working days`;
  }
  if (typeof value === "object" && value !== null && "unit" in value && "value" in value) {
    const window = value as { value: number; unit: string };
    return `${window.value} ${window.unit}`;
  }
  return String(value);
}

function cite(source: Source | undefined): string {
  if (!source) return "no source given";
  return `${source.note ? `${source.note}; ` : ""}${source.source}, read ${source.read}`;
}

/** The lines `npm run councils:check` prints for one valid council. */
export function describeCouncil(file: string, council: CouncilSettings): string[] {
  const lines = [`${file}: ${council.name} — valid`];
  const differences = differencesFromStatutory(council);
  if (differences.length === 0) {
    lines.push("  Same as the statutory defaults in every timescale, with the app's default local procedure.");
  } else {
    lines.push("  Differs from the defaults in:");
    for (const d of differences) {
      lines.push(`    - ${d.field}: ${show(d.value)} (${d.kind === "statutory" ? "statutory" : "app default"}: ${show(d.default)}) — ${cite(d.source)}`);
    }
  }
  const gaps = unpublishedSettings(council);
  if (gaps.length > 0) {
    lines.push("  Left out, to be supplied before going live:");
    for (const gap of gaps) lines.push(`    - ${gap.field} — ${cite(gap.source)}`);
  }
  return lines;
}
