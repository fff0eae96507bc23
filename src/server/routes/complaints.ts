import "../../domain/zod-config";
import { createHash, randomBytes } from "node:crypto";
import type { FastifyInstance, onRequestAsyncHookHandler } from "fastify";
import type * as z from "zod";
import { complaintSchema, referenceFromBytes } from "../../domain/complaint";
import type { CouncilSettings } from "../../domain/council";
import { plannedDeliveries } from "../notifications/worker";
import { hashAccessCode, newAccessCode } from "../access-code";
import { hashStatusToken, newStatusToken } from "../status-token";
import type { ComplaintStore } from "../storage/complaint-store";

export interface FieldProblem {
  /** Dotted path of the field, e.g. `whatHappened.text`; `(body)` for the whole body. */
  field: string;
  /** i18n key from the shared schema, e.g. `validation:whatHappened.text.required`. */
  key: string;
}

/** Turn zod issues into one problem per field, naming unknown fields too. */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      for (const k of issue.keys) {
        problems.push({ field: base ? `${base}.${k}` : k, key: "validation:unknownField" });
      }
      continue;
    }
    problems.push({ field: base || "(body)", key: issue.message.startsWith("validation:") ? issue.message : "validation:invalid" });
  }
  return problems;
}

export function complaintRoutes(
  app: FastifyInstance,
  store: ComplaintStore,
  councils: Map<string, CouncilSettings>,
  rateLimit: onRequestAsyncHookHandler,
): void {
  app.post("/api/v1/complaints", { onRequest: rateLimit }, async (request, reply) => {
    // The answer carries the status token: no cache may keep it.
    reply.header("Cache-Control", "no-store");
    const parsed = complaintSchema.safeParse(request.body);
    if (!parsed.success) {
      const fields = fieldProblems(parsed.error);
      return reply.code(400).send({
        error: "invalid-complaint",
        message: `The complaint has problems in: ${fields.map((f) => f.field).join(", ")}`,
        fields,
      });
    }
    const complaint = parsed.data;
    if (!councils.has(complaint.councilId)) {
      return reply.code(400).send({
        error: "invalid-complaint",
        message: `The complaint has problems in: councilId`,
        fields: [{ field: "councilId", key: "validation:councilId.unknown" }],
      });
    }
    const body = JSON.stringify(complaint);
    // A new token on every accepted send: a resend of the same complaint comes from a device that
    // never got the first answer, so its token replaces the lost one (docs/decisions/006).
    const statusToken = newStatusToken();
    // The access code follows the token: a resend gets a new one too (docs/decisions/015).
    const accessCode = newAccessCode();
    const result = await store.insertComplaint(
      {
        id: complaint.id,
        councilId: complaint.councilId,
        schemaVersion: complaint.schemaVersion,
        body,
        bodyHash: createHash("sha256").update(body).digest("hex"),
        receivedAt: new Date().toISOString(),
        statusTokenHash: hashStatusToken(statusToken),
        accessCodeHash: (reference) => hashAccessCode(reference, accessCode),
        language: complaint.language ?? null,
        // Told to the council's complaints team in the same transaction (issue 13); urgent when the
        // person said someone may be in danger now (issue 16).
        deliveries: plannedDeliveries(councils.get(complaint.councilId), complaint.saysInDanger === true),
      },
      () => referenceFromBytes(randomBytes(8)),
    );
    if (result.kind === "duplicate" && !result.sameBody) {
      return reply.code(409).send({
        error: "id-reused",
        message: "This id was already used for a different complaint. Make a new id for a new complaint.",
        fields: [{ field: "id", key: "validation:id.reused" }],
      });
    }
    return reply.code(result.kind === "created" ? 201 : 200).send({
      id: complaint.id,
      reference: result.reference,
      receivedAt: result.receivedAt,
      statusToken,
      accessCode,
    });
  });
}
