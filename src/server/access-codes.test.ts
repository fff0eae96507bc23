import { resolve } from "node:path";
import type { FastifyInstance, InjectOptions } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import fixture from "../../test/fixtures/complaint.valid.json" with { type: "json" };
import { testStores } from "../../test/setup/stores";
import { groupAccessCode, normaliseAccessCode } from "../domain/access-code";
import { buildApp } from "./app";
import { loadCouncils } from "./councils";
import { DEFAULT_SETTINGS, type ServerSettings } from "./server-settings";
import type { ComplaintStore } from "./storage/complaint-store";

const councils = loadCouncils(resolve(import.meta.dirname, "../../public/councils"));
const json = { "content-type": "application/json" };

interface Sent {
  id: string;
  reference: string;
  statusToken: string;
  accessCode: string;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const checkRequest = (body: unknown, remoteAddress = "127.0.0.1"): InjectOptions => ({
  method: "POST",
  url: "/api/v1/complaint-checks",
  headers: json,
  payload: JSON.stringify(body),
  remoteAddress,
});

describe.each(testStores())("access codes and the copy over HTTP: $name", ({ open }) => {
  let store: ComplaintStore;
  let cleanup: () => Promise<void>;
  let app: FastifyInstance;

  async function start(settings: Partial<ServerSettings> = {}) {
    await app?.close();
    app = await buildApp({ store, councils, settings });
  }

  beforeEach(async () => {
    ({ store, cleanup } = await open());
    app = await buildApp({ store, councils });
  });
  afterEach(async () => {
    await app.close();
    await cleanup();
  });

  async function send(overrides: Record<string, unknown> = {}): Promise<Sent & { complaint: Record<string, unknown> }> {
    const complaint = { ...structuredClone(fixture), id: crypto.randomUUID(), ...overrides };
    const response = await app.inject({ method: "POST", url: "/api/v1/complaints", headers: json, payload: JSON.stringify(complaint) });
    expect(response.statusCode).toBe(201);
    return { ...response.json<Sent>(), complaint };
  }

  const status = (reference: string, token: string) => app.inject({ method: "GET", url: `/api/v1/complaints/${reference}`, headers: bearer(token) });
  const copy = (reference: string, headers: Record<string, string>) => app.inject({ method: "GET", url: `/api/v1/complaints/${reference}/copy`, headers });

  it("gives a 16-symbol access code with every complaint, and keeps only a hash of it", async () => {
    const sent = await send();
    expect(normaliseAccessCode(sent.accessCode)).toBe(sent.accessCode);
    const credentials = await store.findCredentials(sent.reference);
    expect(credentials?.accessCodeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(credentials)).not.toContain(sent.accessCode);
  });

  it("follows a complaint from another device: a fresh token that reads the status, and the old one stops", async () => {
    const sent = await send();
    const response = await app.inject(checkRequest({ reference: sent.reference.toLowerCase(), accessCode: groupAccessCode(sent.accessCode).toLowerCase() }));
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    const body = response.json<{ id: string; reference: string; councilId: string; statusToken: string; summary: Record<string, unknown> }>();
    expect(body).toMatchObject({ id: sent.id, reference: sent.reference, councilId: fixture.councilId });
    expect(body.summary).toMatchObject({ role: fixture.role, eligibility: fixture.eligibility });
    // Never what was written (decision 008).
    expect(JSON.stringify(body)).not.toContain(fixture.whatHappened.text);
    expect((await status(sent.reference, body.statusToken)).statusCode).toBe(200);
    expect((await status(sent.reference, sent.statusToken)).statusCode).toBe(404);
  });

  it.each([
    ["a wrong code", (sent: Sent) => ({ reference: sent.reference, accessCode: "2222 2222 2222 2222" })],
    ["an unknown reference", (sent: Sent) => ({ reference: "SU-2222-2222", accessCode: sent.accessCode })],
    ["a malformed code", (sent: Sent) => ({ reference: sent.reference, accessCode: "hello" })],
    ["a malformed reference", (sent: Sent) => ({ reference: "nope", accessCode: sent.accessCode })],
  ])("answers %s with the same 404, and changes nothing", async (_name, body) => {
    const sent = await send();
    const response = await app.inject(checkRequest(body(sent)));
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: "not-found", message: "We couldn't find that complaint. Check the reference and the access code and try again." });
    expect((await status(sent.reference, sent.statusToken)).statusCode).toBe(200);
  });

  it.each([
    ["no body fields", {}, ["reference", "accessCode"]],
    ["numbers", { reference: 1, accessCode: 2 }, ["reference", "accessCode"]],
    ["an unknown field", { reference: "SU-2222-2222", accessCode: "x", pin: "1" }, ["pin"]],
  ])("refuses %s with a 400 naming the fields", async (_name, body, fields) => {
    const response = await app.inject(checkRequest(body));
    expect(response.statusCode).toBe(400);
    expect(response.json<{ fields: Array<{ field: string }> }>().fields.map((f) => f.field)).toEqual(fields);
  });

