import { resolve } from "node:path";
import type { FastifyInstance, InjectOptions } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import fixture from "../../test/fixtures/complaint.valid.json" with { type: "json" };
import { buildApp } from "./app";
import { loadCouncils } from "./councils";
import { DEFAULT_SETTINGS, type ServerSettings } from "./server-settings";
import type { ComplaintStore } from "./storage/complaint-store";
import { openStore } from "./storage/open-store";

const councils = loadCouncils(resolve(import.meta.dirname, "../../public/councils"));
const json = { "content-type": "application/json" };
const WRONG_TOKEN = { authorization: `Bearer ${"A".repeat(43)}` };

let app: FastifyInstance | undefined;
let store: ComplaintStore | undefined;

afterEach(async () => {
  await app?.close();
  await store?.close();
});

async function build(settings: Partial<ServerSettings>): Promise<FastifyInstance> {
  store = await openStore("sqlite::memory:");
  app = await buildApp({ store, councils, settings });
  return app;
}

const newComplaint = (remoteAddress = "127.0.0.1", headers: Record<string, string> = {}): InjectOptions => ({
  method: "POST",
  url: "/api/v1/complaints",
  headers: { ...json, ...headers },
  remoteAddress,
  payload: JSON.stringify({ ...structuredClone(fixture), id: crypto.randomUUID() }),
});

const status = (reference: string, remoteAddress: string): InjectOptions => ({
  method: "GET",
  url: `/api/v1/complaints/${reference}`,
  headers: WRONG_TOKEN,
  remoteAddress,
});

function expectLimited(response: Awaited<ReturnType<FastifyInstance["inject"]>>, windowSeconds: number): void {
  expect(response.statusCode).toBe(429);
  expect(response.json()).toEqual({ error: "too-many-requests", message: expect.stringMatching(/Try again in \d+ seconds/) });
  const retryAfter = Number(response.headers["retry-after"]);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
}

describe("rate limits (issue 10)", () => {
  it("has defaults no person sending their own complaint would reach", () => {
    expect(DEFAULT_SETTINGS.complaintsPerAddress).toEqual({ max: 60, windowSeconds: 600 });
    expect(DEFAULT_SETTINGS.statusPerReference.max).toBeGreaterThanOrEqual(30);
  });

  it("limits new complaints from one address, storing nothing past the limit, and not another address", async () => {
    const server = await build({ complaintsPerAddress: { max: 3, windowSeconds: 60 } });
    for (let i = 0; i < 3; i++) expect((await server.inject(newComplaint())).statusCode).toBe(201);
    expectLimited(await server.inject(newComplaint()), 60);
    expect(await store?.countComplaints()).toBe(3);
    expect((await server.inject(newComplaint("10.0.0.2"))).statusCode).toBe(201);
  });

  it("limits status checks on one reference from every address together, so guessing its token from many addresses is no faster", async () => {
    const server = await build({ statusPerReference: { max: 5, windowSeconds: 60 } });
    for (let i = 1; i <= 5; i++) expect((await server.inject(status("SU-2222-3333", `10.0.0.${i}`))).statusCode).toBe(404);
    expectLimited(await server.inject(status("SU-2222-3333", "10.0.0.99")), 60);
    // The same reference in lower case is the same reference.
    expectLimited(await server.inject(status("su-2222-3333", "10.0.0.98")), 60);
    expect((await server.inject(status("SU-4444-5555", "10.0.0.99"))).statusCode).toBe(404);
  });

  it("limits status checks and next-stage requests from one address across references", async () => {
    const server = await build({ statusPerAddress: { max: 3, windowSeconds: 60 } });
    expect((await server.inject(status("SU-2222-3333", "10.0.0.1"))).statusCode).toBe(404);
    expect((await server.inject(status("SU-2222-4444", "10.0.0.1"))).statusCode).toBe(404);
    const escalation = await server.inject({
      method: "POST",
      url: "/api/v1/complaints/SU-2222-5555/escalations",
      headers: { ...json, ...WRONG_TOKEN },
      remoteAddress: "10.0.0.1",
      payload: "{}",
    });
    expect(escalation.statusCode).toBe(404);
    const limited = await server.inject({
      ...status("SU-2222-6666", "10.0.0.1"),
      method: "POST",
      url: "/api/v1/complaints/SU-2222-6666/escalations",
      payload: "{}",
      headers: { ...json, ...WRONG_TOKEN },
    });
    expectLimited(limited, 60);
    expect((await server.inject(status("SU-2222-6666", "10.0.0.2"))).statusCode).toBe(404);
  });

  it("ignores X-Forwarded-For unless TRUST_PROXY says whose to believe", async () => {
    const direct = await build({ complaintsPerAddress: { max: 1, windowSeconds: 60 } });
    expect((await direct.inject(newComplaint("127.0.0.1", { "x-forwarded-for": "10.0.0.1" }))).statusCode).toBe(201);
    // A client cannot dodge the limit by writing another address in the header.
    expect((await direct.inject(newComplaint("127.0.0.1", { "x-forwarded-for": "10.0.0.2" }))).statusCode).toBe(429);
    await app?.close();
    await store?.close();

    const proxied = await build({ complaintsPerAddress: { max: 1, windowSeconds: 60 }, trustProxy: "127.0.0.1" });
    expect((await proxied.inject(newComplaint("127.0.0.1", { "x-forwarded-for": "10.0.0.1" }))).statusCode).toBe(201);
    expect((await proxied.inject(newComplaint("127.0.0.1", { "x-forwarded-for": "10.0.0.2" }))).statusCode).toBe(201);
    expect((await proxied.inject(newComplaint("127.0.0.1", { "x-forwarded-for": "10.0.0.2" }))).statusCode).toBe(429);
  });
});
