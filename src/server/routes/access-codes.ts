import "../../domain/zod-config";
import type { FastifyInstance, onRequestAsyncHookHandler } from "fastify";
import { complaintCheckSchema, normaliseAccessCode, normaliseReference } from "../../domain/access-code";
import { complaintSchema } from "../../domain/complaint";
import { accessCodeMatches, hashAccessCode, newAccessCode } from "../access-code";
import { hashStatusToken, newStatusToken } from "../status-token";
import type { ComplaintStore } from "../storage/complaint-store";
import { authorise, refuse } from "./complaint-status";
import { fieldProblems } from "./complaints";

/*
 * Following a complaint from another device, and a copy of what was sent (issue 15,
 * docs/decisions/015):
 * - POST /api/v1/complaint-checks: reference + access code give this device a fresh status token.
 * - POST /api/v1/complaints/:reference/access-code: a new access code, for the token's holder.
 * - GET  /api/v1/complaints/:reference/copy: exactly what was sent, for the token's holder.
 */

const NOT_FOUND = {
  error: "not-found",
  message: "We couldn't find that complaint. Check the reference and the access code and try again.",
} as const;

export function accessCodeRoutes(
  app: FastifyInstance,
  store: ComplaintStore,
  limits: { complaintCheck: onRequestAsyncHookHandler; complaintStatus: onRequestAsyncHookHandler },
): void {
  app.post("/api/v1/complaint-checks", { preHandler: limits.complaintCheck }, async (request, reply) => {
    // The answer carries a status token: no cache may keep it.
    reply.header("Cache-Control", "no-store");
    const parsed = complaintCheckSchema.safeParse(request.body);
    if (!parsed.success) {
      const fields = fieldProblems(parsed.error);
      return reply.code(400).send({
        error: "invalid-check",
        message: `The request has problems in: ${fields.map((f) => f.field).join(", ")}`,
        fields,
      });
    }
    // A reference or code of the wrong shape is answered like a wrong one, after the same work:
    // nothing says which part was wrong.
    const reference = normaliseReference(parsed.data.reference);
    const code = normaliseAccessCode(parsed.data.accessCode) ?? "";
    const credentials = reference ? await store.findCredentials(reference) : undefined;
    const matches = accessCodeMatches(reference ?? "", code, credentials?.accessCodeHash);
    if (!matches || !credentials || !reference) return reply.code(404).send(NOT_FOUND);

    // This device becomes the one that follows the complaint (decision 006: one token at a time).
    const statusToken = newStatusToken();
    await store.replaceStatusToken(credentials.id, hashStatusToken(statusToken));
    const complaint = await store.findByReference(reference);
    if (!complaint) return reply.code(404).send(NOT_FOUND);
    const answers = complaintSchema.parse(JSON.parse(complaint.body));
    const { id, councilId, schemaVersion, role, eligibility, wantsAdvocate, createdAt, submittedAt } = answers;
    return {
      id: complaint.id,
      reference: complaint.reference,
      councilId: complaint.councilId,
      receivedAt: complaint.receivedAt,
      statusToken,
      // What the phone needs to work out the route and the stages (decision 008), never what was written.
      summary: { id, councilId, schemaVersion, role, eligibility, wantsAdvocate, createdAt, submittedAt },
    };
  });

  app.post<{ Params: { reference: string } }>("/api/v1/complaints/:reference/access-code", { onRequest: limits.complaintStatus }, async (request, reply) => {
    reply.header("Cache-Control", "no-store");
    const found = await authorise(store, request.params.reference, request.headers.authorization);
    if (!found.ok) return refuse(reply, found);
    const accessCode = newAccessCode();
    await store.replaceAccessCode(found.complaint.id, hashAccessCode(found.complaint.reference, accessCode));
    return { reference: found.complaint.reference, accessCode };
  });

  app.get<{ Params: { reference: string } }>("/api/v1/complaints/:reference/copy", { onRequest: limits.complaintStatus }, async (request, reply) => {
    // Everything the person wrote: never kept by a browser or proxy cache.
    reply.header("Cache-Control", "no-store");
    const found = await authorise(store, request.params.reference, request.headers.authorization);
    if (!found.ok) return refuse(reply, found);
    const { complaint } = found;
    return {
      reference: complaint.reference,
      councilId: complaint.councilId,
      receivedAt: complaint.receivedAt,
      complaint: complaintSchema.parse(JSON.parse(complaint.body)),
    };
  });
}
