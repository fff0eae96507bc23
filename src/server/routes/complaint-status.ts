import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, onRequestAsyncHookHandler } from "fastify";
import { todayIso, type IsoDate } from "../../domain/calendar";
import { complaintSchema, referenceSchema } from "../../domain/complaint";
import type { CouncilSettings } from "../../domain/council";
import { timescalesSchema } from "../../domain/council";
import { complaintProgress, escalationProblemKeys, escalationSchema, procedureFor, replyDateProblem } from "../../domain/progress";
import type { KnownEvent, PublicEvent } from "../../domain/staff-events";
import type { Procedure, TimelineEvent } from "../../domain/timeline";
import { plannedDeliveries, saysInDanger } from "../notifications/worker";
import { caseContext, knownEvents, listStaffEvents, progressFor, saveSummary } from "../staff/cases";
import { bearerToken, tokenMatches } from "../status-token";
import type { ComplaintStore, StoredComplaint, StoredEscalation } from "../storage/complaint-store";
import { fieldProblems, type FieldProblem } from "./complaints";

/*
 * "My complaints": where a sent complaint is (GET) and asking for the next stage (POST), both only
 * for the device holding the complaint's status token (docs/decisions/006).
 */

interface ErrorBody {
  error: string;
  message: string;
  fields?: FieldProblem[];
}

export type Authorised = { ok: true; complaint: StoredComplaint } | { ok: false; status: 400 | 401 | 404; body: ErrorBody };

/** Check the reference and the token. An unknown reference and a wrong token get the same 404. */
export async function authorise(store: ComplaintStore, reference: string, authorization: string | undefined): Promise<Authorised> {
  if (!referenceSchema.safeParse(reference).success) {
    return {
      ok: false,
      status: 400,
      body: {
        error: "invalid-reference",
        message: "This is not a complaint reference. References look like SU-7KQ4-M9XD.",
        fields: [{ field: "reference", key: "validation:reference.format" }],
      },
    };
  }
  const token = bearerToken(authorization);
  if (token === undefined) {
    return {
      ok: false,
      status: 401,
      body: {
        error: "token-missing",
        message: "Send the status token you were given when the complaint was sent, as Authorization: Bearer <token>.",
      },
    };
  }
  // Only the hash is read before the token is checked, and compared even when there is no
  // complaint: a wrong token costs the same whether the reference exists or its body is large.
  const credentials = await store.findCredentials(reference);
  const matches = tokenMatches(token, credentials?.statusTokenHash);
  const complaint = matches ? await store.findByReference(reference) : undefined;
  if (!matches || complaint === undefined) {
    return {
      ok: false,
      status: 404,
      body: { error: "not-found", message: "There is no complaint with this reference for this status token." },
    };
  }
  return { ok: true, complaint };
}

/** The statutory timescales, for a council taken out of this deployment's settings. */
const DEFAULT_TIMESCALES = timescalesSchema.parse({});

/** The staff inbox's row for the complaint, after the phone moved it on (src/server/staff/cases.ts). */
async function refreshSummary(store: ComplaintStore, complaint: StoredComplaint, councils: Map<string, CouncilSettings>): Promise<void> {
  const ctx = caseContext(complaint, councils);
  const events = knownEvents(await store.listEscalations(complaint.id), await listStaffEvents(store.sql, complaint.id));
  await saveSummary(store.sql, ctx, progressFor(ctx, events));
}

export function refuse(reply: FastifyReply, refusal: Extract<Authorised, { ok: false }>): FastifyReply {
  // RFC 6750 §3: a 401 names the scheme the client should use.
  if (refusal.status === 401) reply.header("WWW-Authenticate", "Bearer");
  return reply.code(refusal.status).send(refusal.body);
}

interface Progress {
  receivedOn: IsoDate;
  procedure: Procedure;
  stage: number;
  lastStage: number;
  events: TimelineEvent[];
  publicEvents: PublicEvent[];
}

/** Where the complaint is, from what was stored: complaintProgress in src/domain/progress.ts. */
function progressOf(complaint: StoredComplaint, events: readonly KnownEvent[], councils: Map<string, CouncilSettings>): Progress {
  // Parse, never cast: the body was validated when it was stored, so a failure here is a bug (500).
  const answers = complaintSchema.parse(JSON.parse(complaint.body));
  const council = councils.get(complaint.councilId);
  // A council taken out of this deployment's settings leaves its complaints on the statutory stages.
  const procedure: Procedure = council ? procedureFor(answers, council) : { kind: "statutory" };
  const receivedOn = todayIso(new Date(complaint.receivedAt));
  const progress = complaintProgress({
    receivedOn,
    procedure,
    timescales: council?.timescales ?? DEFAULT_TIMESCALES,
    events,
    today: todayIso(new Date()),
  });
  return {
    receivedOn,
    procedure,
    stage: progress.stage,
    lastStage: progress.lastStage,
    events: progress.timelineEvents,
    publicEvents: progress.publicEvents,
  };
}

