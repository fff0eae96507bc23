import { resolve } from "node:path";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fixture from "../../test/fixtures/complaint.valid.json" with { type: "json" };
import { testStores } from "../../test/setup/stores";
import { todayIso } from "../domain/calendar";
import { staffEventTypes } from "../domain/staff-events";
import { buildApp } from "./app";
import { loadCouncils } from "./councils";
import { makeUser, signIn, type Signed } from "../../test/setup/staff-users";
import type { ComplaintStore } from "./storage/complaint-store";

/*
 * Random events against the real events endpoint on each store: every answer is a 201 or a 4xx in
 * the API's error shape naming a field, never a 5xx; a refused event stores nothing. Fixed seed.
 */

const councils = loadCouncils(resolve(import.meta.dirname, "../../public/councils"));
const SEED = 20_261_212;
const RUNS = 120;
const json = { "content-type": "application/json" };

const today = todayIso(new Date());
const dates = fc.constantFrom(today, "2020-01-01", "2099-12-31", "2026-02-30", "yesterday", "", "2026-1-1");
const value = fc.oneof(
  dates,
  fc.integer({ min: -2, max: 6 }),
  fc.string({ maxLength: 30 }),
  fc.constantFrom(null, true, [], {}, "\u0000", "upheld", "declined", "letter", "other-procedure"),
);
const body = fc.record(
  {
    type: fc.oneof(fc.constantFrom(...staffEventTypes), fc.string({ maxLength: 12 })),
    date: dates,
    stage: fc.oneof(fc.integer({ min: 0, max: 5 }), value),
    outcome: value,
    newDueDate: dates,
    reason: value,
    how: value,
    panelOn: dates,
    decision: value,
    to: value,
    where: value,
    why: value,
    note: value,
    supersedes: fc.oneof(fc.uuid(), value),
    investigatingOfficer: value,
    independentPerson: value,
    extra: value,
  },
  { requiredKeys: ["type"] },
);

describe.each(testStores())("fuzzing the events endpoint: $name", ({ open }) => {
  let store: ComplaintStore;
  let app: FastifyInstance;
  let cleanup: () => Promise<void>;
  let s: Signed;
  let reference: string;

  beforeAll(async () => {
    const opened = await open();
    store = opened.store;
    cleanup = opened.cleanup;
    app = await buildApp({ store, councils });
    s = await signIn(app, await makeUser(app, store, "example-borough", "officer"));
    const sent = await app.inject({
      method: "POST",
      url: "/api/v1/complaints",
      headers: json,
      payload: { ...structuredClone(fixture), id: crypto.randomUUID() },
    });
    reference = sent.json<{ reference: string }>().reference;
  });

  afterAll(async () => {
    await app.close();
    await cleanup();
  });

  it("answers 201 or a 4xx naming a field, never a 5xx, and stores nothing it refused", async () => {
    await fc.assert(
      fc.asyncProperty(body, async (event) => {
        const before = (await store.sql.all("SELECT id FROM staff_events")).length;
        const response = await app.inject({
          method: "POST",
          url: `/api/v1/staff/complaints/${reference}/events`,
          headers: s.change,
          payload: JSON.stringify(event),
        });
        const after = (await store.sql.all("SELECT id FROM staff_events")).length;
        if (response.statusCode === 201) {
          expect(after).toBe(before + 1);
          return;
        }
        expect([400, 409]).toContain(response.statusCode);
        const answer = response.json<{ error: string; fields: Array<{ field: string; key: string }> }>();
        expect(answer.fields.length).toBeGreaterThan(0);
        expect(after).toBe(before);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);
});
