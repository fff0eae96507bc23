import { resolve } from "node:path";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fixture from "../../test/fixtures/complaint.valid.json" with { type: "json" };
import { testStores } from "../../test/setup/stores";
import { complaintSchema } from "../domain/complaint";
import { buildApp } from "./app";
import { loadCouncils } from "./councils";
import type { ComplaintStore } from "./storage/complaint-store";

/*
 * Property-based fuzzing against the real API on each store (issue 10): complaints and next-stage
 * requests with random values at random places, the nastiest text there is among them. Fixed seed
 * and count, so a run is repeatable; fast-check prints the seed and the smallest failing body.
 */

const councils = loadCouncils(resolve(import.meta.dirname, "../../public/councils"));
const SEED = 20_261_201;
const RUNS = 150;
const json = { "content-type": "application/json" };

const nastyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "\u0000",
    "\ud800",
    "\udfff",
    "a\u0000b",
    "\u200b",
    "\u200b\u200d\ufeff",
    "\u202e",
    "😢".repeat(3),
    "👩‍👩‍👧‍👦",
    "e\u0301",
    "'; DROP TABLE complaints; --",
    "SU-AAAA-BBBB",
    "",
    " ",
    "\r\n",
  ),
  fc.string({ maxLength: 40 }).map((s) => s.toUpperCase()),
);
const anyValue = fc.oneof(nastyText, fc.jsonValue({ maxDepth: 3 }), fc.integer(), fc.double(), fc.constantFrom(null, true, [], {}));

const COMPLAINT_PATHS = [
  "id",
  "councilId",
  "schemaVersion",
  "role",
  "child",
  "child.name",
  "child.age",
  "eligibility",
  "eligibility.topics",
  "eligibility.when",
  "representation",
  "representation.childAgreement",
  "representation.howChecked",
  "representation.checkedOn",
  "whatHappened",
  "whatHappened.text",
  "whatHappened.when",
  "whatHappened.who",
  "putRight",
  "adjustments",
  "wantsAdvocate",
  "contact",
  "contact.method",
  "contact.email",
  "createdAt",
  "submittedAt",
  "__proto__",
  "extra",
];
const ESCALATION_PATHS = ["id", "schemaVersion", "toStage", "why", "wantNow", "replyReceivedOn", "submittedAt", "extra"];

type Json = Record<string, unknown>;

function setPath(target: Json, path: string, value: unknown): void {
  const parts = path.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== "object" || node[part] === null || Array.isArray(node[part])) node[part] = {};
    node = node[part] as Json;
  }
  const last = parts[parts.length - 1] ?? "";
  if (value === undefined) Reflect.deleteProperty(node, last);
  else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
}

/** Text answers, where a body is most likely to be otherwise valid and reach the database. */
const COMPLAINT_TEXTS = ["whatHappened.text", "whatHappened.when", "whatHappened.who", "putRight", "adjustments", "child.name"];
const ESCALATION_TEXTS = ["why", "wantNow"];
/** Ordinary words with something nasty in the middle. */
const textWithin = fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), nastyText, fc.string({ maxLength: 20 })).map((parts) => parts.join(""));

const mutations = (paths: string[], texts: string[]) =>
  fc.array(
    fc.oneof(
      { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...texts), textWithin as fc.Arbitrary<unknown>) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...paths), fc.option(anyValue, { nil: undefined })) },
    ),
    { minLength: 1, maxLength: 2 },
  );

describe.each(testStores())("fuzzing the API: $name", ({ open }) => {
  let store: ComplaintStore;
  let cleanup: () => Promise<void>;
  let app: FastifyInstance;

  beforeAll(async () => {
    ({ store, cleanup } = await open());
    // Every fuzzed request comes from one address: lift the rate limits it would reach.
    const unlimited = { max: 1_000_000, windowSeconds: 60 };
    app = await buildApp({ store, councils, settings: { complaintsPerAddress: unlimited, statusPerAddress: unlimited, statusPerReference: unlimited } });
  });
  afterAll(async () => {
    await app.close();
    await cleanup();
  });

  it(`complaints: no 5xx, nothing stored when refused, what is stored is valid (${RUNS} runs, seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.uuid(), fc.boolean(), mutations(COMPLAINT_PATHS, COMPLAINT_TEXTS), async (id, upper, changes) => {
        const body: Json = { ...structuredClone(fixture), id: upper ? id.toUpperCase() : id };
        for (const [path, value] of changes) setPath(body, path, value);
        const before = await store.countComplaints();
        const response = await app.inject({ method: "POST", url: "/api/v1/complaints", headers: json, payload: JSON.stringify(body) });
        expect(response.statusCode).toBeLessThan(500);
        expect(response.json()).toBeTypeOf("object");
        const after = await store.countComplaints();
        if (response.statusCode >= 400) {
          expect(after).toBe(before);
          expect(response.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
        } else {
          const stored = await store.findByReference(response.json<{ reference: string }>().reference);
          expect(complaintSchema.safeParse(JSON.parse(stored?.body ?? "null")).success).toBe(true);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect((await app.inject({ method: "GET", url: "/api/v1/health" })).statusCode).toBe(200);
  }, 120_000);

  it(`next-stage requests: no 5xx, nothing stored when refused (${RUNS} runs, seed ${SEED})`, async () => {
    const sent = await app.inject({
      method: "POST",
      url: "/api/v1/complaints",
      headers: json,
      payload: JSON.stringify({ ...fixture, id: crypto.randomUUID() }),
    });
    const { reference, statusToken } = sent.json<{ reference: string; statusToken: string }>();
    await fc.assert(
      fc.asyncProperty(mutations(ESCALATION_PATHS, ESCALATION_TEXTS), async (changes) => {
        const body: Json = { id: crypto.randomUUID(), schemaVersion: 1, toStage: 2, why: "Not sorted out.", submittedAt: new Date().toISOString() };
        for (const [path, value] of changes) setPath(body, path, value);
        const before = await store.countEscalations();
        const response = await app.inject({
          method: "POST",
          url: `/api/v1/complaints/${reference}/escalations`,
          headers: { ...json, authorization: `Bearer ${statusToken}` },
          payload: JSON.stringify(body),
        });
        expect(response.statusCode).toBeLessThan(500);
        if (response.statusCode >= 400) expect(await store.countEscalations()).toBe(before);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect((await app.inject({ method: "GET", url: "/api/v1/health" })).statusCode).toBe(200);
  }, 120_000);
});
