import { resolve } from "node:path";
import { validate } from "@readme/openapi-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { FastifyInstance, InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fixture from "../../test/fixtures/complaint.valid.json" with { type: "json" };
import { testStores } from "../../test/setup/stores";
import { buildApp } from "./app";
import { loadCouncils } from "./councils";
import type { ComplaintStore } from "./storage/complaint-store";

/*
 * The OpenAPI document (issue 10): valid OpenAPI 3.1 by a real validator, and every answer the
 * server gives to the requests below is documented for its operation and matches the documented
 * schema. Each documented answer is given at least once.
 */

const councils = loadCouncils(resolve(import.meta.dirname, "../../public/councils"));
const json = { "content-type": "application/json" };

type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
  components: { schemas: Record<string, unknown> };
};

describe.each(testStores())("the OpenAPI description matches the API: $name", ({ open }) => {
  let store: ComplaintStore;
  let cleanup: () => Promise<void>;
  let app: FastifyInstance;
  let doc: Doc;
  const seen = new Set<string>();

  beforeAll(async () => {
    ({ store, cleanup } = await open());
    app = await buildApp({ store, councils, settings: { complaintsPerAddress: { max: 7, windowSeconds: 60 }, checksPerReference: { max: 3, windowSeconds: 60 } } });
    doc = (await app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json<Doc>();
  });
  afterAll(async () => {
    await app.close();
    await cleanup();
  });

  it("is served at /api/v1/openapi.json and is valid OpenAPI 3.1", async () => {
    expect((doc as unknown as { openapi: string }).openapi).toBe("3.1.0");
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
    seen.add("get /api/v1/openapi.json 200");
  });

  /** Send `request` to the documented `operation` and check the answer against the document. */
  async function check(path: string, request: InjectOptions): Promise<{ status: number; body: Record<string, unknown> }> {
    const method = String(request.method ?? "GET").toLowerCase();
    const response = await app.inject(request);
    const documented = doc.paths[path]?.[method]?.responses[String(response.statusCode)];
    expect(documented, `${method} ${path} answered ${response.statusCode}, which is not documented`).toBeDefined();
    const schema = documented?.content?.["application/json"]?.schema;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({ $id: "doc", components: doc.components }, "doc");
    const valid = ajv.validate(JSON.parse(JSON.stringify(schema).replaceAll("#/components", "doc#/components")) as object, response.json());
    expect(valid, `${method} ${path} ${response.statusCode}: ${ajv.errorsText()}\n${response.body}`).toBe(true);
    seen.add(`${method} ${path} ${response.statusCode}`);
    return { status: response.statusCode, body: response.json() };
  }

  it("documents every answer the API gives, with its shape", async () => {
    const complaint = { ...structuredClone(fixture), id: crypto.randomUUID() };
    const post = (body: unknown, headers: Record<string, string> = json): InjectOptions => ({
      method: "POST", url: "/api/v1/complaints", headers, payload: typeof body === "string" ? body : JSON.stringify(body),
    });
    const C = "/api/v1/complaints";
    const sent = await check(C, post(complaint));
    expect(sent.status).toBe(201);
    const resent = await check(C, post(complaint));
    expect(resent.status).toBe(200);
    expect((await check(C, post({ ...complaint, whatHappened: { text: "Other." } }))).status).toBe(409);
    expect((await check(C, post({ ...complaint, id: "x" }))).status).toBe(400);
    expect((await check(C, post("x".repeat(300 * 1024)))).status).toBe(413);
    expect((await check(C, post(complaint, { "content-type": "text/plain" }))).status).toBe(415);
    expect((await check(C, post({ ...complaint, id: crypto.randomUUID() }))).status).toBe(201);
    // The eighth from this address in the window (the limit is 7 here).
    expect((await check(C, post({ ...complaint, id: crypto.randomUUID() }))).status).toBe(429);

    // The resend rotated the token: the one it gave is the one that works.
    const { reference, statusToken } = resent.body as { reference: string; statusToken: string };
    const S = "/api/v1/complaints/{reference}";
    const bearer = { authorization: `Bearer ${statusToken}` };
    expect((await check(S, { method: "GET", url: `/api/v1/complaints/${reference}`, headers: bearer })).status).toBe(200);
    expect((await check(S, { method: "GET", url: "/api/v1/complaints/nope", headers: bearer })).status).toBe(400);
    expect((await check(S, { method: "GET", url: `/api/v1/complaints/${reference}` })).status).toBe(401);
    expect((await check(S, { method: "GET", url: "/api/v1/complaints/SU-2222-2222", headers: bearer })).status).toBe(404);

    const E = "/api/v1/complaints/{reference}/escalations";
    const escalation = { id: crypto.randomUUID(), schemaVersion: 1, toStage: 2, why: "Not sorted.", submittedAt: new Date().toISOString() };
    const ask = (body: unknown, headers: Record<string, string> = bearer, ref = reference): InjectOptions => ({
      method: "POST", url: `/api/v1/complaints/${ref}/escalations`, headers: { ...json, ...headers }, payload: JSON.stringify(body),
    });
    expect((await check(E, ask(escalation))).status).toBe(201);
    expect((await check(E, ask(escalation))).status).toBe(200);
    expect((await check(E, ask({ ...escalation, why: "Changed." }))).status).toBe(409);
    expect((await check(E, ask({ ...escalation, id: "x" }))).status).toBe(400);
    expect((await check(E, ask(escalation, {}))).status).toBe(401);
    expect((await check(E, ask(escalation, bearer, "SU-2222-2222"))).status).toBe(404);

    expect((await check("/api/v1/health", { method: "GET", url: "/api/v1/health" })).status).toBe(200);

    // Access codes and the copy (issue 15).
    const { accessCode } = resent.body as { accessCode: string };
    const K = "/api/v1/complaint-checks";
    const checkBody = (body: unknown): InjectOptions => ({ method: "POST", url: K, headers: json, payload: JSON.stringify(body) });
    expect((await check(K, checkBody({ reference, accessCode: "2222 2222 2222 2222" }))).status).toBe(404);
    expect((await check(K, checkBody({ reference }))).status).toBe(400);
    const followed = await check(K, checkBody({ reference, accessCode }));
    expect(followed.status).toBe(200);
    expect((await check(K, checkBody({ reference, accessCode }))).status).toBe(429);
    const fresh = { authorization: `Bearer ${String(followed.body.statusToken)}` };
    const A = "/api/v1/complaints/{reference}/access-code";
    const rotate = (ref: string, headers: Record<string, string>): InjectOptions => ({ method: "POST", url: `/api/v1/complaints/${ref}/access-code`, headers });
    expect((await check(A, rotate(reference, fresh))).status).toBe(200);
    expect((await check(A, rotate("nope", fresh))).status).toBe(400);
    expect((await check(A, rotate(reference, {}))).status).toBe(401);
    expect((await check(A, rotate(reference, bearer))).status).toBe(404);
    const P = "/api/v1/complaints/{reference}/copy";
    const copy = (ref: string, headers: Record<string, string>): InjectOptions => ({ method: "GET", url: `/api/v1/complaints/${ref}/copy`, headers });
    expect((await check(P, copy(reference, fresh))).status).toBe(200);
    expect((await check(P, copy("nope", fresh))).status).toBe(400);
    expect((await check(P, copy(reference, {}))).status).toBe(401);
    expect((await check(P, copy(reference, bearer))).status).toBe(404);
  });

  it("gives every documented answer at least once in these tests, apart from those that need a fault", () => {
    const needFault = new Set(["post /api/v1/complaints 500", "get /api/v1/health 503", "get /api/v1/complaints/{reference} 429", "post /api/v1/complaints/{reference}/escalations 429",
      "post /api/v1/complaints/{reference}/access-code 429", "get /api/v1/complaints/{reference}/copy 429"]);
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).flatMap(([method, operation]) => Object.keys(operation.responses).map((status) => `${method} ${path} ${status}`)),
    );
    expect(documented.filter((answer) => !seen.has(answer) && !needFault.has(answer))).toEqual([]);
  });
});
