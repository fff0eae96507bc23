import * as z from "zod";
import { complaintCheckSchema } from "../domain/access-code";
import { complaintSchema } from "../domain/complaint";
import { complaintStates, escalationSchema } from "../domain/progress";
import { acceptedAnswer, accessCodeAnswer, checkAnswer, copyAnswer, errorAnswer, escalationAnswer, reference, statusAnswer } from "../domain/api-answers";
import { staffEventSchema } from "../domain/staff-events";
import { MAX_STAGE } from "../domain/stages";

/*
 * The API described for a council's developer: OpenAPI 3.1, generated from the same zod schemas
 * the server validates with (request bodies from src/domain, answers from the shapes below), and
 * served at /api/v1/openapi.json. Contract tests check every answer against it.
 */

// The person's side of the API: the schemas the phone parses with too.
export { acceptedAnswer, accessCodeAnswer, checkAnswer, copyAnswer, errorAnswer, escalationAnswer, statusAnswer } from "../domain/api-answers";

// The staff API (issue 12; docs/staff-api.md).
const role = z.enum(["officer", "manager"]);
export const staffSessionAnswer = z.object({
  staff: z.object({ id: z.uuid(), email: z.string(), role, councilId: z.string(), councilName: z.string() }),
  /** How long the council keeps a closed complaint; null: not set, nothing is deleted (decision 020). */
  retention: z.object({ value: z.int(), unit: z.enum(["years", "months"]) }).nullable(),
  csrfToken: z.string(),
  expiresAt: z.iso.datetime(),
  idleExpiresAt: z.iso.datetime(),
});
export const challengeAnswer = z.object({ challenge: z.string(), expiresAt: z.iso.datetime() });
export const setupCheckAnswer = z.object({ email: z.string(), councilId: z.string(), councilName: z.string(), role, expiresAt: z.iso.datetime() });
export const setupPasswordAnswer = z.object({ secret: z.string(), otpauthUri: z.string() });
export const setupConfirmAnswer = z.object({ recoveryCodes: z.array(z.string()) });
const account = z.object({ id: z.uuid(), councilId: z.string(), email: z.string(), role, status: z.enum(["invited", "active"]), createdAt: z.iso.datetime() });
export const accountsAnswer = z.object({ accounts: z.array(account) });
export const inviteAnswer = z.object({ account, setupLink: z.string(), setupExpiresAt: z.iso.datetime() });
const nextDue = z.object({ what: z.string(), date: z.iso.date(), estimated: z.boolean() }).nullable();
export const inboxAnswer = z.object({
  items: z.array(
    z.object({
      reference,
      receivedAt: z.iso.datetime(),
      receivedOn: z.iso.date(),
      role: z.string(),
      route: z.string(),
      procedure: z.enum(["statutory", "local"]),
      stage: z.int(),
      lastStage: z.int(),
      state: z.enum(complaintStates),
      nextDue,
      overdue: z.boolean(),
      dueSoon: z.boolean(),
      isNew: z.boolean(),
      /** The sender said someone may be in danger (issue 16): these come first. */
      saysInDanger: z.boolean(),
      /** The language it was written in (issue 14); null from clients that did not say. */
      language: z.string().nullable(),
    }),
  ),
  page: z.int(),
  pageSize: z.int(),
  total: z.int(),
});
const progress = z.object({
  stage: z.int(),
  lastStage: z.int(),
  state: z.enum(complaintStates),
  nextDue,
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  route: z.string(),
  procedure: z.enum(["statutory", "local"]),
  timeline: z.record(z.string(), z.unknown()),
});
const recordedEvent = z.looseObject({
  id: z.uuid(),
  type: z.string(),
  date: z.iso.date(),
  source: z.enum(["staff", "phone"]),
  recordedAt: z.iso.datetime(),
  counts: z.boolean(),
});
/** One notification of a case (issue 13): where it goes and how it is going, never what it carried. */
export const deliveryAnswer = z.object({
  id: z.uuid(),
  event: z.enum(["complaint.received", "escalation.received"]),
  kind: z.enum(["email", "webhook"]),
  receiver: z.string().meta({ description: "The email address or the webhook's address" }),
  urgent: z.boolean(),
  state: z.enum(["pending", "sending", "delivered", "failed"]),
  attempts: z.int(),
  lastAttemptAt: z.iso.datetime().nullable(),
  nextAttemptAt: z.iso.datetime().nullable().meta({ description: "When it is tried next; null unless pending" }),
  deliveredAt: z.iso.datetime().nullable(),
  error: z.string().nullable().meta({ description: "The last attempt's status code or short reason; never a body" }),
});
export const caseAnswer = z.object({
  reference,
  receivedAt: z.iso.datetime(),
  councilId: z.string(),
  complaint: z.record(z.string(), z.unknown()).meta({ description: "Everything the person sent, as the Complaint schema: show it as text, never as HTML" }),
  escalations: z.array(z.record(z.string(), z.unknown())),
  events: z.array(recordedEvent),
  progress,
  deliveries: z.array(deliveryAnswer),
});
export const eventAnswer = z.object({ event: recordedEvent, progress });
export const auditAnswer = z.object({
  items: z.array(
    z.object({
      at: z.iso.datetime(),
      staff: z.object({ id: z.uuid(), email: z.string() }).nullable(),
      action: z.string(),
      reference: reference.optional(),
      detail: z.string().optional(),
    }),
  ),
  page: z.int(),
  pageSize: z.int(),
  total: z.int(),
});

