import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import fixture from "../test/fixtures/complaint.valid.json" with { type: "json" };
import { buildApp } from "../src/server/app";
import { loadCouncils } from "../src/server/councils";
import { DeliveryWorker } from "../src/server/notifications/worker";
import { notificationSettingsFromEnv } from "../src/server/server-settings";
import { openStore } from "../src/server/storage/open-store";

/**
 * The delivery worker (issue 13): webhooks per second to a local receiver, and the lag from a
 * complaint being stored to its webhook arriving, with the default 1 s poll (what a deployment gets).
 */
export async function runDeliveriesBench(count = 500): Promise<string[]> {
  const lines: string[] = [];
  const databases: Array<[string, string]> = [["SQLite", "sqlite"]];
  if (process.env.TEST_DATABASE_URL) databases.push(["PostgreSQL", process.env.TEST_DATABASE_URL]);
  for (const [name, url] of databases) {
    const dir = mkdtempSync(join(tmpdir(), "speak-up-bench-deliveries-"));
    const lags: number[] = [];
    const received = new Set<string>();
    let done: () => void = () => {};
    const all = new Promise<void>((r) => (done = r));
    const receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (c: Buffer) => chunks.push(c));
      request.on("end", () => {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { receivedAt: string; idempotencyKey: string };
        if (!received.has(body.idempotencyKey)) {
          received.add(body.idempotencyKey);
          lags.push(Date.now() - Date.parse(body.receivedAt));
          if (received.size === count) done();
        }
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    const port = (receiver.address() as AddressInfo).port;
    const councils = loadCouncils(resolve(import.meta.dirname, "../public/councils"), resolve(import.meta.dirname, "../test/fixtures/councils"));
    const council = councils.get("example-borough");
    if (!council) throw new Error("The example-borough council settings are missing.");
    councils.set("example-borough", { ...council, notifications: { webhook: { url: `http://127.0.0.1:${port}/hook` } } });
    const store = await openStore(url === "sqlite" ? `sqlite:${join(dir, "c.db")}` : url);
    const settings = notificationSettingsFromEnv({ WEBHOOK_SECRET_EXAMPLE_BOROUGH: "b".repeat(40) }, councils);
    const app = await buildApp({ store, councils, settings: { complaintsPerAddress: { max: 1_000_000, windowSeconds: 60 } } });
    const send = () => app.inject({ method: "POST", url: "/api/v1/complaints", payload: { ...structuredClone(fixture), id: crypto.randomUUID() } });
    // Throughput: `count` complaints waiting, then the worker drains them.
    for (let i = 0; i < count; i++) await send();
    const worker = new DeliveryWorker({ store, councils, settings, batchSize: 50 });
    const started = performance.now();
    worker.start();
    await all;
    const seconds = (performance.now() - started) / 1000;
    // Lag: complaints one every 100 ms with the worker polling as deployed (every 1 s).
    lags.length = 0;
    const lagged = 50;
    let lagDone: () => void = () => {};
    const lagAll = new Promise<void>((r) => (lagDone = r));
    const target = count + lagged;
    const check = setInterval(() => received.size >= target && lagDone(), 20);
    for (let i = 0; i < lagged; i++) {
      await send();
      await new Promise((r) => setTimeout(r, 100));
    }
    await lagAll;
    clearInterval(check);
    await worker.stop();
    await app.close();
    await store.close();
    receiver.close();
    rmSync(dir, { recursive: true, force: true });
    lags.sort((a, b) => a - b);
    const at = (q: number) => lags[Math.min(lags.length - 1, Math.floor(q * lags.length))] ?? 0;
    lines.push(
      `${name}: ${count} waiting webhooks drained at ${(count / seconds).toFixed(0)} deliveries/s (each received once); ` +
        `lag from stored to received, one complaint every 100 ms: median ${at(0.5)} ms, p95 ${at(0.95)} ms (poll every 1 s)`,
    );
  }
  return lines;
}
