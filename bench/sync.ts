import { execFileSync } from "node:child_process";
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { startServer } from "../test/setup/e2e-server";
import { launchBrowser } from "../test/e2e/support/browser";

const root = resolve(import.meta.dirname, "..");
const fixture = JSON.parse(readFileSync(join(root, "test/fixtures/complaint.valid.json"), "utf8")) as Record<string, unknown>;

function countRows(dbFile: string, table: string): number {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** A fresh server on a fresh SQLite file, for one measurement. */
async function withServer<T>(run: (url: string, dbFile: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "speak-up-bench-"));
  const dbFile = join(dir, "complaints.db");
  const server = await startServer(dbFile);
  try {
    return await run(server.url, dbFile);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The outbox in real Chromium against the real server: 200 complaints queued while offline, then
 * the connection comes back; the time until the outbox is empty (each sent once, one at a time).
 */
async function outboxDrain(count = 200): Promise<string> {
  // The app as `npm start` serves it.
  execFileSync(process.execPath, [join(root, "node_modules/tsx/dist/cli.mjs"), join(root, "scripts/build-if-needed.ts")], { cwd: root, stdio: "inherit" });
  return withServer(async (url, dbFile) => {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ serviceWorkers: "block" });
      const page = await context.newPage();
      await page.goto(url);
      await page.getByRole("heading", { name: "Are you in danger now?" }).waitFor();
      await context.setOffline(true);
      await page.evaluate(
        async ({ payload, n }) => {
          const now = new Date().toISOString();
          const records = Array.from({ length: n }, () => {
            const id = crypto.randomUUID();
            return {
              id,
              schemaVersion: 2,
              kind: "complaint",
              draftId: crypto.randomUUID(),
              payload: { ...payload, id },
              state: "waiting",
              attempts: 0,
              queuedAt: now,
              nextAttemptAt: now,
              endpoint: "/api/v1/complaints",
            };
          });
          await new Promise<void>((done, fail) => {
            const open = indexedDB.open("speak-up");
            open.onsuccess = () => {
              const tx = open.result.transaction("outbox", "readwrite");
              for (const record of records) tx.objectStore("outbox").put(record);
              tx.oncomplete = () => {
                open.result.close();
                done();
              };
              tx.onerror = () => fail(new Error(String(tx.error)));
            };
            open.onerror = () => fail(new Error(String(open.error)));
          });
        },
        { payload: fixture, n: count },
      );
      const outboxCount = () =>
        page.evaluate(
          () =>
            new Promise<number>((done, fail) => {
              const open = indexedDB.open("speak-up");
              open.onsuccess = () => {
                const req = open.result.transaction("outbox").objectStore("outbox").count();
                req.onsuccess = () => {
                  open.result.close();
                  done(req.result);
                };
                req.onerror = () => fail(new Error(String(req.error)));
              };
            }),
        );
      const waiting = await outboxCount();
      if (waiting !== count) throw new Error(`${waiting} complaints queued, expected ${count}`);
      const started = performance.now();
      await context.setOffline(false);
      while ((await outboxCount()) > 0) {
        if (performance.now() - started > 120_000) throw new Error("The outbox did not empty in 2 minutes");
        await new Promise((r) => setTimeout(r, 25));
      }
      const ms = performance.now() - started;
      const stored = countRows(dbFile, "complaints");
      if (stored !== count) throw new Error(`The server holds ${stored} complaints, expected ${count}`);
      return `send ${count} queued complaints once the connection returns: ${(ms / 1000).toFixed(2)} s (${(ms / count).toFixed(1)} ms each, one at a time; server holds exactly ${stored})`;
    } finally {
      await browser.close();
    }
  });
}

/** Requests per second for `seconds`, `connections` at a time over keep-alive, all answered 2xx. */
async function load(url: string, method: "GET" | "POST", body: () => string | undefined, seconds = 5, connections = 32): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(url);
  let done = 0;
  let failed = 0;
  const until = Date.now() + seconds * 1000;
  const one = () =>
    new Promise<void>((resolvePromise) => {
      const payload = body();
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method,
          agent,
          headers: payload ? { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(payload) } : {},
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            if ((res.statusCode ?? 500) < 300) done++;
            else failed++;
            resolvePromise();
          });
        },
      );
      req.on("error", () => {
        failed++;
        resolvePromise();
      });
      req.end(payload);
    });
  const started = Date.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < until) await one();
    }),
  );
  agent.destroy();
  if (failed > 0) throw new Error(`${failed} ${method} ${target.pathname} requests failed`);
  return done / ((Date.now() - started) / 1000);
}

/** Sustained submissions per second on SQLite beside the same server's plain health endpoint. */
async function serverThroughput(): Promise<string[]> {
  return withServer(async (url, dbFile) => {
    const complaint = () => JSON.stringify({ ...fixture, id: crypto.randomUUID() });
    // Warm up both paths.
    await load(`${url}/api/v1/health`, "GET", () => undefined, 1);
    await load(`${url}/api/v1/complaints`, "POST", complaint, 1);
    const health = await load(`${url}/api/v1/health`, "GET", () => undefined);
    const submissions = await load(`${url}/api/v1/complaints`, "POST", complaint);
    const rows = countRows(dbFile, "complaints");
    return [
      `health endpoint: ${health.toFixed(0)} requests/s (32 connections, 5 s)`,
      `submissions on SQLite: ${submissions.toFixed(0)} complaints/s (32 connections, 5 s; ${rows} stored, each validated and written once)`,
      `ratio submissions / health: ${(submissions / health).toFixed(2)}`,
    ];
  });
}

export async function runSyncBench(): Promise<string[]> {
  return [await outboxDrain(), ...(await serverThroughput())];
}