const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const rangeAnswer = { councilId: z.string(), from: z.iso.date(), to: z.iso.date() };
export const complaintsExportAnswer = z.object({ ...rangeAnswer, complaints: z.array(z.record(z.string(), cell)) });
export const eventsExportAnswer = z.object({ ...rangeAnswer, events: z.array(z.record(z.string(), cell)) });
const tallyAnswer = z.record(z.string(), z.int());
const timescaleAnswer = z.object({ metWithoutExtraTime: z.int(), metWithExtraTime: z.int(), notMet: z.int() });
const stepAnswer = z.object({ onTime: z.int(), late: z.int() });
export const reportAnswer = z.object({
  ...rangeAnswer,
  report: z.object({
    total: z.int(),
    stages: z.object({ "1": z.int(), "2": z.int(), "3": z.int() }),
    who: tallyAnswer,
    about: tallyAnswer,
    route: tallyAnswer,
    outcomes: z.object({ "1": tallyAnswer, "2": tallyAnswer, "3": tallyAnswer }),
    timescales: z.object({ "1": timescaleAnswer, "2": timescaleAnswer, "3": timescaleAnswer }),
    stage3Steps: z.object({ panel: stepAnswer, panelReport: stepAnswer, finalResponse: stepAnswer }),
    advocacy: z.object({ offered: z.int(), taken: z.int(), alreadyHad: z.int() }),
    moved: z.object({ otherProcedure: z.int(), otherOrganisation: z.int() }),
    withdrawn: z.int(),
    ombudsman: z.int(),
  }),
});

export const healthAnswer = z.object({ status: z.enum(["ok", "unavailable"]), store: z.enum(["sqlite", "postgres"]) });

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  // Refinements (visible characters, lengths in graphemes, date order) cannot be written in JSON
  // Schema; the server checks them and answers 400 with the field.
  const generated: Record<string, unknown> = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" });
  // The document's dialect (OpenAPI 3.1: JSON Schema 2020-12) applies; no schema names its own.
  delete generated.$schema;
  return generated;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ content: { "application/json": { schema: ref(name) } } });
const error = (description: string) => ({ description, ...json("Error") });

const RATE_LIMITED = {
  description: "Too many requests: wait Retry-After seconds",
  headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait" } },
  ...json("Error"),
};

const referenceParameter = { name: "reference", in: "path", required: true, schema: ref("Reference") };

const body = (schema: Record<string, unknown>) => ({ required: true, content: { "application/json": { schema } } });
const staff = [{ staffSession: [] }];
const staffChange = [{ staffSession: [], csrfToken: [] }];
const NOT_SIGNED_IN = error("No session, or it has ended");
const NO_CSRF = error("A change without the session's x-csrf-token");
const query = (name: string, schema: Record<string, unknown>) => ({ name, in: "query", required: false, schema });

