import "./zod-config";
import * as z from "zod";
import { COUNCIL_ID } from "./council-id";
import { MAX_LOCAL_STAGES } from "./stages";

/**
 * Council settings: one council's contacts, safety numbers, advocacy and timescales.
 * Every timescale is a setting whose default is the statutory value (docs/domain.md, "Decisions";
 * Children Act 1989 Representations Procedure (England) Regulations 2006, regs 14–20).
 * Validation messages are i18n-free on purpose: settings are written by council staff,
 * and a failure must name the field (`formatSettingsError`).
 */

const ukPhone = z
  .string()
  .trim()
  .regex(/^[0-9 +()-]{3,20}$/, "must be a phone number such as 0300 123 4567");

// URL is a DOM/Node global, not ES2022, so addresses are checked by pattern (domain has no DOM types).
const HTTPS_URL = /^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(:\d{1,5})?(\/[^\s]*)?$/i;

const httpsUrl = z.string().trim().regex(HTTPS_URL, "must be a full https:// address");

/** A relative API path on this origin, or an https address of the council's own API. */
const endpoint = z
  .string()
  .trim()
  .refine(
    (value) => (value.startsWith("/") && !value.startsWith("//") && !/\s/.test(value)) || HTTPS_URL.test(value),
    "must be a path on this site (starting with /) or a full https:// address",
  );

/** A webhook: https, or plain http to this machine only (for testing a receiver). */
const LOCAL_HTTP_URL = /^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?(\/[^\s]*)?$/i;
const webhookUrl = z
  .string()
  .trim()
  .refine((value) => HTTPS_URL.test(value) || LOCAL_HTTP_URL.test(value), "must be a full https:// address (http:// only for localhost or 127.0.0.1)");

/**
 * Who the council's complaints team is told by when a complaint or next-stage request arrives
 * (issue 13). Absent: nobody is told, the staff inbox is the only way in. The webhook's secret is
 * never here (this file is public): the deployment sets it (README, "Connecting a council's case system").
 */
export const notificationsSchema = z.strictObject({
  email: z.array(z.email("must be an email address")).min(1).max(10).optional(),
  webhook: z.strictObject({ url: webhookUrl }).optional(),
});
export type Notifications = z.infer<typeof notificationsSchema>;

const workingDays = z.number().int().min(1).max(260);

/** A window in which something must be asked for: Stage 2 and Stage 3 requests (reg 18 [U]). */
export const requestWindowSchema = z.strictObject({
  value: z.number().int().min(1).max(365),
  unit: z.enum(["working-days", "calendar-days"]),
});
export type RequestWindow = z.infer<typeof requestWindowSchema>;

export const stage2ClockStarts = ["request", "agreed-summary"] as const;
export type Stage2ClockStart = (typeof stage2ClockStarts)[number];

/** Statutory timescales, regs 14–20; the defaults are the statutory values from docs/domain.md §3. */
export const timescalesSchema = z
  .strictObject({
    /** No statutory period was found [U]; councils use 2–5 working days. Absent = no promise. */
    acknowledgementWorkingDays: workingDays.optional(),
    stage1TargetWorkingDays: workingDays.default(10),
    stage1MaxWorkingDays: workingDays.default(20),
    stage2RequestWindow: requestWindowSchema.default({ value: 20, unit: "working-days" }),
    stage2TargetWorkingDays: workingDays.default(25),
    stage2MaxWorkingDays: workingDays.default(65),
    stage2ClockStart: z.enum(stage2ClockStarts).default("request"),
    stage3RequestWindow: requestWindowSchema.default({ value: 20, unit: "working-days" }),
    panelMeetingWorkingDays: workingDays.default(30),
    panelReportWorkingDays: workingDays.default(5),
    finalResponseWorkingDays: workingDays.default(15),
    /** Local Government Act 1974 s26B: 12 months, which the Ombudsman may disapply. */
    ombudsmanMonths: z.number().int().min(1).max(36).default(12),
  })
  .superRefine((t, ctx) => {
    if (t.stage1MaxWorkingDays < t.stage1TargetWorkingDays) {
      ctx.addIssue({
        code: "custom",
        path: ["stage1MaxWorkingDays"],
        message: "must be at least stage1TargetWorkingDays",
      });
    }
    if (t.stage2MaxWorkingDays < t.stage2TargetWorkingDays) {
      ctx.addIssue({
        code: "custom",
        path: ["stage2MaxWorkingDays"],
        message: "must be at least stage2TargetWorkingDays",
      });
    }
  });
