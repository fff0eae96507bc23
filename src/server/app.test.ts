import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { FastifyInstance, InjectOptions } from "fastify";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import fixture from "../../test/fixtures/complaint.valid.json" with { type: "json" };
import { testStores } from "../../test/setup/stores";
import { buildApp } from "./app";
import { loadCouncils } from "./councils";
import { BODY_LIMIT_BYTES } from "./json-body";
import type { ComplaintStore } from "./storage/complaint-store";

const REFERENCE = /^SU-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/;
const councils = loadCouncils(resolve(import.meta.dirname, "../../public/councils"));
const SPA_HTML = "<!doctype html><title>Speak Up test shell</title>";

/** The valid fixture with a fresh id, so no two tests share one. */
function validComplaint(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...structuredClone(fixture), id: crypto.randomUUID(), ...overrides };
}

function post(payload: unknown, headers: Record<string, string> = { "content-type": "application/json" }): InjectOptions {
  return {
    method: "POST",
    url: "/api/v1/complaints",
    headers,
    payload: typeof payload === "string" ? payload : JSON.stringify(payload),
  };
}

function nested(levels: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < levels; i++) value = { deeper: value };
  return value;
}

interface BadRequest {
  name: string;
  request: () => InjectOptions;
  status: number;
  /** What the JSON error body must contain. */
  body: Record<string, unknown>;
}

const json = { "content-type": "application/json" };