export function complaintStatusRoutes(
  app: FastifyInstance,
  store: ComplaintStore,
  councils: Map<string, CouncilSettings>,
  rateLimit: onRequestAsyncHookHandler,
): void {
  app.get<{ Params: { reference: string } }>("/api/v1/complaints/:reference", { onRequest: rateLimit }, async (request, reply) => {
    // A status is personal and changes: never kept by a browser or proxy cache.
    reply.header("Cache-Control", "no-store");
    const found = await authorise(store, request.params.reference, request.headers.authorization);
    if (!found.ok) return refuse(reply, found);
    const { complaint } = found;
    const escalations = await store.listEscalations(complaint.id);
    const events = knownEvents(escalations, await listStaffEvents(store.sql, complaint.id));
    const progress = progressOf(complaint, events, councils);
    return {
      reference: complaint.reference,
      councilId: complaint.councilId,
      receivedAt: complaint.receivedAt,
      receivedOn: progress.receivedOn,
      procedure: progress.procedure.kind,
      stage: progress.stage,
      lastStage: progress.lastStage,
      events: progress.events,
      // What the council recorded, only the part the person may see (docs/decisions/012).
      staffEvents: progress.publicEvents,
      checkedAt: new Date().toISOString(),
    };
  });

  app.post<{ Params: { reference: string } }>("/api/v1/complaints/:reference/escalations", { onRequest: rateLimit }, async (request, reply) => {
    reply.header("Cache-Control", "no-store");
    const found = await authorise(store, request.params.reference, request.headers.authorization);
    if (!found.ok) return refuse(reply, found);
    const { complaint } = found;

    const parsed = escalationSchema.safeParse(request.body);
    if (!parsed.success) {
      const fields = fieldProblems(parsed.error);
      return reply.code(400).send({
        error: "invalid-escalation",
        message: `The request has problems in: ${fields.map((f) => f.field).join(", ")}`,
        fields,
      });
    }
    const asked = parsed.data;
    const body = JSON.stringify(asked);
    const bodyHash = createHash("sha256").update(body).digest("hex");
    const accepted = (status: 200 | 201, stored: StoredEscalation) =>
      reply.code(status).send({ id: asked.id, reference: complaint.reference, stage: stored.toStage, receivedAt: stored.receivedAt });
    const idReused = () =>
      reply.code(409).send({
        error: "id-reused",
        message: "This id was already used for a different request. Make a new id for a new request.",
        fields: [{ field: "id", key: escalationProblemKeys.idReused }],
      });

    const escalations = await store.listEscalations(complaint.id);
    // A resend of a request already stored is answered as the first time, wherever the complaint is now.
    // PostgreSQL gives UUIDs back in lower case.
    const earlier = escalations.find((e) => e.id.toLowerCase() === asked.id.toLowerCase());
    if (earlier) return earlier.bodyHash === bodyHash ? accepted(200, earlier) : idReused();

    const progress = progressOf(complaint, knownEvents(escalations, await listStaffEvents(store.sql, complaint.id)), councils);
    const stageNotNext = (stage: number) =>
      reply.code(409).send({
        error: "stage-not-next",
        message:
          `This complaint is at stage ${stage}` +
          (stage < progress.lastStage ? `, so the next stage to ask for is stage ${stage + 1}.` : `, its last stage.`) +
          ` It may have been moved on from another device.`,
        fields: [{ field: "toStage", key: escalationProblemKeys.stageNotNext }],
      });
    if (asked.toStage > progress.lastStage) {
      return reply.code(409).send({
        error: "no-further-stage",
        message:
          `This complaint's procedure has ${progress.lastStage} stages, so there is no stage ${asked.toStage}. ` +
          `After the last stage, the next step is the Local Government and Social Care Ombudsman.`,
        fields: [{ field: "toStage", key: escalationProblemKeys.noFurtherStage }],
      });
    }
    if (asked.toStage !== progress.stage + 1) return stageNotNext(progress.stage);

    const now = new Date();
    if (asked.replyReceivedOn !== undefined) {
      const problem = replyDateProblem(asked.replyReceivedOn, { receivedOn: progress.receivedOn, today: todayIso(now) });
      if (problem !== undefined) {
        return reply.code(400).send({
          error: "invalid-escalation",
          message:
            problem === escalationProblemKeys.replyInFuture
              ? "The request has problems in: replyReceivedOn (it is after today)"
              : `The request has problems in: replyReceivedOn (it is before the complaint was received on ${progress.receivedOn})`,
          fields: [{ field: "replyReceivedOn", key: problem }],
        });
      }
    }

    const result = await store.insertEscalation({
      id: asked.id,
      complaintId: complaint.id,
      toStage: asked.toStage,
      body,
      bodyHash,
      replyReceivedOn: asked.replyReceivedOn ?? null,
      receivedAt: now.toISOString(),
      deliveries: plannedDeliveries(councils.get(complaint.councilId), saysInDanger(complaint.body)),
    });
    switch (result.kind) {
      case "created":
        await refreshSummary(store, complaint, councils);
        return accepted(201, result.escalation);
      case "duplicate":
        return accepted(200, result.escalation);
      case "id-reused":
        return idReused();
      case "stage-taken":
        // Another device asked for this stage between our read and our write.
        return stageNotNext(Math.max(result.escalation.toStage, ...(await store.listEscalations(complaint.id)).map((e) => e.toStage)));
    }
  });
}
