import { resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { answerOfLength, draftWith, limitedAnswers } from "../../test/setup/answer-limits";
import { testStores } from "../../test/setup/stores";
import { answersInComplaint } from "../domain/answers";
import { buildApp } from "./app";
import { loadCouncils } from "./councils";
import type { ComplaintStore } from "./storage/complaint-store";

const councils = loadCouncils(resolve(import.meta.dirname, "../../public/councils"));

/** A complaint as the wizard sends it, with answer `id` `length` characters long (not checked here: the server checks it). */
function complaintWith(id: Parameters<typeof draftWith>[0], length: number) {
  return {
    id: crypto.randomUUID(),
    councilId: "example-borough",
    schemaVersion: 1,
    ...answersInComplaint(draftWith(id, answerOfLength(id, length))),
    createdAt: "2026-11-20T16:05:00.000Z",
    submittedAt: "2026-11-20T16:20:00.000Z",
  };
}

describe.each(testStores())("the server takes each answer's limit from the answer table (decision 022): $name", ({ open }) => {
  let store: ComplaintStore;
  let cleanup: () => Promise<void>;
  let app: FastifyInstance;

  // The API only: no app shell to serve.
  beforeEach(async () => {
    ({ store, cleanup } = await open());
    app = await buildApp({ store, councils });
  });
  afterEach(async () => {
    await app.close();
    await cleanup();
  });

  it.each(limitedAnswers())("$field: accepts $max characters and refuses one more, naming the field", async ({ id, max, field, tooLongKey }) => {
    const post = (body: unknown) =>
      app.inject({ method: "POST", url: "/api/v1/complaints", headers: { "content-type": "application/json" }, payload: JSON.stringify(body) });
    const atLimit = await post(complaintWith(id, max));
    expect(atLimit.statusCode, atLimit.body).toBe(201);
    const over = await post(complaintWith(id, max + 1));
    expect(over.statusCode).toBe(400);
    expect(over.json()).toMatchObject({ error: "invalid-complaint", fields: [{ field, key: tooLongKey }] });
    expect(await store.countComplaints()).toBe(1);
  });
});
