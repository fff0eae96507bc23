import { connect, type Socket } from "node:net";
import { resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import fixture from "../../test/fixtures/complaint.valid.json" with { type: "json" };
import { buildApp } from "./app";
import { loadCouncils } from "./councils";
import type { ServerSettings } from "./server-settings";
import { openStore } from "./storage/open-store";
import type { ComplaintStore } from "./storage/complaint-store";

/*
 * Slow and broken clients against a real listening server (issue 10). Limits are set to a second
 * or two so each test is bounded; every wait has its own deadline, far below the test's timeout.
 */

const councils = loadCouncils(resolve(import.meta.dirname, "../../public/councils"));
const FAST: Partial<ServerSettings> = { headersTimeoutSeconds: 1, requestTimeoutSeconds: 2, keepAliveTimeoutSeconds: 1, idleTimeoutSeconds: 5 };

let app: FastifyInstance | undefined;
let store: ComplaintStore | undefined;
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await app?.close();
  await store?.close();
  app = undefined;
  store = undefined;
});

async function listen(settings: Partial<ServerSettings>): Promise<number> {
  store = await openStore("sqlite::memory:");
  app = await buildApp({ store, councils, settings });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return address.port;
}

interface Exchange {
  socket: Socket;
  /** Everything the server sent until it closed the connection, and how long that took. */
  closed: Promise<{ text: string; ms: number }>;
}

/** Open a connection (from `localAddress`, any 127.x address on Linux) and send `data`, leaving it open. */
function open(port: number, data: string, localAddress = "127.0.0.1"): Promise<Exchange> {
  return new Promise((resolveOpen, reject) => {
    const started = Date.now();
    const socket = connect({ port, host: "127.0.0.1", localAddress });
    sockets.push(socket);
    let text = "";
    const closed = new Promise<{ text: string; ms: number }>((resolveClosed) => {
      socket.on("data", (chunk) => (text += chunk.toString()));
      socket.on("close", () => resolveClosed({ text, ms: Date.now() - started }));
    });
    socket.on("error", () => {});
    socket.once("connect", () => {
      socket.write(data);
      resolveOpen({ socket, closed });
    });
    socket.once("error", reject);
  });
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} not within ${ms} ms`)), ms))]);
}

function statusAndBody(text: string): { status: number; body: unknown } {
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);
  const body = text.slice(text.indexOf("\r\n\r\n") + 4);
  return { status, body: JSON.parse(body) as unknown };
}

const complaintJson = () => JSON.stringify({ ...structuredClone(fixture), id: crypto.randomUUID() });

describe("time limits on every connection", () => {
  it("cuts off a body that stops arriving with a JSON 408 within the request limit", async () => {
    const port = await listen(FAST);
    const { closed } = await open(port, 'POST /api/v1/complaints HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"id":');
    const { text, ms } = await within(closed, 6_000, "the stalled body was not cut off");
    expect(statusAndBody(text)).toEqual({ status: 408, body: { error: "request-timeout", message: expect.any(String) } });
    // The limit is 2 s, checked every second.
    expect(ms).toBeLessThan(4_500);
    expect(await store?.countComplaints()).toBe(0);
  }, 10_000);

  it("cuts off headers that never finish with a JSON 408 within the headers limit", async () => {
    const port = await listen(FAST);
    const { closed } = await open(port, "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: a");
    const { text, ms } = await within(closed, 6_000, "the slow headers were not cut off");
    expect(statusAndBody(text).status).toBe(408);
    expect(ms).toBeLessThan(4_500);
  }, 10_000);

  it("closes a kept-alive connection left idle after the keep-alive limit", async () => {
    const port = await listen(FAST);
    const { closed } = await open(port, "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
    const { text, ms } = await within(closed, 6_000, "the idle connection was not closed");
    expect(text).toMatch(/^HTTP\/1\.1 200/);
    expect(ms).toBeLessThan(4_500);
  }, 10_000);

  it("answers health and a new complaint while 200 slow clients hold connections", async () => {
    // The rate limit would answer these 429 as soon as their headers arrive: lift it to hold them all.
    const port = await listen({
      ...FAST,
      requestTimeoutSeconds: 30,
      headersTimeoutSeconds: 30,
      maxConnectionsPerAddress: 0,
      complaintsPerAddress: { max: 1000, windowSeconds: 60 },
    });
    const slow = await Promise.all(
      Array.from({ length: 200 }, () =>
        open(port, "POST /api/v1/complaints HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"),
      ),
    );
    const health = await within(fetch(`http://127.0.0.1:${port}/api/v1/health`), 2_000, "health");
    expect(health.status).toBe(200);
    const sent = await within(
      fetch(`http://127.0.0.1:${port}/api/v1/complaints`, { method: "POST", headers: { "content-type": "application/json" }, body: complaintJson() }),
      2_000,
      "a complaint",
    );
    expect(sent.status).toBe(201);
    expect(slow.filter(({ socket }) => !socket.destroyed)).toHaveLength(200);
  }, 15_000);
});

describe("connection limits", () => {
  it("refuses connections from one address past its share with a JSON 503, and still serves another address", async () => {
    const port = await listen({ ...FAST, maxConnectionsPerAddress: 5 });
    const held = await Promise.all(Array.from({ length: 5 }, () => open(port, "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: a")));
    const refused = await open(port, "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
    const { text } = await within(refused.closed, 3_000, "the sixth connection was not refused");
    expect(statusAndBody(text)).toEqual({ status: 503, body: { error: "too-many-connections", message: expect.any(String) } });
    expect(text).toMatch(/\r\nRetry-After: 60\r\n/);
    const other = await open(port, "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "127.0.0.2");
    expect((await within(other.closed, 3_000, "another address")).text).toMatch(/^HTTP\/1\.1 200/);
    expect(held.every(({ socket }) => !socket.destroyed)).toBe(true);
  }, 10_000);
});

describe("Node's and Fastify's own refusals use the API's error shape", () => {
  it.each([
    { name: "a request that is not HTTP", data: "HELLO\r\n\r\n", status: 400, error: "bad-request" },
    {
      name: "both Content-Length and Transfer-Encoding",
      data: "POST /api/v1/complaints HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
      status: 400,
      error: "bad-request",
    },
    {
      name: "headers over 16 KB",
      data: `GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`,
      status: 431,
      error: "headers-too-large",
    },
    {
      name: "a reference thousands of characters long",
      data: `GET /api/v1/complaints/${"A".repeat(5000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      status: 414,
      error: "url-too-long",
    },
    { name: "a malformed URL", data: "GET /api/v1/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", status: 400, error: "bad-url" },
    {
      name: "an Expect header other than 100-continue",
      data: "POST /api/v1/complaints HTTP/1.1\r\nHost: x\r\nExpect: teapot\r\nContent-Length: 2\r\n\r\n{}",
      status: 417,
      error: "expectation-failed",
    },
  ])(
    "$name: $status $error",
    async ({ data, status, error }) => {
      const port = await listen(FAST);
      const { closed } = await open(port, data);
      const { text } = await within(closed, 4_000, "no answer");
      expect(text).toMatch(/\r\nContent-Type: application\/json; charset=utf-8\r\n/i);
      const answer = statusAndBody(text);
      expect(answer).toEqual({ status, body: { error, message: expect.any(String) } });
      // Never the URL back: it can hold a reference.
      expect(JSON.stringify(answer.body)).not.toContain("AAAA");
    },
    10_000,
  );
});