export type Timescales = z.infer<typeof timescalesSchema>;

const contactPointSchema = z.strictObject({
  phone: ukPhone.optional(),
  email: z.email("must be an email address").optional(),
  postalAddress: z.string().trim().min(1).max(400).optional(),
  webForm: httpsUrl.optional(),
  hours: z.string().trim().max(200).optional(),
});

const advocacyProviderSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  phone: ukPhone.optional(),
  email: z.email("must be an email address").optional(),
  website: httpsUrl.optional(),
});

/**
 * How long a closed complaint is kept: `{ "value": 6, "unit": "years" }` (issue 13 item 4). At
 * most 100 years; a number, so the server can act on it (words were a second source of truth).
 */
export const retentionSchema = z
  .strictObject(
    {
      value: z.number("must be a whole number of years or months, like 6").int("must be a whole number, like 6").min(1, "must be at least 1"),
      unit: z.enum(["years", "months"], 'must be "years" or "months"'),
    },
    'must be like { "value": 6, "unit": "years" } (how long a closed complaint is kept after it was closed)',
  )
  .refine((r) => r.value <= (r.unit === "years" ? 100 : 1200), { message: "must be at most 100 years (1200 months)", path: ["value"] });
export type Retention = z.infer<typeof retentionSchema>;

/**
 * What the council's privacy notice for complaints says (issue 16; UK GDPR arts 13–14). The lawful
 * basis is the council's own wording because the law lets it choose; every part is optional, and
 * the notice says "the council has not said yet" for a missing one rather than guessing.
 */
export const dataProtectionSchema = z.strictObject({
  officer: z
    .strictObject({
      name: z.string().trim().min(1).max(120).optional(),
      email: z.email("must be an email address").optional(),
      phone: ukPhone.optional(),
      postalAddress: z.string().trim().min(1).max(400).optional(),
    })
    .refine((o) => Boolean(o.email ?? o.phone ?? o.postalAddress), "needs at least one of email, phone or postalAddress")
    .optional(),
  lawfulBasis: z.string().trim().min(1).max(1000).optional(),
  /**
   * How long a closed complaint is kept after it was closed (docs/decisions/020): the server's
   * daily job deletes it then, and the privacy notice says it in words from this one value.
   * Absent: nothing is deleted, and the start-up log and the staff area say so.
   */
  retention: retentionSchema.optional(),
});
export type DataProtection = z.infer<typeof dataProtectionSchema>;

/** The council's other (corporate, non-statutory) complaints procedure, e.g. S001's 20 then 25 WD (docs/sources.md). */
export const localProcedureSchema = z.strictObject({
  stages: z
    .array(z.strictObject({ workingDays: workingDays }))
    .min(1)
    .max(MAX_LOCAL_STAGES),
});
export type LocalProcedure = z.infer<typeof localProcedureSchema>;

/**
 * Where each value came from (issue 13 item 5): a map from a setting's path (e.g.
 * `timescales.stage2MaxWorkingDays`, `advocacy.0`) to the page it was read on, the date it was
 * read, and a note, e.g. "not published; statutory default". Shown to no one; `npm run
 * councils:check` prints it beside each difference from the statutory defaults.
 */
export const sourceSchema = z.strictObject({
  source: z.string().trim().min(1).max(400),
  read: z.iso.date("must be a date like 2026-12-01"),
  note: z.string().trim().min(1).max(600).optional(),
});
export type Source = z.infer<typeof sourceSchema>;

/** Each key is checked against the schema below (`isSettingsPath`), so a typo names no setting. */
export const sourcesSchema = z.record(z.string(), sourceSchema);