  it("slows down guesses for one reference from many addresses, with when to try again", async () => {
    await start({ checksPerReference: { max: 3, windowSeconds: 120 } });
    const sent = await send();
    for (let i = 0; i < 3; i++) {
      expect((await app.inject(checkRequest({ reference: sent.reference, accessCode: "2222222222222222" }, `10.0.0.${i + 1}`))).statusCode).toBe(404);
    }
    // Even the right code, typed another way, from a new address waits now.
    const limited = await app.inject(checkRequest({ reference: sent.reference.toLowerCase().replaceAll("-", " "), accessCode: sent.accessCode }, "10.0.0.9"));
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ error: "too-many-requests" });
    // Another complaint is not held up.
    const other = await send();
    expect((await app.inject(checkRequest({ reference: other.reference, accessCode: other.accessCode }, "10.0.0.9"))).statusCode).toBe(200);
  });

  it("slows down one address trying many references", async () => {
    await start({ checksPerAddress: { max: 2, windowSeconds: 120 } });
    const sent = await send();
    expect((await app.inject(checkRequest({ reference: "SU-2222-2222", accessCode: sent.accessCode }))).statusCode).toBe(404);
    expect((await app.inject(checkRequest({ reference: "SU-3333-3333", accessCode: sent.accessCode }))).statusCode).toBe(404);
    expect((await app.inject(checkRequest({ reference: sent.reference, accessCode: sent.accessCode }))).statusCode).toBe(429);
    expect((await app.inject(checkRequest({ reference: sent.reference, accessCode: sent.accessCode }, "10.1.1.1"))).statusCode).toBe(200);
  });

  it("has limits a person will not meet by mistyping", () => {
    expect(DEFAULT_SETTINGS.checksPerReference.max).toBeGreaterThanOrEqual(5);
    expect(DEFAULT_SETTINGS.checksPerReference.max).toBeLessThanOrEqual(20);
  });

  it("changes the access code for the token's holder: the old one stops working, the new one works", async () => {
    const sent = await send();
    const changed = await app.inject({ method: "POST", url: `/api/v1/complaints/${sent.reference}/access-code`, headers: bearer(sent.statusToken) });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers["cache-control"]).toBe("no-store");
    const { accessCode } = changed.json<{ accessCode: string }>();
    expect(accessCode).not.toBe(sent.accessCode);
    expect((await app.inject(checkRequest({ reference: sent.reference, accessCode: sent.accessCode }))).statusCode).toBe(404);
    expect((await app.inject(checkRequest({ reference: sent.reference, accessCode }))).statusCode).toBe(200);
  });

  it("does not change the access code without the token", async () => {
    const sent = await send();
    const other = await send();
    expect((await app.inject({ method: "POST", url: `/api/v1/complaints/${sent.reference}/access-code` })).statusCode).toBe(401);
    expect((await app.inject({ method: "POST", url: `/api/v1/complaints/${sent.reference}/access-code`, headers: bearer(other.statusToken) })).statusCode).toBe(
      404,
    );
    expect((await app.inject(checkRequest({ reference: sent.reference, accessCode: sent.accessCode }))).statusCode).toBe(200);
  });

  it("a resend of the same complaint (the first answer lost) gives a new code and the first stops working", async () => {
    const sent = await send();
    const again = await app.inject({ method: "POST", url: "/api/v1/complaints", headers: json, payload: JSON.stringify(sent.complaint) });
    expect(again.statusCode).toBe(200);
    const { accessCode } = again.json<Sent>();
    expect(accessCode).not.toBe(sent.accessCode);
    expect((await app.inject(checkRequest({ reference: sent.reference, accessCode: sent.accessCode }))).statusCode).toBe(404);
    expect((await app.inject(checkRequest({ reference: sent.reference, accessCode }))).statusCode).toBe(200);
  });

  it("gives exactly what was sent as a copy, only with a valid token", async () => {
    const sent = await send();
    const response = await copy(sent.reference, bearer(sent.statusToken));
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    const body = response.json<{ reference: string; councilId: string; complaint: Record<string, unknown> }>();
    expect(body.reference).toBe(sent.reference);
    expect(body.complaint).toEqual(JSON.parse(JSON.stringify(sent.complaint)));
    expect((await copy(sent.reference, {})).statusCode).toBe(401);
    expect((await copy(sent.reference, bearer("A".repeat(43)))).statusCode).toBe(404);
    expect((await copy("SU-2222-2222", bearer(sent.statusToken))).statusCode).toBe(404);
  });
});