/** Every way a client can get a complaint wrong: each must be a 4xx naming the problem, and store nothing. */
const badRequests: BadRequest[] = [
  {
    name: "malformed JSON",
    request: () => post('{"id": "abc", "whatHappened": {', json),
    status: 400,
    body: { error: "malformed-json", message: expect.stringMatching(/not valid JSON/) },
  },
  {
    name: "whatHappened.text of the wrong type",
    request: () => post(validComplaint({ whatHappened: { text: 5 } })),
    status: 400,
    body: { error: "invalid-complaint", fields: [{ field: "whatHappened.text", key: "validation:whatHappened.text.type" }] },
  },
  {
    name: "several fields of the wrong type, each named",
    request: () => post(validComplaint({ id: 42, child: { age: "fourteen" } })),
    status: 400,
    body: {
      error: "invalid-complaint",
      fields: expect.arrayContaining([
        { field: "id", key: "validation:id.format" },
        { field: "child.age", key: "validation:child.age.type" },
      ]),
    },
  },
  {
    name: "whatHappened missing",
    request: () => post(validComplaint({ whatHappened: undefined })),
    status: 400,
    body: {
      error: "invalid-complaint",
      message: expect.stringMatching(/whatHappened/),
      fields: [{ field: "whatHappened", key: expect.stringMatching(/^validation:/) }],
    },
  },
  {
    name: "whatHappened.text empty after trimming",
    request: () => post(validComplaint({ whatHappened: { text: "   " } })),
    status: 400,
    body: { error: "invalid-complaint", fields: [{ field: "whatHappened.text", key: "validation:whatHappened.text.required" }] },
  },
  {
    name: "an unknown top-level field",
    request: () => post(validComplaint({ isAdmin: true })),
    status: 400,
    body: { error: "invalid-complaint", fields: [{ field: "isAdmin", key: "validation:unknownField" }] },
  },
  {
    name: "an unknown nested field",
    request: () => post(validComplaint({ whatHappened: { ...fixture.whatHappened, mood: "angry" } })),
    status: 400,
    body: { error: "invalid-complaint", fields: [{ field: "whatHappened.mood", key: "validation:unknownField" }] },
  },
  {
    name: "a __proto__ key",
    request: () => post(`{"__proto__":{"polluted":true},${JSON.stringify(validComplaint()).slice(1)}`),
    status: 400,
    body: { error: "invalid-complaint", fields: [{ field: "__proto__", key: "validation:unknownField" }] },
  },
  {
    name: "Content-Type: text/plain",
    request: () => post(validComplaint(), { "content-type": "text/plain" }),
    status: 415,
    body: { error: "unsupported-media-type", message: expect.stringMatching(/application\/json/) },
  },
  {
    name: "no Content-Type",
    request: () => post(validComplaint(), {}),
    status: 415,
    body: { error: "unsupported-media-type", message: expect.stringMatching(/application\/json/) },
  },
  {
    name: "JSON in a charset other than UTF-8",
    request: () => post(validComplaint(), { "content-type": "application/json; charset=iso-8859-1" }),
    status: 415,
    body: { error: "unsupported-media-type" },
  },
  {
    name: "Content-Encoding: gzip on an uncompressed body",
    request: () => post(validComplaint(), { ...json, "content-encoding": "gzip" }),
    status: 415,
    body: { error: "unsupported-content-encoding", message: expect.stringMatching(/uncompressed/) },
  },
  {
    name: "a body nested 100 levels deep",
    request: () => post(validComplaint({ child: nested(100) })),
    status: 400,
    body: { error: "too-deeply-nested", message: expect.stringMatching(/nested more than \d+ levels/) },
  },
  {
    name: "a bare array nested 100 levels deep",
    request: () => post(`${"[".repeat(100)}${"]".repeat(100)}`),
    status: 400,
    body: { error: "too-deeply-nested" },
  },
  {
    name: "a body over 256 KB",
    request: () => post(validComplaint({ whatHappened: { text: "x".repeat(BODY_LIMIT_BYTES + 1) } })),
    status: 413,
    body: { error: "body-too-large", message: expect.stringMatching(/256 KB/) },
  },
  {
    name: "an empty body",
    request: () => post("", json),
    status: 400,
    body: { error: "empty-body", message: expect.stringMatching(/empty/) },
  },
  {
    name: "a body of only whitespace",
    request: () => post("  \n ", json),
    status: 400,
    body: { error: "empty-body" },
  },
  {
    name: "a JSON array",
    request: () => post([validComplaint()]),
    status: 400,
    body: { error: "invalid-complaint", fields: [{ field: "(body)", key: "validation:invalid" }] },
  },
  {
    name: "JSON null",
    request: () => post("null", json),
    status: 400,
    body: { error: "invalid-complaint", fields: [{ field: "(body)", key: "validation:invalid" }] },
  },
  {
    name: "an unknown councilId",
    request: () => post(validComplaint({ councilId: "atlantis" })),
    status: 400,
    body: { error: "invalid-complaint", fields: [{ field: "councilId", key: "validation:councilId.unknown" }] },
  },
  {
    name: "whatHappened.text over its 10,000 character limit",
    request: () => post(validComplaint({ whatHappened: { text: "a".repeat(10_001) } })),
    status: 400,
    body: { error: "invalid-complaint", fields: [{ field: "whatHappened.text", key: "validation:whatHappened.text.tooLong" }] },
  },
  // Issue 10: PostgreSQL's JSONB refused these with a 500, which the phone retries for ever.
  {
    name: "a NUL in what happened",
    request: () => post(validComplaint({ whatHappened: { text: "before\u0000after" } })),
    status: 400,
    body: { error: "invalid-complaint", fields: [{ field: "whatHappened.text", key: "validation:text.unstorable" }] },
  },
  {
    name: "a lone surrogate in what would put it right",
    request: () => post(validComplaint({ putRight: "half an emoji \ud83d" })),
    status: 400,
    body: { error: "invalid-complaint", fields: [{ field: "putRight", key: "validation:text.unstorable" }] },
  },
  {
    name: "a NUL in the child's name",
    request: () => post(validComplaint({ child: { name: "\u0000" } })),
    status: 400,
    body: { error: "invalid-complaint", fields: [{ field: "child.name", key: "validation:text.unstorable" }] },
  },
  {
    name: "what happened made only of a zero-width space",
    request: () => post(validComplaint({ whatHappened: { text: "\u200b" } })),
    status: 400,
    body: { error: "invalid-complaint", fields: [{ field: "whatHappened.text", key: "validation:whatHappened.text.required" }] },
  },
  {
    name: "a createdAt of 262 KB",
    request: () => post(validComplaint({ createdAt: `2026-11-20T16:05:00.${"0".repeat(200_000)}Z` })),
    status: 400,
    body: { error: "invalid-complaint", fields: [{ field: "createdAt", key: "validation:datetime.format" }] },
  },
  {
    name: "a createdAt in the year 9999",
    request: () => post(validComplaint({ createdAt: "9999-01-01T00:00:00.000Z", submittedAt: "9999-01-01T00:00:00.000Z" })),
    status: 400,
    body: { error: "invalid-complaint", fields: expect.arrayContaining([{ field: "createdAt", key: "validation:datetime.format" }]) },
  },
  {
    name: "a submittedAt before createdAt",
    request: () => post(validComplaint({ createdAt: "2026-11-20T16:20:00.000Z", submittedAt: "2026-11-20T16:05:00.000Z" })),
    status: 400,
    body: { error: "invalid-complaint", fields: [{ field: "submittedAt", key: "validation:submittedAt.beforeCreatedAt" }] },
  },
  {
    name: "an unsupported schemaVersion",
    request: () => post(validComplaint({ schemaVersion: 2 })),
    status: 400,
    body: { error: "invalid-complaint", fields: [{ field: "schemaVersion", key: "validation:schemaVersion.unsupported" }] },
  },
];

