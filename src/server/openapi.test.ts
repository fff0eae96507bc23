import { resolve } from "node:path";
import { validate } from "@readme/openapi-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { FastifyInstance, InjectOptions } from "fastify";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fixture from "../../test/fixtures/complaint.valid.json" with { type: "json" };
import { testStores } from "../../test/setup/stores";
import { referenceFromBytes } from "../domain/complaint";
import { buildApp } from "./app";
import { loadCouncils } from "./councils";
import { createAccount } from "./staff/accounts";
import type { ComplaintStore } from "./storage/complaint-store";
import { makeUser, signIn } from "../../test/setup/staff-users";

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
    app = await buildApp({
      store,
      councils,
      settings: { complaintsPerAddress: { max: 7, windowSeconds: 60 }, checksPerReference: { max: 3, windowSeconds: 60 } },
    });
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
    if (schema === undefined) {
      // Documented without a body (204): there must be none.
      expect(response.body, `${method} ${path} ${response.statusCode}`).toBe("");
      seen.add(`${method} ${path} ${response.statusCode}`);
      return { status: response.statusCode, body: {} };
    }
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
      method: "POST",
      url: "/api/v1/complaints",
      headers,
      payload: typeof body === "string" ? body : JSON.stringify(body),
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
      method: "POST",
      url: `/api/v1/complaints/${ref}/escalations`,
      headers: { ...json, ...headers },
      payload: JSON.stringify(body),
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

  it("documents every answer of the staff API, with its shape", async () => {
    const post = (url: string, payload: unknown, headers: Record<string, string> = json): InjectOptions => ({
      method: "POST",
      url,
      headers,
      payload: JSON.stringify(payload),
    });
    const made = await createAccount(store.sql, { councilId: "example-borough", email: "openapi@example.gov.uk", role: "manager" });
    const token = made.setupToken;
    const SC = "/api/v1/staff/setup/check";
    const SP = "/api/v1/staff/setup/password";
    const SF = "/api/v1/staff/setup/confirm";
    expect((await check(SC, post(SC, { token }))).status).toBe(200);
    expect((await check(SC, post(SC, { token: "x" }))).status).toBe(400);
    expect((await check(SC, post(SC, { token: "a".repeat(43) }))).status).toBe(404);
    expect((await check(SP, post(SP, { token, password: "short" }))).status).toBe(400);
    expect((await check(SP, post(SP, { token: "a".repeat(43), password: "long enough words" }))).status).toBe(404);
    const { secret } = (await check(SP, post(SP, { token, password: "long enough words" }))).body as { secret: string };
    expect((await check(SF, post(SF, { token, code: "x" }))).status).toBe(400);
    expect((await check(SF, post(SF, { token: "a".repeat(43), code: "123456" }))).status).toBe(404);
    const confirmed = await check(SF, post(SF, { token, code: await generate({ secret }) }));
    const [firstCode, secondCode] = (confirmed.body as { recoveryCodes: string[] }).recoveryCodes;

    const IN = "/api/v1/staff/sign-in";
    const TWO = "/api/v1/staff/sign-in/second-factor";
    expect((await check(IN, post(IN, { email: 1 }))).status).toBe(400);
    const challenge = async () =>
      ((await check(IN, post(IN, { email: "openapi@example.gov.uk", password: "long enough words" }))).body as { challenge: string }).challenge;
    expect((await check(TWO, post(TWO, { challenge: await challenge(), recoveryCode: "nope" }))).status).toBe(401);
    expect((await check(TWO, post(TWO, { challenge: "x" }))).status).toBe(400);
    const signedIn = await app.inject(post(TWO, { challenge: await challenge(), recoveryCode: firstCode }));
    await check(TWO, post(TWO, { challenge: await challenge(), recoveryCode: secondCode }));
    const cookie = String(signedIn.headers["set-cookie"]).split(";")[0] ?? "";
    const csrf = signedIn.json<{ csrfToken: string }>().csrfToken;
    const read = { cookie };
    const change = { cookie, "x-csrf-token": csrf, ...json };
    const remove = { cookie, "x-csrf-token": csrf };

    const SE = "/api/v1/staff/session";
    expect((await check(SE, { method: "GET", url: SE, headers: read })).status).toBe(200);
    expect((await check(SE, { method: "GET", url: SE })).status).toBe(401);

    const AC = "/api/v1/staff/accounts";
    expect((await check(AC, { method: "GET", url: AC, headers: read })).status).toBe(200);
    expect((await check(AC, { method: "GET", url: AC })).status).toBe(401);
    const invited = await check(AC, post(AC, { email: "officer@example.gov.uk", role: "officer" }, change));
    expect(invited.status).toBe(201);
    expect((await check(AC, post(AC, { email: "officer@example.gov.uk", role: "officer" }, change))).status).toBe(409);
    expect((await check(AC, post(AC, { email: "x", role: "officer" }, change))).status).toBe(400);
    expect((await check(AC, post(AC, { email: "y@example.gov.uk", role: "officer" }, { ...read, ...json }))).status).toBe(403);
    expect((await check(AC, post(AC, { email: "y@example.gov.uk", role: "officer" }))).status).toBe(401);
    const officer = await createAccount(store.sql, { councilId: "example-borough", email: "officer2@example.gov.uk", role: "officer" });
    const AD = "/api/v1/staff/accounts/{id}";
    const del = (id: string, headers: Record<string, string>): InjectOptions => ({ method: "DELETE", url: `/api/v1/staff/accounts/${id}`, headers });
    expect((await check(AD, del(officer.account.id, remove))).status).toBe(204);
    expect((await check(AD, del(officer.account.id, remove))).status).toBe(404);
    expect((await check(AD, del(made.account.id, remove))).status).toBe(409);
    expect((await check(AD, del(made.account.id, read))).status).toBe(403);
    expect((await check(AD, del(made.account.id, {}))).status).toBe(401);

    // Stored directly: the first test used up this address's new-complaint limit.
    const complaintBody = JSON.stringify({ ...structuredClone(fixture), id: crypto.randomUUID() });
    const stored = await store.insertComplaint(
      {
        id: crypto.randomUUID(),
        councilId: "example-borough",
        schemaVersion: 1,
        body: complaintBody,
        bodyHash: "x",
        receivedAt: new Date().toISOString(),
        statusTokenHash: "0".repeat(64),
        language: null,
      },
      () => referenceFromBytes(crypto.getRandomValues(new Uint8Array(8))),
    );
    const { reference } = stored;
    const LI = "/api/v1/staff/complaints";
    expect((await check(LI, { method: "GET", url: LI, headers: read })).status).toBe(200);
    expect((await check(LI, { method: "GET", url: `${LI}?stage=9`, headers: read })).status).toBe(400);
    expect((await check(LI, { method: "GET", url: LI })).status).toBe(401);
    const CA = "/api/v1/staff/complaints/{reference}";
    expect((await check(CA, { method: "GET", url: `${LI}/${reference}`, headers: read })).status).toBe(200);
    expect((await check(CA, { method: "GET", url: `${LI}/nope`, headers: read })).status).toBe(400);
    expect((await check(CA, { method: "GET", url: `${LI}/SU-2222-2222`, headers: read })).status).toBe(404);
    expect((await check(CA, { method: "GET", url: `${LI}/${reference}` })).status).toBe(401);
    const EX = "/api/v1/staff/complaints/{reference}/export";
    expect((await check(EX, { method: "GET", url: `${LI}/${reference}/export`, headers: read })).status).toBe(200);
    expect((await check(EX, { method: "GET", url: `${LI}/nope/export`, headers: read })).status).toBe(400);
    expect((await check(EX, { method: "GET", url: `${LI}/SU-2222-2222/export`, headers: read })).status).toBe(404);
    expect((await check(EX, { method: "GET", url: `${LI}/${reference}/export` })).status).toBe(401);
    const EV = "/api/v1/staff/complaints/{reference}/events";
    const today = new Date().toLocaleDateString("en-CA", { timeZone: "Europe/London" });
    const ev = (body: unknown, headers: Record<string, string> = change, ref = reference) => post(`${LI}/${ref}/events`, body, headers);
    expect((await check(EV, ev({ type: "acknowledged", date: today }))).status).toBe(201);
    expect((await check(EV, ev({ type: "acknowledged", date: today }))).status).toBe(409);
    expect((await check(EV, ev({ type: "nope" }))).status).toBe(400);
    expect((await check(EV, ev({ type: "closed", date: today }, { ...read, ...json }))).status).toBe(403);
    expect((await check(EV, ev({ type: "closed", date: today }, json))).status).toBe(401);
    expect((await check(EV, ev({ type: "closed", date: today }, change, "SU-2222-2222"))).status).toBe(404);
    expect((await check(CA, { method: "GET", url: `${LI}/${reference}`, headers: read })).status).toBe(200);

    // A case with a notification (issue 13), resent by staff.
    const notified = await store.insertComplaint(
      {
        id: crypto.randomUUID(),
        councilId: "example-borough",
        schemaVersion: 1,
        body: complaintBody,
        bodyHash: "x",
        receivedAt: new Date().toISOString(),
        statusTokenHash: "0".repeat(64),
        language: null,
        deliveries: [{ kind: "webhook", receiver: "https://cases.example.gov.uk/in", urgent: false }],
      },
      () => referenceFromBytes(crypto.getRandomValues(new Uint8Array(8))),
    );
    const opened = await check(CA, { method: "GET", url: `${LI}/${notified.reference}`, headers: read });
    const deliveryId = (opened.body.deliveries as Array<{ id: string }>)[0]?.id ?? "";
    const RS = "/api/v1/staff/complaints/{reference}/deliveries/{id}/resend";
    const rs = (headers: Record<string, string>, ref = notified.reference, id = deliveryId): InjectOptions => ({
      method: "POST",
      url: `${LI}/${ref}/deliveries/${id}/resend`,
      headers,
    });
    expect((await check(RS, rs(remove))).status).toBe(202);
    expect((await check(RS, rs(remove, "nope"))).status).toBe(400);
    expect((await check(RS, rs({}))).status).toBe(401);
    expect((await check(RS, rs(read))).status).toBe(403);
    expect((await check(RS, rs(remove, reference))).status).toBe(404);
    await store.sql.run("UPDATE deliveries SET state = 'sending' WHERE id = $1", [deliveryId]);
    expect((await check(RS, rs(remove))).status).toBe(409);

    const AU = "/api/v1/staff/audit";
    expect((await check(AU, { method: "GET", url: `${AU}?reference=${reference}`, headers: read })).status).toBe(200);
    expect((await check(AU, { method: "GET", url: `${AU}?page=0`, headers: read })).status).toBe(400);
    expect((await check(AU, { method: "GET", url: AU })).status).toBe(401);
    for (const RP of ["/api/v1/staff/exports/complaints", "/api/v1/staff/exports/events", "/api/v1/staff/report"]) {
      expect((await check(RP, { method: "GET", url: `${RP}?from=2026-01-01&to=${today}&format=json`, headers: read })).status).toBe(200);
      expect((await check(RP, { method: "GET", url: `${RP}?from=2026-01-01&to=2025-01-01`, headers: read })).status).toBe(400);
      expect((await check(RP, { method: "GET", url: `${RP}?from=2026-01-01&to=${today}` })).status).toBe(401);
    }

    const OUT = "/api/v1/staff/sign-out";
    const ALL = "/api/v1/staff/sign-out-everywhere";
    expect((await check(OUT, { method: "POST", url: OUT, headers: read })).status).toBe(403);
    expect((await check(ALL, { method: "POST", url: ALL, headers: read })).status).toBe(403);
    expect((await check(ALL, { method: "POST", url: ALL, headers: remove })).status).toBe(204);
    expect((await check(ALL, { method: "POST", url: ALL, headers: remove })).status).toBe(401);
    const again = await app.inject(post(TWO, { challenge: await challenge(), recoveryCode: (confirmed.body as { recoveryCodes: string[] }).recoveryCodes[2] }));
    const cookieAgain = String(again.headers["set-cookie"]).split(";")[0] ?? "";
    expect(
      (await check(OUT, { method: "POST", url: OUT, headers: { cookie: cookieAgain, "x-csrf-token": again.json<{ csrfToken: string }>().csrfToken } })).status,
    ).toBe(204);
    expect((await check(OUT, { method: "POST", url: OUT, headers: { cookie: cookieAgain } })).status).toBe(401);

    // An officer may not read the trail; last, the back-off after 5 failures from this address.
    const officerUser = await makeUser(app, store, "example-borough", "officer");
    const officerSession = await signIn(app, officerUser);
    expect((await check(AU, { method: "GET", url: AU, headers: officerSession.headers })).status).toBe(403);
    expect((await check(AC, { method: "GET", url: AC, headers: officerSession.headers })).status).toBe(403);
    for (const RP of ["/api/v1/staff/exports/complaints", "/api/v1/staff/exports/events", "/api/v1/staff/report"]) {
      expect((await check(RP, { method: "GET", url: `${RP}?from=2026-01-01&to=2026-01-02`, headers: officerSession.headers })).status).toBe(403);
    }
    const lastChallenge = await challenge();
    // Failures from this address so far count too, so the wait starts within 5 more.
    const statuses: number[] = [];
    while (statuses.at(-1) !== 429 && statuses.length < 6)
      statuses.push((await check(IN, post(IN, { email: "openapi@example.gov.uk", password: "wrong password" }))).status);
    expect(statuses.at(-1)).toBe(429);
    expect((await check(TWO, post(TWO, { challenge: lastChallenge, recoveryCode: "nope" }))).status).toBe(429);
  }, 60_000);

  it("gives every documented answer at least once in these tests, apart from those that need a fault", () => {
    const needFault = new Set([
      "post /api/v1/complaints 500",
      "get /api/v1/health 503",
      "get /api/v1/complaints/{reference} 429",
      "post /api/v1/complaints/{reference}/escalations 429",
      // The per-address limit on set-up (100 in 10 minutes) is @fastify/rate-limit's, tested in rate-limits.test.ts's way.
      "post /api/v1/staff/setup/check 429",
      "post /api/v1/staff/setup/password 429",
      "post /api/v1/staff/setup/confirm 429",
      "post /api/v1/complaints/{reference}/access-code 429",
      "get /api/v1/complaints/{reference}/copy 429",
    ]);
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).flatMap(([method, operation]) => Object.keys(operation.responses).map((status) => `${method} ${path} ${status}`)),
    );
    expect(documented.filter((answer) => !seen.has(answer) && !needFault.has(answer))).toEqual([]);
  });
});
