import * as z from "zod";
import { REFERENCE_ALPHABET, complaintSchema } from "../domain/complaint";
import { escalationSchema } from "../domain/progress";
import { publicEventSchema } from "../domain/staff-events";
import { timelineEventSchema } from "../domain/timeline";

/*
 * The API described for a council's developer: OpenAPI 3.1, generated from the same zod schemas
 * the server validates with (request bodies from src/domain, answers from the shapes below), and
 * served at /api/v1/openapi.json. Contract tests check every answer against it.
 */

const reference = z.string().regex(new RegExp(`^SU-[${REFERENCE_ALPHABET}]{4}-[${REFERENCE_ALPHABET}]{4}$`));

export const errorAnswer = z.object({
  error: z.string().meta({ description: "A stable code, e.g. invalid-complaint, too-many-requests" }),
  message: z.string().meta({ description: "For a developer: what went wrong" }),
  fields: z.array(z.object({ field: z.string(), key: z.string().meta({ description: "i18n key, e.g. validation:whatHappened.text.required" }) })).optional(),
});

export const acceptedAnswer = z.object({ id: z.uuid(), reference, receivedAt: z.iso.datetime(), statusToken: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

export const statusAnswer = z.object({
  reference,
  councilId: z.string(),
  receivedAt: z.iso.datetime(),
  receivedOn: z.iso.date(),
  procedure: z.enum(["statutory", "local"]),
  stage: z.int().min(1),
  lastStage: z.int().min(1),
  events: z.array(timelineEventSchema),
  /** What the council recorded, only the part the person may see: never names, notes or reasons (decision 012). */
  staffEvents: z.array(publicEventSchema),
  checkedAt: z.iso.datetime(),
});

export const escalationAnswer = z.object({ id: z.uuid(), reference, stage: z.int().min(2), receivedAt: z.iso.datetime() });

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
      "/api/v1/health": {
        get: {
          operationId: "health",
          summary: "Whether the server and its database answer",
          responses: { "200": { description: "Up", ...json("Health") }, "503": { description: "The database does not answer", ...json("Health") } },
        },
      },
      "/api/v1/openapi.json": {
        get: { operationId: "openApi", summary: "This document", responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": { schema: { type: "object" } } } } } },
      },
    },
    components: {
      securitySchemes: { statusToken: { type: "http", scheme: "bearer", description: "The statusToken given when the complaint was sent" } },
      schemas: {
        Complaint: jsonSchema(complaintSchema, "input"),
        Escalation: jsonSchema(escalationSchema, "input"),
        Reference: jsonSchema(reference, "output"),
        Accepted: jsonSchema(acceptedAnswer, "output"),
        Status: jsonSchema(statusAnswer, "output"),
        EscalationAccepted: jsonSchema(escalationAnswer, "output"),
        Health: jsonSchema(healthAnswer, "output"),
        Error: jsonSchema(errorAnswer, "output"),
      },
    },
  };
}
