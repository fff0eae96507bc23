import { resolve } from "node:path";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import fixture from "../../test/fixtures/complaint.valid.json" with { type: "json" };
import { testStores } from "../../test/setup/stores";
import { todayIso } from "../domain/calendar";
import { computeTimeline } from "../domain/timeline";
import { buildApp } from "./app";
import { loadCouncils } from "./councils";
import { BODY_LIMIT_BYTES } from "./json-body";
import type { ComplaintStore } from "./storage/complaint-store";

const councils = loadCouncils(resolve(import.meta.dirname, "../../public/councils"));
const json = { "content-type": "application/json" };

/** Riverside has a two-stage local procedure; a parent's child-protection complaint follows it. */
const LOCAL_COUNCIL = "riverside";
const localAnswers = {
  councilId: LOCAL_COUNCIL,
  role: "parent",
  eligibility: { childSituation: "child-in-need", topics: ["child-protection"] },
};

interface Sent {
  id: string;
  reference: string;
  receivedAt: string;
  statusToken: string;
}

interface Status {
  reference: string;
  councilId: string;
  receivedAt: string;
  receivedOn: string;
  procedure: "statutory" | "local";
  stage: number;
  lastStage: number;
  events: Array<Record<string, unknown>>;
  checkedAt: string;
}

function validComplaint(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...structuredClone(fixture), id: crypto.randomUUID(), ...overrides };
}

function validEscalation(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: crypto.randomUUID(),
    schemaVersion: 1,
    toStage: 2,
    why: "The reply did not say when I can see my brother again.",
    submittedAt: new Date().toISOString(),
    ...overrides,
  };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function getStatus(reference: string, headers: Record<string, string>): InjectOptions {
  return { method: "GET", url: `/api/v1/complaints/${reference}`, headers };
}

function postEscalation(reference: string, headers: Record<string, string>, payload: unknown): InjectOptions {
  return {
    method: "POST",
    url: `/api/v1/complaints/${reference}/escalations`,
    headers: { ...json, ...headers },
    payload: typeof payload === "string" ? payload : JSON.stringify(payload),
  };
}

function nested(levels: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < levels; i++) value = { deeper: value };
  return value;
}

