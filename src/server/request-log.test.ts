import { resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import fixture from "../../test/fixtures/complaint.valid.json" with { type: "json" };
import { testStores } from "../../test/setup/stores";
import { buildApp } from "./app";
import { loadCouncils } from "./councils";
import { redactUrl } from "./request-log";
import type { ComplaintStore } from "./storage/complaint-store";

const councils = loadCouncils(resolve(import.meta.dirname, "../../public/councils"));
const json = { "content-type": "application/json" };
const SECRET = "my foster carer locked me out";

/** A log that keeps every line, at every level, to read back. */
function capturedLog() {
  const lines: Array<Record<string, unknown>> = [];
  return {
    lines,
    text: () => lines.map((line) => JSON.stringify(line)).join("\n"),
    stream: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  };
}

describe("redactUrl", () => {
  it.each([
    ["/api/v1/complaints/SU-7KQ4-M9XD", "/api/v1/complaints/SU-****-****"],
    ["/api/v1/complaints/su-7kq4-m9xd/escalations?token=abc", "/api/v1/complaints/SU-****-****/escalations"],
    ["/api/v1/health", "/api/v1/health"],
  ])("logs %s as %s", (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});

describe.each(testStores())("the log holds no complaint text, token or reference: $name", ({ open }) => {
  let store: ComplaintStore;
  let cleanup: () => Promise<void>;
  let app: FastifyInstance;
  let log: ReturnType<typeof capturedLog>;

  beforeEach(async () => {
    ({ store, cleanup } = await open());
    log = capturedLog();
    app = await buildApp({ store, councils, logger: { level: "trace", stream: log.stream } });
  });
  afterEach(async () => {
    await app.close();
    await cleanup();
  });

  it("at trace level, through a send, a status check, a wrong token and a next-stage request, with one info line per request", async () => {
    const complaint = { ...structuredClone(fixture), id: crypto.randomUUID(), whatHappened: { text: SECRET } };
    const sent = await app.inject({ method: "POST", url: "/api/v1/complaints", headers: json, payload: JSON.stringify(complaint) });
    expect(sent.statusCode).toBe(201);
    const { reference, statusToken } = sent.json<{ reference: string; statusToken: string }>();
    const status = await app.inject({ method: "GET", url: `/api/v1/complaints/${reference}`, headers: { authorization: `Bearer ${statusToken}` } });
    expect(status.statusCode).toBe(200);
    const wrong = await app.inject({ method: "GET", url: `/api/v1/complaints/${reference}`, headers: { authorization: `Bearer ${"A".repeat(43)}` } });
    expect(wrong.statusCode).toBe(404);
    const escalation = {
      id: crypto.randomUUID(),
      schemaVersion: 1,
      toStage: 2,
      why: SECRET,
      submittedAt: new Date().toISOString(),
    };
    const asked = await app.inject({
      method: "POST",
      url: `/api/v1/complaints/${reference}/escalations`,
      headers: { ...json, authorization: `Bearer ${statusToken}` },
      payload: JSON.stringify(escalation),
    });
    expect(asked.statusCode).toBe(201);
    const refused = await app.inject({ method: "POST", url: "/api/v1/complaints", headers: json, payload: `{"whatHappened":"${SECRET}"` });
    expect(refused.statusCode).toBe(400);

    const text = log.text();
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(statusToken);
    expect(text).not.toContain(reference);
    const info = log.lines.filter((line) => line.level === 30 && line.msg === "request");
    expect(info.map((line) => [line.method, line.url, line.status])).toEqual([
      ["POST", "/api/v1/complaints", 201],
      ["GET", "/api/v1/complaints/SU-****-****", 200],
      ["GET", "/api/v1/complaints/SU-****-****", 404],
      ["POST", "/api/v1/complaints/SU-****-****/escalations", 201],
      ["POST", "/api/v1/complaints", 400],
    ]);
    // Nothing else at info or above: one concise line per request.
    expect(log.lines.filter((line) => Number(line.level) >= 30 && line.msg !== "request")).toEqual([]);
  });

  it("logs a database failure by its kind and code only, not its message, where or detail (which quote the row)", async () => {
    // What pg throws when PostgreSQL refuses a value: the row's text is in message, where and detail.
    const failing: ComplaintStore = {
      ...store,
      insertComplaint: async () => {
        throw Object.assign(new Error(`invalid input syntax for type json: "${SECRET}"`), {
          name: "error",
          code: "22P02",
          where: `JSON data, line 1: {"whatHappened":{"text":"${SECRET}`,
          detail: `Token "${SECRET}" is invalid.`,
        });
      },
    };
    await app.close();
    app = await buildApp({ store: failing, councils, logger: { level: "trace", stream: log.stream } });
    const complaint = { ...structuredClone(fixture), id: crypto.randomUUID(), whatHappened: { text: SECRET } };
    const response = await app.inject({ method: "POST", url: "/api/v1/complaints", headers: json, payload: JSON.stringify(complaint) });
    expect(response.statusCode).toBe(500);
    expect(log.text()).not.toContain(SECRET);
    const failure = log.lines.find((line) => line.msg === "request failed");
    expect(failure).toMatchObject({ level: 50, err: { type: "error", code: "22P02" } });
  });
});
