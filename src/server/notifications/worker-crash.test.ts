import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import fixture from "../../../test/fixtures/complaint.valid.json" with { type: "json" };
import { WebhookReceiver } from "../../../test/setup/receivers";
import { killServer, listening, startServer, stopServers, type ServerProcess } from "../../../test/setup/server-process";
import { testStores } from "../../../test/setup/stores";

/*
 * Real API processes (tsx src/server/index.ts) and a real receiver:
 * - the process killed (SIGKILL) while a receiver holds its webhook request: after a restart on the
 *   same SQLite file the delivery's lease runs out, it is sent again and delivered; the receiver
 *   sees it at least once and, honouring the idempotency key, records it exactly once;
 * - two processes on one PostgreSQL database (when TEST_DATABASE_URL is set, as in .ci/run), both
 *   polling, send every webhook exactly once between them. Which process sends which is not
 *   visible from outside; that a claimer skips rows another holds (SKIP LOCKED) is proven
 *   deterministically in delivery-store.test.ts.
 */

const root = resolve(import.meta.dirname, "../../..");
const WAIT_MS = 25_000;

let dir: string;
let receiver: WebhookReceiver;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "speak-up-crash-"));
  receiver = new WebhookReceiver();
  await receiver.listen();
  cpSync(join(root, "test/fixtures/councils"), join(dir, "councils"), { recursive: true });
  const file = join(dir, "councils/example-borough.json");
  const council = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...council, notifications: { webhook: { url: receiver.url } } }));
});

afterEach(async () => {
  await stopServers();
  await receiver.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The server, sending Example Borough's webhooks to the receiver, quickly. */
function start(databaseUrl = `sqlite:${join(dir, "complaints.db")}`): ServerProcess {
  return startServer({
    STATIC_DIR: dir,
    DATABASE_URL: databaseUrl,
    SPEAK_UP_TEST_COUNCILS: join(dir, "councils"),
    WEBHOOK_SECRET_EXAMPLE_BOROUGH: "a-test-secret-that-is-long-enough-0123456789",
    DELIVERY_POLL_MILLISECONDS: "50",
    DELIVERY_TIMEOUT_SECONDS: "1",
    DELIVERY_LEASE_SECONDS: "2",
    DELIVERY_FIRST_RETRY_SECONDS: "1",
  });
}

async function until<T>(what: string, check: () => T | undefined | false, server?: ServerProcess): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen in ${WAIT_MS} ms\n${server?.output.stdout ?? ""}${server?.output.stderr ?? ""}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function webhookState(): { state: string; attempts: number } | undefined {
  const db = new Database(join(dir, "complaints.db"), { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[], { state: string; attempts: number }>("SELECT state, attempts FROM deliveries WHERE kind = 'webhook'").get();
  } finally {
    db.close();
  }
}

describe("a delivery survives the API process being killed mid-send", () => {
  it("is sent again after a restart and recorded once", { timeout: 90_000 }, async () => {
    receiver.mode = "hang";
    const first = start();
    const port = await listening(first);
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/complaints`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...structuredClone(fixture), id: crypto.randomUUID() }),
    });
    expect(response.status).toBe(201);
    await until("the receiver holding the request", () => receiver.seen.length === 1, first);
    expect(webhookState()).toEqual({ state: "sending", attempts: 1 });

    await killServer(first);
    receiver.release();
    receiver.mode = "ok";

    const second = start();
    await until("delivered after the restart", () => webhookState()?.state === "delivered", second);
    expect(receiver.seen.length).toBeGreaterThanOrEqual(2);
    expect(new Set(receiver.seen.map((s) => s.headers["idempotency-key"])).size).toBe(1);
    expect(receiver.recorded.size).toBe(1);
    expect(webhookState()?.attempts).toBeGreaterThanOrEqual(2);
  });
});

for (const postgres of testStores().filter((s) => s.name === "postgres")) {
  describe("two API processes on one PostgreSQL database", () => {
    it("send every complaint's webhook once between them: each claimed once, received once", { timeout: 90_000 }, async () => {
      const database = await postgres.blank();
      try {
        receiver.delayMs = 150; // a busy receiver, so both processes' claims overlap
        const servers = [start(database.url), start(database.url)];
        const ports = await Promise.all(servers.map(listening));
        const COMPLAINTS = 30;
        for (let i = 0; i < COMPLAINTS; i++) {
          const response = await fetch(`http://127.0.0.1:${ports[i % 2]}/api/v1/complaints`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ ...structuredClone(fixture), id: crypto.randomUUID() }),
          });
          expect(response.status).toBe(201);
        }
        await until("every webhook received", () => receiver.recorded.size === COMPLAINTS, servers[0]);
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        try {
          const settled = async () =>
            (await client.query<{ state: string; attempts: number }>("SELECT state, attempts FROM deliveries WHERE kind = 'webhook'")).rows;
          const deadline = Date.now() + WAIT_MS;
          while ((await settled()).some((r) => r.state !== "delivered") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
          const rows = await settled();
          expect(rows).toHaveLength(COMPLAINTS);
          expect(rows.every((r) => r.state === "delivered" && r.attempts === 1)).toBe(true);
        } finally {
          await client.end();
        }
        expect(receiver.seen).toHaveLength(COMPLAINTS);
      } finally {
        await stopServers();
        await database.cleanup();
      }
    });
  });
}
