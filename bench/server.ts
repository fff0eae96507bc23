import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildApp } from "../src/server/app";
import { loadCouncils } from "../src/server/councils";
import type { ServerSettings } from "../src/server/server-settings";
import type { ComplaintStore } from "../src/server/storage/complaint-store";
import { openSqliteStore } from "../src/server/storage/sqlite-store";

/*
 * The server under load (issue 10): requests a second on SQLite with synchronous=FULL beside
 * NORMAL and the bare health check; answers while 2,000 slow clients hold connections; and how
 * long a stalled body is held with the default limits.
 */

const root = resolve(import.meta.dirname, "..");
const fixture = JSON.parse(readFileSync(join(root, "test/fixtures/complaint.valid.json"), "utf8")) as Record<string, unknown>;
const councils = loadCouncils(join(root, "public/councils"), join(root, "test/fixtures/councils"));
/** The bench is one client sending as fast as it can: lift the rate limits it would hit at once. */
const UNLIMITED: Partial<ServerSettings> = {
  complaintsPerAddress: { max: 1_000_000, windowSeconds: 60 },
  statusPerAddress: { max: 1_000_000, windowSeconds: 60 },
};

async function withServer<T>(
  synchronous: "FULL" | "NORMAL",
  settings: Partial<ServerSettings>,
  run: (port: number, store: ComplaintStore) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "speak-up-bench-"));
  const store = openSqliteStore(join(dir, "complaints.db"), { synchronous });
  const app = await buildApp({ store, councils, settings });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  try {
    return await run(port, store);
  } finally {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function send(port: number, agent: Agent, method: "GET" | "POST", path: string, body?: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const req = request({ host: "127.0.0.1", port, method, path, agent, headers: body ? { "content-type": "application/json" } : {} }, (res) => {
      res.resume();
      res.on("end", () => done({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.on("error", fail);
    req.end(body);
  });
}

const complaintBody = () => JSON.stringify({ ...fixture, id: crypto.randomUUID() });

/** Requests a second from 8 clients at once, keeping their connections. */
async function perSecond(port: number, path: string, total: number, body?: () => string): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next++ < total) {
        const { status } = await send(port, agent, body ? "POST" : "GET", path, body?.());
        if (status >= 300) throw new Error(`${path} answered ${status}`);
      }
    }),
  );
  agent.destroy();
  return total / ((performance.now() - started) / 1000);
}

async function throughput(): Promise<string[]> {
  const health = await withServer("FULL", UNLIMITED, (port) => perSecond(port, "/api/v1/health", 4000));
  const full = await withServer("FULL", UNLIMITED, (port) => perSecond(port, "/api/v1/complaints", 2000, complaintBody));
  const normal = await withServer("NORMAL", UNLIMITED, (port) => perSecond(port, "/api/v1/complaints", 2000, complaintBody));
  return [
    `GET /api/v1/health: ${health.toFixed(0)} a second`,
    `POST /api/v1/complaints, SQLite synchronous=FULL (the default): ${full.toFixed(0)} a second`,
    `POST /api/v1/complaints, SQLite synchronous=NORMAL: ${normal.toFixed(0)} a second (FULL costs ${((1 - full / normal) * 100).toFixed(0)}%)`,
  ];
}

function openSlow(port: number, localAddress: string, data: string): Promise<Socket> {
  return new Promise((done, fail) => {
    const socket = connect({ port, host: "127.0.0.1", localAddress }, () => {
      socket.write(data);
      done(socket);
    });
    socket.on("error", fail);
  });
}

async function slowClients(count = 2000): Promise<string[]> {
  return withServer("FULL", {}, async (port) => {
    const sockets: Socket[] = [];
    // Spread over 80 loopback addresses, as many people would be: 25 each, under every per-address limit.
    for (let i = 0; i < count; i++) {
      const from = `127.0.0.${2 + (i % 80)}`;
      const data =
        i % 2 === 0
          ? "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: a" // headers that never finish
          : "POST /api/v1/complaints HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"; // a body that stops
      sockets.push(await openSlow(port, from, data));
    }
    const agent = new Agent({ keepAlive: false });
    const health = await send(port, agent, "GET", "/api/v1/health");
    const complaint = await send(port, agent, "POST", "/api/v1/complaints", complaintBody());
    const held = sockets.filter((s) => !s.destroyed).length;
    for (const socket of sockets) socket.destroy();
    return [
      `with ${held} of ${count} slow clients holding connections: health ${health.status} in ${health.ms.toFixed(0)} ms, a new complaint ${complaint.status} in ${complaint.ms.toFixed(0)} ms (goal: under 1,000 ms)`,
    ];
  });
}

async function stalledBody(): Promise<string[]> {
  return withServer("FULL", {}, async (port) => {
    const started = performance.now();
    const socket = await openSlow(
      port,
      "127.0.0.1",
      "POST /api/v1/complaints HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{",
    );
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString()));
    await new Promise((done) => socket.on("close", done));
    const seconds = (performance.now() - started) / 1000;
    return [
      `a stalled body with the default limits: closed after ${seconds.toFixed(1)} s with "${answer.split("\r\n")[0]}" (goal: within 30 s; the limit is 25 s, checked every second)`,
    ];
  });
}

export async function runServerBench(): Promise<string[]> {
  return [...(await throughput()), ...(await slowClients()), ...(await stalledBody())];
}