describe.each(testStores())("HTTP API: $name", ({ name: storeName, open }) => {
  let store: ComplaintStore;
  let cleanup: () => Promise<void>;
  let app: FastifyInstance;
  let staticDir: string;

  beforeAll(() => {
    // A stand-in for dist/ so the tests see the app shell without a Vite build.
    staticDir = mkdtempSync(join(tmpdir(), "speak-up-static-"));
    writeFileSync(join(staticDir, "index.html"), SPA_HTML);
  });
  afterAll(() => {
    rmSync(staticDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    ({ store, cleanup } = await open());
    app = await buildApp({ store, councils, staticDir });
  });
  afterEach(async () => {
    await app.close();
    await cleanup();
  });

  describe("POST /api/v1/complaints", () => {
    it("accepts a valid complaint with 201 and a reference, and stores it once", async () => {
      const complaint = validComplaint();
      const response = await app.inject(post(complaint));
      expect(response.statusCode).toBe(201);
      expect(response.headers["content-type"]).toMatch(/^application\/json/);
      expect(response.headers["cache-control"]).toBe("no-store");
      const body = response.json<{ id: string; reference: string; receivedAt: string; statusToken: string }>();
      expect(Object.keys(body).sort()).toEqual(["accessCode", "id", "receivedAt", "reference", "statusToken"]);
      expect(body.id).toBe(complaint.id);
      expect(body.reference).toMatch(REFERENCE);
      expect(new Date(body.receivedAt).toISOString()).toBe(body.receivedAt);
      // 32 random bytes in base64url; the server keeps only its sha-256.
      expect(body.statusToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(body.statusToken, "base64url")).toHaveLength(32);
      expect(await store.countComplaints()).toBe(1);
      const stored = await store.findByReference(body.reference);
      expect(stored?.statusTokenHash).toBe(createHash("sha256").update(body.statusToken).digest("hex"));
      expect(JSON.stringify(stored)).not.toContain(body.statusToken);
      expect(stored?.id).toBe(complaint.id);
      expect(stored?.councilId).toBe("example-borough");
      expect(JSON.parse(stored?.body ?? "null")).toEqual(complaint);
    });

    it.each([true, false, undefined])("stores the safety flag saysInDanger: %s as it was sent (issue 16)", async (saysInDanger) => {
      const complaint = { ...validComplaint(), saysInDanger };
      const response = await app.inject(post(complaint));
      expect(response.statusCode).toBe(201);
      const stored = await store.findByReference(response.json<{ reference: string }>().reference);
      const body = JSON.parse(stored?.body ?? "null") as Record<string, unknown>;
      expect(body.saysInDanger).toBe(saysInDanger);
      // A complaint from a client before the question has no flag at all, not a made-up "no".
      expect("saysInDanger" in body).toBe(saysInDanger !== undefined);
    });

    it.each(["ar", "ti", undefined])("stores the language %s the complaint was written in, null from an older client (issue 14)", async (language) => {
      const complaint = { ...validComplaint(), language };
      const response = await app.inject(post(complaint));
      expect(response.statusCode).toBe(201);
      const stored = await store.findByReference(response.json<{ reference: string }>().reference);
      expect(stored?.language).toBe(language ?? null);
      expect((JSON.parse(stored?.body ?? "null") as Record<string, unknown>).language).toBe(language);
    });

    it("refuses a language that is not a language code, naming the field", async () => {
      const response = await app.inject(post({ ...validComplaint(), language: "x; DROP TABLE" }));
      expect(response.statusCode).toBe(400);
      expect(response.json<{ fields: Array<{ field: string; key: string }> }>().fields).toContainEqual({
        field: "language",
        key: "validation:language.format",
      });
    });

    it("answers a retry of the same complaint with 200 and the same reference, storing nothing new", async () => {
      const complaint = validComplaint();
      const first = await app.inject(post(complaint));
      expect(first.statusCode).toBe(201);
      const again = await app.inject(post(complaint));
      expect(again.statusCode).toBe(200);
      // The token and the access code are new (the first answer was lost: decisions 006 and 015).
      const { statusToken: firstToken, accessCode: firstCode, ...firstAnswer } = first.json<{ statusToken: string; accessCode: string }>();
      const { statusToken: newToken, accessCode: newCode, ...againAnswer } = again.json<{ statusToken: string; accessCode: string }>();
      expect(newCode).not.toBe(firstCode);
      expect(againAnswer).toEqual(firstAnswer);
      // A new token (rotation is tested with GET in status.test.ts).
      expect(newToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(newToken).not.toBe(firstToken);
      expect(await store.countComplaints()).toBe(1);
    });

    it("refuses a different complaint reusing an id with 409, storing nothing new", async () => {
      const complaint = validComplaint();
      const first = await app.inject(post(complaint));
      expect(first.statusCode).toBe(201);
      const reused = await app.inject(post({ ...complaint, whatHappened: { text: "Something else entirely." } }));
      expect(reused.statusCode).toBe(409);
      expect(reused.json()).toMatchObject({ error: "id-reused", fields: [{ field: "id", key: "validation:id.reused" }] });
      expect(reused.json()).not.toHaveProperty("statusToken");
      expect(await store.countComplaints()).toBe(1);
      const stored = await store.findByReference(first.json<{ reference: string }>().reference);
      expect(JSON.parse(stored?.body ?? "null")).toEqual(complaint);
    });

    it("stores an id sent in upper case once, in lower case, and answers the lower-case resend as the same complaint", async () => {
      const complaint = validComplaint();
      const id = String(complaint.id);
      const first = await app.inject(post({ ...complaint, id: id.toUpperCase() }));
      expect(first.statusCode).toBe(201);
      expect(first.json<{ id: string }>().id).toBe(id.toLowerCase());
      const again = await app.inject(post({ ...complaint, id: id.toLowerCase() }));
      expect(again.statusCode).toBe(200);
      expect(again.json<{ reference: string }>().reference).toBe(first.json<{ reference: string }>().reference);
      expect(await store.countComplaints()).toBe(1);
      expect((await store.findByReference(first.json<{ reference: string }>().reference))?.id).toBe(id.toLowerCase());
    });

    it("stores a complaint full of emoji up to the limit as the form counts it", async () => {
      const text = "👩‍👧".repeat(10_000);
      const response = await app.inject(post(validComplaint({ whatHappened: { text } })));
      expect(response.statusCode).toBe(201);
    });

    it("accepts Content-Type: application/json; charset=utf-8", async () => {
      for (const contentType of ["application/json; charset=utf-8", "application/json;charset=UTF-8"]) {
        const response = await app.inject(post(validComplaint(), { "content-type": contentType }));
        expect(response.statusCode, contentType).toBe(201);
      }
      expect(await store.countComplaints()).toBe(2);
    });

    it.each(badRequests)("refuses $name with $status, naming the problem and storing nothing", async ({ request, status, body }) => {
      const before = await store.countComplaints();
      const response = await app.inject(request());
      expect(response.statusCode).toBe(status);
      expect(response.headers["content-type"]).toMatch(/^application\/json/);
      expect(response.json()).toMatchObject({ message: expect.any(String), ...body });
      expect(await store.countComplaints()).toBe(before);
    });

    it("keeps working after every kind of bad request", async () => {
      const accepted = await app.inject(post(validComplaint()));
      expect(accepted.statusCode).toBe(201);
      for (const bad of badRequests) {
        const response = await app.inject(bad.request());
        expect(response.statusCode, bad.name).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, bad.name).toBeLessThan(500);
      }
      expect(await store.countComplaints()).toBe(1);
      const after = await app.inject(post(validComplaint()));
      expect(after.statusCode).toBe(201);
      expect(after.json<{ reference: string }>().reference).toMatch(REFERENCE);
      expect(await store.countComplaints()).toBe(2);
    });

    it("stores text with HTML in it exactly as sent", async () => {
      const text = `<script>alert("hi")</script> and <b>bold</b> & 'quotes' \u00e9 \u{1F600}`;
      const who = "<img src=x onerror=alert(1)>";
      const complaint = validComplaint({ whatHappened: { text, who } });
      const response = await app.inject(post(complaint));
      expect(response.statusCode).toBe(201);
      const stored = await store.findByReference(response.json<{ reference: string }>().reference);
      const body = JSON.parse(stored?.body ?? "null") as { whatHappened: { text: string; who: string } };
      expect(body.whatHappened.text).toBe(text);
      expect(body.whatHappened.who).toBe(who);
    });

    it("answers a database failure with 500 and a safe message, not the error", async () => {
      await store.close();
      const response = await app.inject(post(validComplaint()));
      expect(response.statusCode).toBe(500);
      expect(response.json()).toEqual({ error: "server-error", message: expect.stringMatching(/safe on your device/) });
      expect(response.body).not.toMatch(/sqlite|postgres|pool|connection|at .*\.ts/i);
    });
  });

  describe("GET /api/v1/health", () => {
    it("answers 200 with the store kind", async () => {
      const response = await app.inject({ method: "GET", url: "/api/v1/health" });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: "ok", store: storeName });
    });

    it("answers 503 when the database does not", async () => {
      await store.close();
      const response = await app.inject({ method: "GET", url: "/api/v1/health" });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ status: "unavailable", store: storeName });
    });
  });

  describe("headers and unknown addresses", () => {
    it.each<[string, InjectOptions]>([
      ["the health check", { method: "GET", url: "/api/v1/health" }],
      ["a refused complaint", post("{", json)],
      ["an unknown API address", { method: "GET", url: "/api/v1/nothing-here" }],
      ["the app shell", { method: "GET", url: "/start" }],
    ])("sends the security headers on %s", async (_name, request) => {
      const response = await app.inject(request);
      const csp = String(response.headers["content-security-policy"]);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(response.headers["referrer-policy"]).toBe("no-referrer");
      expect(response.headers["permissions-policy"]).toMatch(/camera=\(\)/);
      expect(response.headers["cross-origin-opener-policy"]).toBe("same-origin");
    });

    it("serves the app shell for page addresses", async () => {
      const response = await app.inject({ method: "GET", url: "/start" });
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toMatch(/^text\/html/);
      expect(response.body).toBe(SPA_HTML);
    });

    it.each<[string, string]>([
      ["GET", "/api/v1/nothing-here"],
      ["GET", "/api/"],
      ["GET", "/api/v1/complaints"],
      ["POST", "/api/v2/complaints"],
      ["DELETE", "/api/v1/complaints"],
    ])("answers %s %s with 404 JSON, not the app shell", async (method, url) => {
      const response = await app.inject({ method: method as InjectOptions["method"], url: `${url}?x=1` });
      expect(response.statusCode).toBe(404);
      expect(response.headers["content-type"]).toMatch(/^application\/json/);
      expect(response.json()).toEqual({ error: "not-found", message: `No such address: ${method} ${url}` });
      expect(response.body).not.toContain("<!doctype html>");
    });
  });
});
