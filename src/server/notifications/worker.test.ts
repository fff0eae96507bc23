import { createHmac, timingSafeEqual } from "node:crypto";
import { resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import fixture from "../../../test/fixtures/complaint.valid.json" with { type: "json" };
import { startSmtpServer, WebhookReceiver, type ReceivedMail } from "../../../test/setup/receivers";
import { testStores } from "../../../test/setup/stores";
import type { CouncilSettings } from "../../domain/council";
import { buildApp } from "../app";
import { loadCouncils } from "../councils";
import { notificationSettingsFromEnv, type NotificationSettings } from "../server-settings";
import type { ComplaintStore } from "../storage/complaint-store";
import { listDeliveries } from "./delivery-store";
import { DeliveryWorker } from "./worker";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";
const TYPED = "nobody asked me what I wanted";

/** Verify a webhook as README's "Connecting a council's case system" tells a council's developer to. */
function verify(header: string, rawBody: string, secret: string): boolean {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=") as [string, string]));
  const expected = createHmac("sha256", secret).update(`${parts.t}.${rawBody}`).digest("hex");
  const given = Buffer.from(parts.v1 ?? "", "hex");
  return given.length === 32 && timingSafeEqual(given, Buffer.from(expected, "hex"));
}

function decodeMail(mail: ReceivedMail): string {
  // Plain text may be quoted-printable: undo soft line breaks and =XX escapes.
  return mail.raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe.each(testStores())("the delivery worker against a real SMTP server and a real receiver: $name", ({ open }) => {
  let store: ComplaintStore;
  let cleanup: () => Promise<void>;
  let app: FastifyInstance;
  let receiver: WebhookReceiver;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let clock: number;
  let worker: DeliveryWorker;
  let councils: Map<string, CouncilSettings>;
  let settings: NotificationSettings;
  const now = () => new Date(clock);

  beforeEach(async () => {
    ({ store, cleanup } = await open());
    receiver = new WebhookReceiver();
    await receiver.listen();
    smtp = await startSmtpServer();
    councils = loadCouncils(resolve(import.meta.dirname, "../../../public/councils"));
    const council = councils.get("example-borough")!;
    councils.set("example-borough", { ...council, notifications: { email: ["complaints-team@example.gov.uk"], webhook: { url: receiver.url } } });
    settings = notificationSettingsFromEnv(
      {
        SMTP_HOST: "127.0.0.1",
        SMTP_PORT: String(smtp.port),
        SMTP_FROM: "speak-up@example.gov.uk",
        STAFF_BASE_URL: "https://speakup.example.gov.uk/staff/",
        WEBHOOK_SECRET_EXAMPLE_BOROUGH: SECRET,
      },
      councils,
    );
    app = await buildApp({ store, councils });
    clock = Date.now() + 1000;
    worker = new DeliveryWorker({
      store,
      councils,
      settings,
      now,
      timing: { timeoutMs: 300, leaseMs: 5000, firstRetryMs: 1000, maxRetryMs: 3_600_000, retryForMs: 24 * 3_600_000 },
    });
  });
  afterEach(async () => {
    await worker.stop();
    await app.close();
    await receiver.close();
    await smtp.close();
    await cleanup();
  });

  async function send(overrides: Record<string, unknown> = {}): Promise<{ id: string; reference: string }> {
    const id = crypto.randomUUID();
    const response = await app.inject({ method: "POST", url: "/api/v1/complaints", payload: { ...structuredClone(fixture), id, ...overrides } });
    expect(response.statusCode).toBe(201);
    return { id, reference: response.json<{ reference: string }>().reference };
  }

  it("emails the team with the council, reference, date and link but no complaint text, and posts the signed complaint", async () => {
    const { id, reference } = await send();
    expect(await worker.runOnce()).toBe(2);
    const deliveries = await listDeliveries(store.sql, id);
    expect(deliveries.map((d) => [d.kind, d.state, d.attempts, d.lastError])).toEqual([
      ["email", "delivered", 1, null],
      ["webhook", "delivered", 1, null],
    ]);

    expect(smtp.mails).toHaveLength(1);
    const mail = decodeMail(smtp.mails[0]!);
    expect(smtp.mails[0]?.to).toEqual(["complaints-team@example.gov.uk"]);
    expect(mail).toContain(`Subject: New complaint ${reference} for Example Borough Council`);
    expect(mail).toContain(`https://speakup.example.gov.uk/staff/complaints/${reference}`);
    expect(mail).toMatch(/Received: \d{1,2} \w+ \d{4}/);
    for (const secret of [TYPED, fixture.putRight, fixture.contact.email, fixture.adjustments, fixture.whatHappened.who]) {
      expect(mail).not.toContain(secret);
    }
    expect(mail).not.toMatch(/Urgent/);

    expect(receiver.seen).toHaveLength(1);
    const hook = receiver.seen[0]!;
    const body = JSON.parse(hook.rawBody) as Record<string, unknown>;
    expect(body).toMatchObject({ event: "complaint.received", reference, urgent: false, council: { id: "example-borough" } });
    expect((body.complaint as typeof fixture).whatHappened.text).toBe(fixture.whatHappened.text);
    expect(hook.headers["idempotency-key"]).toBe(body.idempotencyKey);
    expect(hook.headers["content-type"]).toBe("application/json");
    expect(verify(String(hook.headers["speak-up-signature"]), hook.rawBody, SECRET)).toBe(true);
    expect(String(hook.headers["speak-up-signature"])).toMatch(new RegExp(`^t=${String(hook.headers["speak-up-timestamp"])},v1=[0-9a-f]{64}$`));
    expect(verify(String(hook.headers["speak-up-signature"]), hook.rawBody.replace("J", "K"), SECRET)).toBe(false);
    expect(verify(String(hook.headers["speak-up-signature"]), hook.rawBody, "another-secret")).toBe(false);
  });

  it("marks the email and the webhook urgent when the person said someone may be in danger, still with no complaint text", async () => {
    const { reference } = await send({ saysInDanger: true });
    await worker.runOnce();
    const mail = decodeMail(smtp.mails[0]!);
    expect(mail).toContain(`Subject: Urgent: New complaint ${reference}`);
    expect(mail).not.toContain(TYPED);
    expect(JSON.parse(receiver.seen[0]!.rawBody)).toMatchObject({ urgent: true });
  });

  it("retries a receiver that is down and delivers once it is back", async () => {
    const port = receiver.port;
    await receiver.close();
    const { id } = await send();
    await worker.runOnce();
    let hook = (await listDeliveries(store.sql, id)).find((d) => d.kind === "webhook")!;
    expect([hook.state, hook.attempts, hook.lastError]).toEqual(["pending", 1, "could not connect (ECONNREFUSED)"]);
    expect(hook.nextAttemptAt).toBe(new Date(clock + 1000).toISOString());
    expect(await worker.runOnce()).toBe(0); // not due yet
    await receiver.listen(port);
    clock += 1000;
    expect(await worker.runOnce()).toBe(1);
    hook = (await listDeliveries(store.sql, id)).find((d) => d.kind === "webhook")!;
    expect([hook.state, hook.attempts, hook.lastError]).toEqual(["delivered", 2, null]);
    expect(receiver.recorded.size).toBe(1);
  });

  it("gives up on a slow receiver after the time-out and sends again; the receiver records the key once", async () => {
    receiver.mode = "hang";
    const { id } = await send();
    await worker.runOnce();
    let hook = (await listDeliveries(store.sql, id)).find((d) => d.kind === "webhook")!;
    expect([hook.state, hook.lastError]).toEqual(["pending", "no answer in 0.3 s"]);
    receiver.mode = "ok";
    clock += 1000;
    await worker.runOnce();
    hook = (await listDeliveries(store.sql, id)).find((d) => d.kind === "webhook")!;
    expect(hook.state).toBe("delivered");
    expect(receiver.seen).toHaveLength(2);
    expect(receiver.recorded.size).toBe(1);
    expect(new Set(receiver.seen.map((s) => s.headers["idempotency-key"])).size).toBe(1);
  });

  it("treats a redirect as a failed attempt and never follows it", async () => {
    receiver.mode = "redirect";
    const { id } = await send();
    await worker.runOnce();
    const hook = (await listDeliveries(store.sql, id)).find((d) => d.kind === "webhook")!;
    expect([hook.state, hook.lastError]).toEqual(["pending", "HTTP 302"]);
    expect(receiver.seen).toHaveLength(1);
  });

  it("backs off exponentially for 24 hours, then marks it failed; the answer's body is never kept", async () => {
    receiver.mode = "error";
    const { id } = await send();
    const arrived = clock - 1000;
    const waits: number[] = [];
    for (let i = 0; i < 100; i++) {
      await worker.runOnce();
      const hook = (await listDeliveries(store.sql, id)).find((d) => d.kind === "webhook")!;
      if (hook.state !== "pending") break;
      waits.push(Date.parse(hook.nextAttemptAt) - clock);
      clock = Date.parse(hook.nextAttemptAt);
    }
    const hook = (await listDeliveries(store.sql, id)).find((d) => d.kind === "webhook")!;
    expect([hook.state, hook.lastError]).toEqual(["failed", "HTTP 503"]);
    expect(clock - arrived).toBeGreaterThanOrEqual(24 * 3_600_000);
    expect(waits.slice(0, 4)).toEqual([1000, 2000, 4000, 8000]);
    expect(JSON.stringify(hook)).not.toContain("maintenance");
  });

  it("a resend from the failed state sends again with the same idempotency key", async () => {
    receiver.mode = "error";
    const { id } = await send();
    clock += 25 * 3_600_000;
    await worker.runOnce();
    const hook = (await listDeliveries(store.sql, id)).find((d) => d.kind === "webhook")!;
    expect(hook.state).toBe("failed");
    receiver.mode = "ok";
    const { resendDelivery } = await import("./delivery-store");
    expect(await resendDelivery(store.sql, hook.id, now())).toBe(true);
    await worker.runOnce();
    expect((await listDeliveries(store.sql, id)).find((d) => d.kind === "webhook")?.state).toBe("delivered");
    expect(receiver.seen.map((s) => s.headers["idempotency-key"])).toEqual([hook.idempotencyKey, hook.idempotencyKey]);
    expect(receiver.recorded.size).toBe(1);
  });
});
