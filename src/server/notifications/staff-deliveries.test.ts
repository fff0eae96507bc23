import { resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import fixture from "../../../test/fixtures/complaint.valid.json" with { type: "json" };
import { makeUser, signIn } from "../../../test/setup/staff-users";
import { testStores } from "../../../test/setup/stores";
import { buildApp } from "../app";
import { loadCouncils } from "../councils";
import type { ComplaintStore } from "../storage/complaint-store";
import { claimDueDeliveries, settleDelivery } from "./delivery-store";

const A = "example-borough";
const B = "northmoor";

interface CaseDelivery {
  id: string;
  kind: string;
  state: string;
  attempts: number;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  error: string | null;
  urgent: boolean;
}

describe.each(testStores())("staff see and resend a case's notifications (issue 13): $name", ({ open }) => {
  let store: ComplaintStore;
  let app: FastifyInstance;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, cleanup } = await open());
    const councils = loadCouncils(resolve(import.meta.dirname, "../../../public/councils"));
    councils.set(A, { ...councils.get(A)!, notifications: { email: ["team@example.gov.uk"], webhook: { url: "https://cases.example.gov.uk/in" } } });
    app = await buildApp({ store, councils });
  });
  afterEach(async () => {
    await app.close();
    await cleanup();
  });

  it("lists each delivery's state and reason, resends a failed one (audited) and refuses other councils and bad ids", async () => {
    const sent = await app.inject({
      method: "POST",
      url: "/api/v1/complaints",
      payload: { ...structuredClone(fixture), id: crypto.randomUUID(), councilId: A, saysInDanger: true },
    });
    const { reference } = sent.json<{ reference: string }>();
    const [first] = await claimDueDeliveries(store.sql, new Date(Date.now() + 1000), 60_000, 1);
    await settleDelivery(store.sql, first!.id, 1, { kind: "failed", error: "HTTP 410" }, new Date());

    const officer = await signIn(app, await makeUser(app, store, A, "officer"));
    const opened = await app.inject({ method: "GET", url: `/api/v1/staff/complaints/${reference}`, headers: officer.headers });
    expect(opened.statusCode).toBe(200);
    const deliveries = opened.json<{ deliveries: CaseDelivery[] }>().deliveries;
    expect(deliveries).toHaveLength(2);
    const failed = deliveries.find((d) => d.id === first!.id)!;
    expect(failed).toMatchObject({ state: "failed", attempts: 1, error: "HTTP 410", nextAttemptAt: null, urgent: true });
    expect(failed.lastAttemptAt).not.toBeNull();
    expect(deliveries.find((d) => d.id !== first!.id)).toMatchObject({ state: "pending", attempts: 0, error: null });

    const url = `/api/v1/staff/complaints/${reference}/deliveries/${failed.id}/resend`;
    // Without the CSRF token: refused like every other staff change.
    const noCsrf = await app.inject({ method: "POST", url, headers: { cookie: officer.cookie } });
    expect(noCsrf.statusCode).toBe(403);
    const resent = await app.inject({ method: "POST", url, headers: officer.remove });
    expect(resent.statusCode).toBe(202);
    expect(resent.json<{ delivery: CaseDelivery }>().delivery).toMatchObject({ state: "pending", error: "HTTP 410" });

    const manager = await signIn(app, await makeUser(app, store, A, "manager"));
    const trail = await app.inject({ method: "GET", url: `/api/v1/staff/audit?reference=${reference}`, headers: manager.headers });
    expect(JSON.stringify(trail.json())).toContain("resend-delivery");

    const other = await signIn(app, await makeUser(app, store, B, "officer"));
    expect((await app.inject({ method: "POST", url, headers: other.remove })).statusCode).toBe(404);
    const unknown = `/api/v1/staff/complaints/${reference}/deliveries/${crypto.randomUUID()}/resend`;
    expect((await app.inject({ method: "POST", url: unknown, headers: officer.remove })).json()).toMatchObject({ error: "not-found" });
    expect(
      (await app.inject({ method: "POST", url: `/api/v1/staff/complaints/${reference}/deliveries/not-an-id/resend`, headers: officer.remove })).statusCode,
    ).toBe(404);

    // Being sent right now: left alone.
    await claimDueDeliveries(store.sql, new Date(Date.now() + 1000), 60_000, 5);
    expect((await app.inject({ method: "POST", url, headers: officer.remove })).json()).toMatchObject({ error: "delivery-sending" });
  });
});