/** The staff API's paths (docs/staff-api.md has the flow and every rule). */
function staffPaths(): Record<string, unknown> {
  const setup = (operationId: string, summary: string, request: Record<string, unknown>, answer: string) => ({
    post: {
      operationId,
      summary,
      requestBody: body(request),
      responses: {
        "200": { description: "OK", ...json(answer) },
        "400": error("Bad input; fields name it"),
        "404": error("The set-up link is unknown, used or out of date"),
        "429": RATE_LIMITED,
      },
    },
  });
  const token = { type: "string" };
  return {
    "/api/v1/staff/setup/check": setup(
      "staffSetupCheck",
      "Whose set-up link this is",
      { type: "object", properties: { token }, required: ["token"] },
      "StaffSetupCheck",
    ),
    "/api/v1/staff/setup/password": setup(
      "staffSetupPassword",
      "Choose a password; get the TOTP secret",
      { type: "object", properties: { token, password: { type: "string", minLength: 12 } }, required: ["token", "password"] },
      "StaffSetupPassword",
    ),
    "/api/v1/staff/setup/confirm": setup(
      "staffSetupConfirm",
      "Confirm the first code; get the recovery codes",
      { type: "object", properties: { token, code: { type: "string" } }, required: ["token", "code"] },
      "StaffSetupConfirm",
    ),
    "/api/v1/staff/sign-in": {
      post: {
        operationId: "staffSignIn",
        summary: "Email and password: a challenge for the second factor",
        requestBody: body({ type: "object", properties: { email: { type: "string" }, password: { type: "string" } }, required: ["email", "password"] }),
        responses: {
          "200": { description: "Now the code", ...json("StaffChallenge") },
          "400": error("Bad input"),
          "401": error("Wrong email or password (the same answer)"),
          "429": RATE_LIMITED,
        },
      },
    },
    "/api/v1/staff/sign-in/second-factor": {
      post: {
        operationId: "staffSecondFactor",
        summary: "A TOTP code or a recovery code: the session (cookie) and its CSRF token",
        requestBody: body({
          type: "object",
          properties: { challenge: { type: "string" }, code: { type: "string" }, recoveryCode: { type: "string" } },
          required: ["challenge"],
        }),
        responses: {
          "200": { description: "Signed in", ...json("StaffSession") },
          "400": error("Bad input"),
          "401": error("Wrong or used code"),
          "429": RATE_LIMITED,
        },
      },
    },
    "/api/v1/staff/session": {
      get: {
        operationId: "staffSession",
        summary: "The session and its CSRF token",
        security: staff,
        responses: { "200": { description: "Signed in", ...json("StaffSession") }, "401": NOT_SIGNED_IN },
      },
    },
    "/api/v1/staff/sign-out": {
      post: {
        operationId: "staffSignOut",
        summary: "End this session",
        security: staffChange,
        responses: { "204": { description: "Signed out" }, "401": NOT_SIGNED_IN, "403": NO_CSRF },
      },
    },
    "/api/v1/staff/sign-out-everywhere": {
      post: {
        operationId: "staffSignOutEverywhere",
        summary: "End every session of this account",
        security: staffChange,
        responses: { "204": { description: "Signed out everywhere" }, "401": NOT_SIGNED_IN, "403": NO_CSRF },
      },
    },
    "/api/v1/staff/accounts": {
      get: {
        operationId: "staffAccounts",
        summary: "The council's staff (managers)",
        security: staff,
        responses: { "200": { description: "Accounts", ...json("StaffAccounts") }, "401": NOT_SIGNED_IN, "403": error("Not a manager") },
      },
      post: {
        operationId: "staffInvite",
        summary: "Invite a person (managers): a set-up link, valid 24 hours",
        security: staffChange,
        requestBody: body({ type: "object", properties: { email: { type: "string" }, role: { enum: ["officer", "manager"] } }, required: ["email", "role"] }),
        responses: {
          "201": { description: "Invited", ...json("StaffInvite") },
          "400": error("Bad input"),
          "401": NOT_SIGNED_IN,
          "403": error("Not a manager, or no CSRF token"),
          "409": error("The email has an account"),
        },
      },
    },
    "/api/v1/staff/accounts/{id}": {
      delete: {
        operationId: "staffRemove",
        summary: "Remove a person of the council (managers); their sessions end",
        security: staffChange,
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        responses: {
          "204": { description: "Removed" },
          "401": NOT_SIGNED_IN,
          "403": error("Not a manager, or no CSRF token"),
          "404": error("No such account in the council"),
          "409": error("Cannot remove yourself"),
        },
      },
    },
    "/api/v1/staff/complaints": {
      get: {
        operationId: "staffInbox",
        summary: "The council's complaints, newest first",
        security: staff,
        parameters: [
          query("stage", { type: "integer", minimum: 1, maximum: MAX_STAGE }),
          query("state", { enum: [...complaintStates] }),
          query("overdue", { const: "true" }),
          query("dueSoon", { const: "true" }),
          query("route", { type: "string" }),
          query("q", { type: "string", description: "A reference or its start" }),
          query("page", { type: "integer", minimum: 1 }),
          query("pageSize", { type: "integer", minimum: 1, maximum: 100 }),
        ],
        responses: { "200": { description: "One page", ...json("StaffInbox") }, "400": error("A bad parameter, named"), "401": NOT_SIGNED_IN },
      },
    },
    "/api/v1/staff/complaints/{reference}": {
      get: {
        operationId: "staffCase",
        summary: "Everything sent, the events and where the complaint is (recorded in the audit trail)",
        security: staff,
        parameters: [referenceParameter],
        responses: {
          "200": { description: "The case", ...json("StaffCase") },
          "400": error("Not a reference"),
          "401": NOT_SIGNED_IN,
          "404": error("No such complaint in the council (another council's answers the same)"),
        },
      },
    },
    "/api/v1/staff/complaints/{reference}/export": {
      get: {
        operationId: "staffExport",
        summary: "The case as a JSON file to keep (recorded in the audit trail as an export)",
        security: staff,
        parameters: [referenceParameter],
        responses: {
          "200": { description: "The case, with Content-Disposition: attachment", ...json("StaffCase") },
          "400": error("Not a reference"),
          "401": NOT_SIGNED_IN,
          "404": error("No such complaint in the council"),
        },
      },
    },
    "/api/v1/staff/complaints/{reference}/events": {
      post: {
        operationId: "staffRecordEvent",
        summary: "Record one event; checked by the shared rules, stored with its effects in one transaction",
        security: staffChange,
        parameters: [referenceParameter],
        requestBody: { required: true, ...json("StaffEvent") },
        responses: {
          "201": { description: "Recorded", ...json("StaffEventRecorded") },
          "400": error("Not a valid event; fields name each problem"),
          "401": NOT_SIGNED_IN,
          "403": NO_CSRF,
          "404": error("No such complaint in the council"),
          "409": error("The rules refuse it now; fields say which field and why"),
        },
      },
    },
    "/api/v1/staff/complaints/{reference}/deliveries/{id}/resend": {
      post: {
        operationId: "staffResendDelivery",
        summary: "Send one of the case's notifications again: due now, retried for 24 hours, same idempotency key (recorded in the audit trail)",
        security: staffChange,
        parameters: [referenceParameter, { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        responses: {
          "202": { description: "Due now", ...json("StaffDeliveryResent") },
          "400": error("Not a reference"),
          "401": NOT_SIGNED_IN,
          "403": NO_CSRF,
          "404": error("No such complaint in the council, or no such notification of it"),
          "409": error("Being sent right now"),
        },
      },
    },
    "/api/v1/staff/audit": {
      get: {
        operationId: "staffAudit",
        summary: "Who viewed or changed what, when (managers; own council)",
        security: staff,
        parameters: [
          query("reference", ref("Reference")),
          query("page", { type: "integer", minimum: 1 }),
          query("pageSize", { type: "integer", minimum: 1, maximum: 100 }),
        ],
        responses: {
          "200": { description: "One page", ...json("StaffAudit") },
          "400": error("A bad parameter"),
          "401": NOT_SIGNED_IN,
          "403": error("Not a manager"),
        },
      },
    },
    ...reportPaths(),
  };
}

/** Exports and the annual report (managers; own council; docs/staff-api.md "Exports and the annual report"). */
function reportPaths(): Record<string, unknown> {
  const range = [
    { name: "from", in: "query", required: true, schema: { type: "string", format: "date" }, description: "First day received (Europe/London), yyyy-mm-dd" },
    { name: "to", in: "query", required: true, schema: { type: "string", format: "date" }, description: "Last day received, inclusive; not before from" },
  ];
  const csv = { "text/csv": { schema: { type: "string", description: "RFC 4180, UTF-8 with a byte-order mark; formula starts neutralised with '" } } };
  const exportPath = (operationId: string, what: string, schema: string) => ({
    get: {
      operationId,
      summary: `${what} of complaints received in the range, streamed as a file (audited with the row count)`,
      security: staff,
      parameters: [...range, query("format", { type: "string", enum: ["csv", "json"], default: "csv" })],
      responses: {
        "200": { description: "The file, with Content-Disposition: attachment", content: { ...csv, ...json(schema).content } },
        "400": error("A bad date, a reversed range or a bad format; fields name it"),
        "401": NOT_SIGNED_IN,
        "403": error("Not a manager"),
      },
    },
  });
  return {
    "/api/v1/staff/exports/complaints": exportPath("staffExportComplaints", "The complaints", "ComplaintsExport"),
    "/api/v1/staff/exports/events": exportPath("staffExportEvents", "Every event (phone requests and staff events)", "EventsExport"),
    "/api/v1/staff/report": {
      get: {
        operationId: "staffAnnualReport",
        summary: "The annual report's counts for complaints received in the range (audited)",
        security: staff,
        parameters: [...range, query("format", { type: "string", enum: ["json", "csv"], default: "json" })],
        responses: {
          "200": { description: "The counts; as CSV (section,row,count) a file to download", content: { ...json("AnnualReport").content, ...csv } },
          "400": error("A bad date, a reversed range or a bad format; fields name it"),
          "401": NOT_SIGNED_IN,
          "403": error("Not a manager"),
        },
      },
    },
  };
}

/** The OpenAPI 3.1 document. */
export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: {
      title: "Speak Up submission API",
      version: "1",
      description: "Complaints about children's social care in England, sent from the Speak Up app. Every error is { error, message, fields? }.",
      license: { name: "Proprietary", identifier: "LicenseRef-Proprietary" },
    },
    servers: [{ url: "/" }],
    security: [],
    paths: {
      "/api/v1/complaints": {
        post: {
          operationId: "sendComplaint",
          summary: "Send a complaint (idempotent on its id)",
          requestBody: { required: true, ...json("Complaint") },
          responses: {
            "201": { description: "Stored", ...json("Accepted") },
            "200": { description: "Already stored with the same body; a new status token replaces the old", ...json("Accepted") },
            "400": error("Not a valid complaint; fields name each problem"),
            "409": error("The id was used for a different complaint"),
            "413": error("Body over 256 KB"),
            "415": error("Not JSON, or sent with a Content-Encoding"),
            "429": RATE_LIMITED,
            "500": error("Something went wrong on the server; send again later"),
          },
        },
      },
      "/api/v1/complaints/{reference}": {
        get: {
          operationId: "getStatus",
          summary: "Where a sent complaint is",
          security: [{ statusToken: [] }],
          parameters: [referenceParameter],
          responses: {
            "200": { description: "The complaint's stage and events", ...json("Status") },
            "400": error("Not a reference"),
            "401": error("No status token"),
            "404": error("No complaint with this reference for this token"),
            "429": RATE_LIMITED,
          },
        },
      },
      "/api/v1/complaints/{reference}/escalations": {
        post: {
          operationId: "askForNextStage",
          summary: "Ask for the next stage (idempotent on its id)",
          security: [{ statusToken: [] }],
          parameters: [referenceParameter],
          requestBody: { required: true, ...json("Escalation") },
          responses: {
            "201": { description: "Stored", ...json("EscalationAccepted") },
            "200": { description: "Already stored with the same body", ...json("EscalationAccepted") },
            "400": error("Not a valid request, or not a reference"),
            "401": error("No status token"),
            "404": error("No complaint with this reference for this token"),
            "409": error("The id was used before, the stage is not the next one, or there is no further stage"),
            "429": RATE_LIMITED,
          },
        },
      },
      ...staffPaths(),
      "/api/v1/complaint-checks": {
        post: {
          operationId: "checkComplaint",
          summary: "Follow a complaint from this device with its reference and access code",
          requestBody: { required: true, ...json("ComplaintCheck") },
          responses: {
            "200": { description: "Found: a new status token for this device (the previous one stops working)", ...json("CheckAnswer") },
            "400": error("The body is not { reference, accessCode } as text"),
            "404": error("We couldn't find that complaint: the same for a wrong code and an unknown reference"),
            "429": RATE_LIMITED,
          },
        },
      },
      "/api/v1/complaints/{reference}/access-code": {
        post: {
          operationId: "changeAccessCode",
          summary: "Make a new access code; the old one stops working",
          security: [{ statusToken: [] }],
          parameters: [referenceParameter],
          responses: {
            "200": { description: "The new access code", ...json("AccessCodeAnswer") },
            "400": error("Not a reference"),
            "401": error("No status token"),
            "404": error("No complaint with this reference for this token"),
            "429": RATE_LIMITED,
          },
        },
      },
      "/api/v1/complaints/{reference}/copy": {
        get: {
          operationId: "getCopy",
          summary: "Exactly what was sent, for a copy to keep",
          security: [{ statusToken: [] }],
          parameters: [referenceParameter],
          responses: {
            "200": { description: "The complaint as it was received", ...json("Copy") },
            "400": error("Not a reference"),
            "401": error("No status token"),
            "404": error("No complaint with this reference for this token"),
            "429": RATE_LIMITED,
          },
        },
      },
      "/api/v1/health": {
        get: {
          operationId: "health",
          summary: "Whether the server and its database answer",
          responses: { "200": { description: "Up", ...json("Health") }, "503": { description: "The database does not answer", ...json("Health") } },
        },
      },
      "/api/v1/openapi.json": {
        get: {
          operationId: "openApi",
          summary: "This document",
          responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    },
    components: {
      securitySchemes: {
        statusToken: { type: "http", scheme: "bearer", description: "The statusToken given when the complaint was sent" },
        staffSession: {
          type: "apiKey",
          in: "cookie",
          name: "__Host-speakup-staff",
          description: "The staff session cookie (speakup-staff on plain http://localhost)",
        },
        csrfToken: { type: "apiKey", in: "header", name: "x-csrf-token", description: "The session's csrfToken, on every change" },
      },
      schemas: {
        Complaint: jsonSchema(complaintSchema, "input"),
        Escalation: jsonSchema(escalationSchema, "input"),
        Reference: jsonSchema(reference, "output"),
        Accepted: jsonSchema(acceptedAnswer, "output"),
        Status: jsonSchema(statusAnswer, "output"),
        EscalationAccepted: jsonSchema(escalationAnswer, "output"),
        Health: jsonSchema(healthAnswer, "output"),
        StaffEvent: jsonSchema(staffEventSchema, "input"),
        StaffSession: jsonSchema(staffSessionAnswer, "output"),
        StaffChallenge: jsonSchema(challengeAnswer, "output"),
        StaffSetupCheck: jsonSchema(setupCheckAnswer, "output"),
        StaffSetupPassword: jsonSchema(setupPasswordAnswer, "output"),
        StaffSetupConfirm: jsonSchema(setupConfirmAnswer, "output"),
        StaffAccounts: jsonSchema(accountsAnswer, "output"),
        StaffInvite: jsonSchema(inviteAnswer, "output"),
        StaffInbox: jsonSchema(inboxAnswer, "output"),
        StaffCase: jsonSchema(caseAnswer, "output"),
        StaffEventRecorded: jsonSchema(eventAnswer, "output"),
        StaffDeliveryResent: jsonSchema(z.object({ delivery: deliveryAnswer }), "output"),
        StaffAudit: jsonSchema(auditAnswer, "output"),
        ComplaintsExport: jsonSchema(complaintsExportAnswer, "output"),
        EventsExport: jsonSchema(eventsExportAnswer, "output"),
        AnnualReport: jsonSchema(reportAnswer, "output"),
        ComplaintCheck: jsonSchema(complaintCheckSchema, "input"),
        CheckAnswer: jsonSchema(checkAnswer, "output"),
        AccessCodeAnswer: jsonSchema(accessCodeAnswer, "output"),
        Copy: jsonSchema(copyAnswer, "output"),
        Error: jsonSchema(errorAnswer, "output"),
      },
    },
  };
}
