import "./zod-config";
import * as z from "zod";
import { ACCESS_CODE_ALPHABET, ACCESS_CODE_LENGTH } from "./access-code";
import { REFERENCE_ALPHABET } from "./complaint";
import { publicEventSchema } from "./staff-events";
import { timelineEventSchema } from "./timeline";

/*
 * What the server answers the person's phone, as schemas (issue 11): the server's OpenAPI document
 * (src/server/openapi.ts) is generated from them and its contract tests check every answer against
 * them, and the phone's API client (src/app/lib/api-client.ts) parses every answer with them,
 * allowing only what older servers left out.
 */

export const reference = z.string().regex(new RegExp(`^SU-[${REFERENCE_ALPHABET}]{4}-[${REFERENCE_ALPHABET}]{4}$`));

export const errorAnswer = z.object({
  error: z.string().meta({ description: "A stable code, e.g. invalid-complaint, too-many-requests" }),
  message: z.string().meta({ description: "For a developer: what went wrong" }),
  fields: z.array(z.object({ field: z.string(), key: z.string().meta({ description: "i18n key, e.g. validation:whatHappened.text.required" }) })).optional(),
});

export const statusToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
export const accessCode = z.string().regex(new RegExp(`^[${ACCESS_CODE_ALPHABET}]{${ACCESS_CODE_LENGTH}}$`));

export const acceptedAnswer = z.object({
  id: z.uuid(),
  reference,
  receivedAt: z.iso.datetime({ offset: true }),
  statusToken,
  accessCode: accessCode.meta({ description: "For the person to write down: with the reference it follows the complaint from another device" }),
});

/** Check a complaint (decision 015): a fresh token, and the answers that work out the route, never what was written. */
export const checkAnswer = z.object({
  id: z.uuid(),
  reference,
  councilId: z.string(),
  receivedAt: z.iso.datetime({ offset: true }),
  statusToken,
  summary: z.object({}).catchall(z.unknown()).meta({ description: "id, councilId, schemaVersion, role, eligibility, wantsAdvocate, createdAt, submittedAt" }),
});

export const accessCodeAnswer = z.object({ reference, accessCode });

export const copyAnswer = z.object({
  reference,
  councilId: z.string(),
  receivedAt: z.iso.datetime({ offset: true }),
  complaint: z.object({}).catchall(z.unknown()),
});

export const statusAnswer = z.object({
  reference,
  councilId: z.string(),
  receivedAt: z.iso.datetime({ offset: true }),
  receivedOn: z.iso.date(),
  procedure: z.enum(["statutory", "local"]),
  stage: z.int().min(1),
  lastStage: z.int().min(1),
  events: z.array(timelineEventSchema),
  /** What the council recorded, only the part the person may see: never names, notes or reasons (decision 012). */
  staffEvents: z.array(publicEventSchema),
  checkedAt: z.iso.datetime({ offset: true }),
});

export const escalationAnswer = z.object({ id: z.uuid(), reference, stage: z.int().min(2), receivedAt: z.iso.datetime({ offset: true }) });