describe.each(testStores())("status and next stage over HTTP: $name", ({ open }) => {
  let store: ComplaintStore;
  let cleanup: () => Promise<void>;
  let app: FastifyInstance;

  beforeEach(async () => {
    ({ store, cleanup } = await open());
    app = await buildApp({ store, councils });
  });
  afterEach(async () => {
    await app.close();
    await cleanup();
  });

  async function send(overrides: Record<string, unknown> = {}): Promise<Sent & { complaint: Record<string, unknown> }> {
    const complaint = validComplaint(overrides);
    const response = await app.inject({ method: "POST", url: "/api/v1/complaints", headers: json, payload: JSON.stringify(complaint) });
    expect(response.statusCode).toBe(201);
    return { ...response.json<Sent>(), complaint };
  }

  async function status(sent: Pick<Sent, "reference" | "statusToken">): Promise<Status> {
    const response = await app.inject(getStatus(sent.reference, bearer(sent.statusToken)));
    expect(response.statusCode).toBe(200);
    return response.json<Status>();
  }

  async function escalate(sent: Sent, body: Record<string, unknown>): Promise<LightMyRequestResponse> {
    return app.inject(postEscalation(sent.reference, bearer(sent.statusToken), body));
  }

  /** Rows in both tables, to show a refused request wrote nothing. */
  async function rows(): Promise<{ complaints: number; escalations: number }> {
    return { complaints: await store.countComplaints(), escalations: await store.countEscalations() };
  }

  describe("GET /api/v1/complaints/:reference", () => {
    it("answers the sender's token with where the complaint is, never to be cached", async () => {
      const sent = await send();
      const before = Date.now();
      const response = await app.inject(getStatus(sent.reference, bearer(sent.statusToken)));
      expect(response.statusCode).toBe(200);
      expect(response.headers["cache-control"]).toBe("no-store");
      expect(response.headers["content-type"]).toMatch(/^application\/json/);
      const body = response.json<Status>();
      const receivedOn = todayIso(new Date(sent.receivedAt));
      expect(body).toEqual({
        reference: sent.reference,
        councilId: "example-borough",
        receivedAt: sent.receivedAt,
        receivedOn,
        procedure: "statutory",
        stage: 1,
        lastStage: 3,
        events: [{ type: "received", date: receivedOn }],
        staffEvents: [],
        checkedAt: expect.any(String),
      });
      expect(Date.parse(body.checkedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(new Date(body.checkedAt).toISOString()).toBe(body.checkedAt);
    });

    it("gives a child-protection complaint at a council with a two-stage local procedure that procedure", async () => {
      const sent = await send(localAnswers);
      expect(await status(sent)).toMatchObject({ councilId: LOCAL_COUNCIL, procedure: "local", stage: 1, lastStage: 2 });
    });

    it("accepts the Bearer scheme written in any case", async () => {
      const sent = await send();
      const response = await app.inject(getStatus(sent.reference, { authorization: `bearer ${sent.statusToken}` }));
      expect(response.statusCode).toBe(200);
    });

    it("rotates the token when the same complaint is sent again: the old one stops working, the new one works", async () => {
      const complaint = validComplaint();
      const post = () => app.inject({ method: "POST", url: "/api/v1/complaints", headers: json, payload: JSON.stringify(complaint) });
      const first = (await post()).json<Sent>();
      const again = await post();
      expect(again.statusCode).toBe(200);
      const second = again.json<Sent>();
      expect(second.reference).toBe(first.reference);
      expect(second.statusToken).not.toBe(first.statusToken);
      const old = await app.inject(getStatus(first.reference, bearer(first.statusToken)));
      expect(old.statusCode).toBe(404);
      expect(old.json()).toMatchObject({ error: "not-found" });
      expect((await status(second)).reference).toBe(first.reference);
    });

    it("keeps the token when a different complaint reuses the id (409)", async () => {
      const sent = await send();
      const reused = await app.inject({
        method: "POST",
        url: "/api/v1/complaints",
        headers: json,
        payload: JSON.stringify({ ...sent.complaint, whatHappened: { text: "Someone else's words." } }),
      });
      expect(reused.statusCode).toBe(409);
      expect(reused.json()).not.toHaveProperty("statusToken");
      expect((await status(sent)).reference).toBe(sent.reference);
    });

    it.each(["not-a-reference", "su-abcd-efgh", "SU-0000-1111", "SU-ABCD-EFGH-J", "SU%20ABCD%20EFGH"])(
      "refuses the malformed reference %s with 400 naming the field, before looking at the token",
      async (reference) => {
        for (const headers of [{}, bearer("a".repeat(43))]) {
          const response = await app.inject(getStatus(reference, headers));
          expect(response.statusCode).toBe(400);
          expect(response.json()).toEqual({
            error: "invalid-reference",
            message: expect.stringMatching(/SU-/),
            fields: [{ field: "reference", key: "validation:reference.format" }],
          });
        }
      },
    );

    it.each<[string, Record<string, string>]>([
      ["no Authorization header", {}],
      ["an empty Authorization header", { authorization: "" }],
      ["Bearer with no token", { authorization: "Bearer " }],
      ["another scheme", { authorization: `Basic ${"a".repeat(43)}` }],
      ["the token without the scheme", { authorization: "a".repeat(43) }],
      ["a token one character short", { authorization: `Bearer ${"a".repeat(42)}` }],
      ["a token one character long", { authorization: `Bearer ${"a".repeat(44)}` }],
      ["a token with characters outside base64url", { authorization: `Bearer ${"a".repeat(42)}=` }],
      ["something after the token", { authorization: `Bearer ${"a".repeat(43)} extra` }],
    ])("answers %s with 401 token-missing", async (_name, headers) => {
      const sent = await send();
      const response = await app.inject(getStatus(sent.reference, headers));
      expect(response.statusCode).toBe(401);
      expect(response.headers["www-authenticate"]).toBe("Bearer");
      expect(response.headers["cache-control"]).toBe("no-store");
      expect(response.json()).toEqual({ error: "token-missing", message: expect.stringMatching(/Authorization: Bearer/) });
    });

    it("answers an unknown reference and a wrong token with the same 404", async () => {
      const sent = await send();
      const other = await send();
      const wrongToken = await app.inject(getStatus(sent.reference, bearer(other.statusToken)));
      const unknown = await app.inject(getStatus("SU-2222-2222", bearer(sent.statusToken)));
      const madeUp = await app.inject(getStatus(sent.reference, bearer("A".repeat(43))));
      for (const response of [wrongToken, unknown, madeUp]) {
        expect(response.statusCode).toBe(404);
        expect(response.headers["cache-control"]).toBe("no-store");
      }
      expect(wrongToken.json()).toEqual({ error: "not-found", message: expect.any(String) });
      expect(unknown.body).toBe(wrongToken.body);
      expect(madeUp.body).toBe(wrongToken.body);
    });

    it("refuses a wrong token without reading the complaint's body: the same work for a large complaint as for none (issue 10)", async () => {
      const sent = await send({ whatHappened: { text: "x".repeat(10_000) } });
      const bodiesRead: string[] = [];
      const findByReference = store.findByReference.bind(store);
      store.findByReference = async (reference) => {
        bodiesRead.push(reference);
        return findByReference(reference);
      };
      for (const [reference, token] of [
        [sent.reference, "A".repeat(43)],
        ["SU-2222-2222", "A".repeat(43)],
      ] as const) {
        await app.inject({ method: "GET", url: `/api/v1/complaints/${reference}`, headers: bearer(token) });
        await app.inject(postEscalation(reference, bearer(token), validEscalation()));
      }
      expect(bodiesRead).toEqual([]);
      // The right token still reads it.
      await status(sent);
      expect(bodiesRead).toEqual([sent.reference]);
    });

    it("answers a database failure with 500 and a safe message", async () => {
      const sent = await send();
      await store.close();
      const response = await app.inject(getStatus(sent.reference, bearer(sent.statusToken)));
      expect(response.statusCode).toBe(500);
      expect(response.json()).toEqual({ error: "server-error", message: expect.any(String) });
      expect(response.body).not.toMatch(/sqlite|postgres|pool|connection|at .*\.ts/i);
    });
  });

  describe("POST /api/v1/complaints/:reference/escalations", () => {
    it("asks for Stage 2 with 201, and the status then shows Stage 2 with events computeTimeline accepts", async () => {
      const sent = await send();
      const today = todayIso(new Date());
      const asked = validEscalation({ why: "  Not sorted out.  ", wantNow: "A meeting.", replyReceivedOn: today });
      const response = await escalate(sent, asked);
      expect(response.statusCode).toBe(201);
      expect(response.headers["cache-control"]).toBe("no-store");
      const body = response.json<{ id: string; reference: string; stage: number; receivedAt: string }>();
      expect(body).toEqual({ id: asked.id, reference: sent.reference, stage: 2, receivedAt: expect.any(String) });
      expect(new Date(body.receivedAt).toISOString()).toBe(body.receivedAt);

      const stored = await store.listEscalations((await store.findByReference(sent.reference))?.id ?? "");
      expect(stored).toHaveLength(1);
      expect(JSON.parse(stored[0]?.body ?? "null")).toEqual({ ...asked, why: "Not sorted out." });
      expect(stored[0]).toMatchObject({ toStage: 2, replyReceivedOn: today, receivedAt: body.receivedAt });

      const now = await status(sent);
      expect(now).toMatchObject({ procedure: "statutory", stage: 2, lastStage: 3 });
      const requestedOn = todayIso(new Date(body.receivedAt));
      expect(now.events).toEqual([
        { type: "received", date: now.receivedOn },
        { type: "stage1-response", date: today },
        { type: "stage2-requested", date: requestedOn },
      ]);
      const timeline = computeTimeline({
        timescales: councils.get("example-borough")?.timescales ?? expect.fail("no council"),
        procedure: { kind: "statutory" },
        events: now.events,
        today,
      });
      expect(timeline.current).toBe(2);
      expect(timeline.warnings).toEqual([]);
    });

    it("goes through every local stage, then says the next step is the Ombudsman", async () => {
      const sent = await send(localAnswers);
      const toStage2 = await escalate(sent, validEscalation({ toStage: 2 }));
      expect(toStage2.statusCode).toBe(201);
      const now = await status(sent);
      expect(now).toMatchObject({ procedure: "local", stage: 2, lastStage: 2 });
      expect(now.events.at(-1)).toEqual({ type: "local-stage-requested", date: expect.any(String), stage: 2 });
      const council = councils.get(LOCAL_COUNCIL) ?? expect.fail("no council");
      const timeline = computeTimeline({
        timescales: council.timescales,
        procedure: { kind: "local", stages: council.localProcedure.stages },
        events: now.events,
        today: todayIso(new Date()),
      });
      expect(timeline.current).toBe(2);

      const before = await rows();
      const beyond = await escalate(sent, validEscalation({ toStage: 3 }));
      expect(beyond.statusCode).toBe(409);
      expect(beyond.json()).toEqual({
        error: "no-further-stage",
        message: expect.stringMatching(/Local Government and Social Care Ombudsman/),
        fields: [{ field: "toStage", key: "validation:escalation.toStage.noFurtherStage" }],
      });
      expect(await rows()).toEqual(before);
    });

    it("goes through all three statutory stages; a Stage 4 is refused as no-further-stage", async () => {
      const sent = await send();
      expect((await escalate(sent, validEscalation({ toStage: 2 }))).statusCode).toBe(201);
      expect((await escalate(sent, validEscalation({ toStage: 3 }))).statusCode).toBe(201);
      expect(await status(sent)).toMatchObject({ stage: 3, lastStage: 3 });
      const stage4 = await escalate(sent, validEscalation({ toStage: 4 }));
      expect(stage4.statusCode).toBe(409);
      expect(stage4.json()).toMatchObject({ error: "no-further-stage", fields: [{ field: "toStage" }] });
      expect(await store.countEscalations()).toBe(2);
    });

    it("answers an identical resend with 200 and the first answer, storing nothing new, even after the complaint moved on", async () => {
      const sent = await send();
      const asked = validEscalation();
      const first = await escalate(sent, asked);
      expect(first.statusCode).toBe(201);
      const again = await escalate(sent, asked);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(first.json());
      expect(await store.countEscalations()).toBe(1);
      // Stage 3 asked for since: a late retry of the Stage 2 request is still answered as before.
      expect((await escalate(sent, validEscalation({ toStage: 3 }))).statusCode).toBe(201);
      const late = await escalate(sent, asked);
      expect(late.statusCode).toBe(200);
      expect(late.json()).toEqual(first.json());
      expect(await store.countEscalations()).toBe(2);
    });

    it("refuses an id used before with a different body: 409 id-reused, changing nothing", async () => {
      const sent = await send();
      const asked = validEscalation();
      expect((await escalate(sent, asked)).statusCode).toBe(201);
      const before = await rows();
      const reused = await escalate(sent, { ...asked, why: "Something else." });
      expect(reused.statusCode).toBe(409);
      expect(reused.json()).toEqual({
        error: "id-reused",
        message: expect.any(String),
        fields: [{ field: "id", key: "validation:escalation.id.reused" }],
      });
      expect(await rows()).toEqual(before);
      const stored = await store.listEscalations((await store.findByReference(sent.reference))?.id ?? "");
      expect(JSON.parse(stored[0]?.body ?? "null")).toMatchObject({ why: asked.why });
    });

    it("refuses an id already used for another complaint's request: 409 id-reused", async () => {
      const first = await send();
      const second = await send();
      const asked = validEscalation();
      expect((await escalate(first, asked)).statusCode).toBe(201);
      const reused = await escalate(second, asked);
      expect(reused.statusCode).toBe(409);
      expect(reused.json()).toMatchObject({ error: "id-reused", fields: [{ field: "id" }] });
      expect(await status(second)).toMatchObject({ stage: 1 });
      expect(await store.countEscalations()).toBe(1);
    });

    it("refuses a stage that is not the next one with 409 stage-not-next, saying where the complaint is", async () => {
      const sent = await send();
      const skip = await escalate(sent, validEscalation({ toStage: 3 }));
      expect(skip.statusCode).toBe(409);
      expect(skip.json()).toEqual({
        error: "stage-not-next",
        message: expect.stringMatching(/at stage 1, so the next stage to ask for is stage 2/),
        fields: [{ field: "toStage", key: "validation:escalation.toStage.notNext" }],
      });
      expect(await store.countEscalations()).toBe(0);
    });

    it("refuses a second device asking for the stage the first already asked for", async () => {
      const sent = await send();
      expect((await escalate(sent, validEscalation({ toStage: 2 }))).statusCode).toBe(201);
      const otherDevice = await escalate(sent, validEscalation({ toStage: 2, why: "Asked from the laptop." }));
      expect(otherDevice.statusCode).toBe(409);
      expect(otherDevice.json()).toMatchObject({ error: "stage-not-next", message: expect.stringMatching(/at stage 2/) });
      expect(await store.countEscalations()).toBe(1);
    });

    it("stores one of two requests for the same stage sent at the same moment", async () => {
      const sent = await send();
      const answers = await Promise.all([escalate(sent, validEscalation()), escalate(sent, validEscalation())]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
      expect(answers.find((a) => a.statusCode === 409)?.json()).toMatchObject({ error: "stage-not-next" });
      expect(await store.countEscalations()).toBe(1);
    });

    it("answers 409 stage-not-next when another device's request lands between the check and the write", async () => {
      const sent = await send();
      expect((await escalate(sent, validEscalation())).statusCode).toBe(201);
      // A server that read the complaint's requests just before the other device's was stored.
      const staleApp = await buildApp({ store: { ...store, listEscalations: async () => [] }, councils });
      try {
        const late = await staleApp.inject(postEscalation(sent.reference, bearer(sent.statusToken), validEscalation()));
        expect(late.statusCode).toBe(409);
        expect(late.json()).toMatchObject({ error: "stage-not-next", message: expect.stringMatching(/at stage 2/), fields: [{ field: "toStage" }] });
      } finally {
        await staleApp.close();
      }
      expect(await store.countEscalations()).toBe(1);
    });

    it.each<[string, () => string, string]>([
      ["after today", () => "2199-01-01", "validation:escalation.replyReceivedOn.future"],
      ["before the complaint was received", () => "2020-01-01", "validation:escalation.replyReceivedOn.beforeComplaint"],
    ])("refuses a reply date %s with 400 naming replyReceivedOn, storing nothing", async (_name, date, key) => {
      const sent = await send();
      const response = await escalate(sent, validEscalation({ replyReceivedOn: date() }));
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        error: "invalid-escalation",
        message: expect.stringMatching(/replyReceivedOn/),
        fields: [{ field: "replyReceivedOn", key }],
      });
      expect(await store.countEscalations()).toBe(0);
    });

    it("refuses the old token after the complaint was sent again", async () => {
      const complaint = validComplaint();
      const post = () => app.inject({ method: "POST", url: "/api/v1/complaints", headers: json, payload: JSON.stringify(complaint) });
      const first = (await post()).json<Sent>();
      const second = (await post()).json<Sent>();
      const withOld = await escalate(first, validEscalation());
      expect(withOld.statusCode).toBe(404);
      expect(await store.countEscalations()).toBe(0);
      expect((await escalate(second, validEscalation())).statusCode).toBe(201);
    });

    it.each<[string, (sent: Sent) => InjectOptions, number, string]>([
      ["a malformed reference", (sent) => postEscalation("SU-0000-0000", bearer(sent.statusToken), validEscalation()), 400, "invalid-reference"],
      ["no token", (sent) => postEscalation(sent.reference, {}, validEscalation()), 401, "token-missing"],
      ["a wrong token", (sent) => postEscalation(sent.reference, bearer("B".repeat(43)), validEscalation()), 404, "not-found"],
      ["an unknown reference", (sent) => postEscalation("SU-2222-3333", bearer(sent.statusToken), validEscalation()), 404, "not-found"],
    ])("refuses %s (%i) storing nothing", async (_name, request, status, error) => {
      const sent = await send();
      const before = await rows();
      const response = await app.inject(request(sent));
      expect(response.statusCode).toBe(status);
      expect(response.json()).toMatchObject({ error });
      expect(await rows()).toEqual(before);
    });

    /** Every way to get the body wrong: a 4xx naming the problem, and nothing stored. */
    it.each<[string, (sent: Sent) => InjectOptions, number, Record<string, unknown>]>([
      [
        "an unknown field",
        (s) => postEscalation(s.reference, bearer(s.statusToken), validEscalation({ isAdmin: true })),
        400,
        { error: "invalid-escalation", fields: [{ field: "isAdmin", key: "validation:unknownField" }] },
      ],
      [
        "a __proto__ key",
        (s) => postEscalation(s.reference, bearer(s.statusToken), `{"__proto__":{"x":1},${JSON.stringify(validEscalation()).slice(1)}`),
        400,
        { error: "invalid-escalation", fields: [{ field: "__proto__", key: "validation:unknownField" }] },
      ],
      [
        "why missing",
        (s) => postEscalation(s.reference, bearer(s.statusToken), validEscalation({ why: undefined })),
        400,
        { error: "invalid-escalation", fields: [{ field: "why", key: "validation:escalation.why.type" }] },
      ],
      [
        "why only spaces",
        (s) => postEscalation(s.reference, bearer(s.statusToken), validEscalation({ why: "   " })),
        400,
        { error: "invalid-escalation", fields: [{ field: "why", key: "validation:escalation.why.required" }] },
      ],
      [
        "why over 5,000 characters",
        (s) => postEscalation(s.reference, bearer(s.statusToken), validEscalation({ why: "x".repeat(5001) })),
        400,
        { error: "invalid-escalation", fields: [{ field: "why", key: "validation:escalation.why.tooLong" }] },
      ],
      [
        "toStage as text",
        (s) => postEscalation(s.reference, bearer(s.statusToken), validEscalation({ toStage: "2" })),
        400,
        { error: "invalid-escalation", fields: [{ field: "toStage", key: "validation:escalation.toStage.type" }] },
      ],
      [
        "toStage 1",
        (s) => postEscalation(s.reference, bearer(s.statusToken), validEscalation({ toStage: 1 })),
        400,
        { error: "invalid-escalation", fields: [{ field: "toStage", key: "validation:escalation.toStage.type" }] },
      ],
      [
        "a reply date that is not a date",
        (s) => postEscalation(s.reference, bearer(s.statusToken), validEscalation({ replyReceivedOn: "31/02/2026" })),
        400,
        { error: "invalid-escalation", fields: [{ field: "replyReceivedOn", key: "validation:escalation.replyReceivedOn.format" }] },
      ],
      [
        "several problems, each named",
        (s) => postEscalation(s.reference, bearer(s.statusToken), validEscalation({ id: 7, schemaVersion: 2 })),
        400,
        {
          error: "invalid-escalation",
          fields: [
            { field: "id", key: "validation:id.format" },
            { field: "schemaVersion", key: "validation:schemaVersion.unsupported" },
          ],
        },
      ],
      [
        "a JSON array",
        (s) => postEscalation(s.reference, bearer(s.statusToken), [validEscalation()]),
        400,
        { error: "invalid-escalation", fields: [{ field: "(body)", key: "validation:invalid" }] },
      ],
      [
        "JSON null",
        (s) => postEscalation(s.reference, bearer(s.statusToken), "null"),
        400,
        { error: "invalid-escalation", fields: [{ field: "(body)", key: "validation:invalid" }] },
      ],
      ["malformed JSON", (s) => postEscalation(s.reference, bearer(s.statusToken), '{"why": '), 400, { error: "malformed-json" }],
      ["an empty body", (s) => postEscalation(s.reference, bearer(s.statusToken), ""), 400, { error: "empty-body" }],
      [
        "a body nested 100 levels deep",
        (s) => postEscalation(s.reference, bearer(s.statusToken), validEscalation({ wantNow: nested(100) })),
        400,
        { error: "too-deeply-nested" },
      ],
      [
        "a body over 256 KB",
        (s) => postEscalation(s.reference, bearer(s.statusToken), validEscalation({ why: "x".repeat(BODY_LIMIT_BYTES + 1) })),
        413,
        { error: "body-too-large" },
      ],
      [
        "Content-Type: text/plain",
        (s) => ({
          ...postEscalation(s.reference, bearer(s.statusToken), validEscalation()),
          headers: { ...bearer(s.statusToken), "content-type": "text/plain" },
        }),
        415,
        { error: "unsupported-media-type" },
      ],
      [
        "no Content-Type",
        (s) => ({ ...postEscalation(s.reference, bearer(s.statusToken), validEscalation()), headers: bearer(s.statusToken) }),
        415,
        { error: "unsupported-media-type" },
      ],
    ])("refuses %s with %i, naming the problem and storing nothing", async (_name, request, status, body) => {
      const sent = await send();
      const before = await rows();
      const response = await app.inject(request(sent));
      expect(response.statusCode).toBe(status);
      expect(response.headers["content-type"]).toMatch(/^application\/json/);
      expect(response.json()).toMatchObject({ message: expect.any(String), ...body });
      expect(await rows()).toEqual(before);
      // The complaint is still at Stage 1 and can move on.
      expect((await escalate(sent, validEscalation())).statusCode).toBe(201);
    });

    it("accepts Content-Type: application/json; charset=utf-8", async () => {
      const sent = await send();
      const response = await app.inject({
        ...postEscalation(sent.reference, bearer(sent.statusToken), validEscalation()),
        headers: { ...bearer(sent.statusToken), "content-type": "application/json; charset=utf-8" },
      });
      expect(response.statusCode).toBe(201);
    });

    it("answers a database failure with 500 and a safe message", async () => {
      const sent = await send();
      await store.close();
      const response = await escalate(sent, validEscalation());
      expect(response.statusCode).toBe(500);
      expect(response.json()).toEqual({ error: "server-error", message: expect.any(String) });
      expect(response.body).not.toMatch(/sqlite|postgres|pool|connection|at .*\.ts/i);
    });
  });
});