const councilSettingsObject = z.strictObject({
  id: z.string().regex(COUNCIL_ID, "must be lower-case letters, numbers and dashes"),
  name: z.string().trim().min(1).max(120),
  shortName: z.string().trim().min(1).max(40),
  /** At least one channel, unless `sources.contact` says why there is none (see `UNPUBLISHED_ALLOWED`). */
  contact: contactPointSchema,
  /**
   * docs/domain.md §5: local numbers, shown before any question. Each may be left out only with a
   * `sources` entry saying why (a real council's page that does not publish it); 999 and
   * Childline are still shown.
   */
  emergency: z.strictObject({
    childrensServices: ukPhone.optional(),
    outOfHours: ukPhone.optional(),
  }),
  advocacy: z.array(advocacyProviderSchema).min(1).max(5),
  timescales: timescalesSchema.default(timescalesSchema.parse({})),
  localProcedure: localProcedureSchema.default({
    stages: [{ workingDays: 10 }, { workingDays: 20 }],
  }),
  submission: z.strictObject({ endpoint: endpoint }).default({ endpoint: "/api/v1/complaints" }),
  /** Required unless `sources.privacyNotice` says why it is left out. */
  privacyNotice: httpsUrl.optional(),
  dataProtection: dataProtectionSchema.default({}),
  notifications: notificationsSchema.optional(),
  themeColour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #1d4f91")
    .default("#1d4f91"),
  sources: sourcesSchema.optional(),
});

/**
 * Settings a live council needs but a real council's page may not publish. Each may be left out
 * only when `sources` has an entry for it saying why, so a gap is always a decision someone wrote
 * down, never an accident (issue 13 item 5).
 */
export const UNPUBLISHED_ALLOWED = ["contact", "emergency.childrensServices", "emergency.outOfHours", "privacyNotice"] as const;

export const councilSettingsSchema = councilSettingsObject.superRefine((council, ctx) => {
  const sources = council.sources ?? {};
  const c = council.contact;
  if (!(c.phone ?? c.email ?? c.postalAddress ?? c.webForm) && !sources.contact) {
    ctx.addIssue({ code: "custom", path: ["contact"], message: "needs at least one of phone, email, postalAddress or webForm" });
  }
  const missing: Array<[string, unknown, string]> = [
    ["emergency.childrensServices", council.emergency.childrensServices, "needs a phone number"],
    ["emergency.outOfHours", council.emergency.outOfHours, "needs a phone number"],
    ["privacyNotice", council.privacyNotice, "needs a full https:// address"],
  ];
  for (const [path, value, need] of missing) {
    if (value === undefined && !sources[path]) {
      ctx.addIssue({ code: "custom", path: path.split("."), message: `${need}, or a sources entry saying why it is left out` });
    }
  }
  for (const path of Object.keys(sources)) {
    if (!isSettingsPath(path)) {
      ctx.addIssue({ code: "custom", path: ["sources", path], message: "names no council setting" });
    }
  }
});
export type CouncilSettings = z.infer<typeof councilSettingsSchema>;
export type CouncilSettingsInput = z.input<typeof councilSettingsSchema>;

/** Does `path` (dot-separated, array items by index) name a field of the council settings schema? */
export function isSettingsPath(path: string): boolean {
  let schema: z.core.$ZodType | undefined = councilSettingsObject;
  for (const segment of path.split(".")) {
    schema = schema === undefined ? undefined : childSchema(unwrap(schema), segment);
  }
  return schema !== undefined;
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap() as z.core.$ZodType;
  return current;
}

function childSchema(schema: z.core.$ZodType, segment: string): z.core.$ZodType | undefined {
  if (schema instanceof z.ZodObject) return Object.hasOwn(schema.shape, segment) ? (schema.shape[segment] as z.core.$ZodType) : undefined;
  if (schema instanceof z.ZodArray) return /^\d+$/.test(segment) ? (schema.element as z.core.$ZodType) : undefined;
  return undefined;
}

/** The list of councils this deployment offers (`public/councils/index.json`). */
export const councilIndexSchema = z.strictObject({
  default: z.string(),
  councils: z.array(z.strictObject({ id: z.string(), name: z.string() })).min(1),
});
export type CouncilIndex = z.infer<typeof councilIndexSchema>;

/** Turn a zod error into one line per problem, each naming the field path. */
export function formatSettingsError(source: string, error: z.ZodError): string {
  const lines = error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join(".") : "(top level)";
    return `  - ${path}: ${issue.message}`;
  });
  return `Council settings in ${source} are not valid:\n${lines.join("\n")}`;
}

/** Parse council settings or throw an error whose message names every bad field. */
export function parseCouncilSettings(source: string, data: unknown): CouncilSettings {
  const result = councilSettingsSchema.safeParse(data);
  if (!result.success) throw new Error(formatSettingsError(source, result.error));
  return result.data;
}
