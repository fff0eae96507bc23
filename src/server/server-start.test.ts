import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TSX, WAIT_MS, listening, startServer as startServerProcess, stopServers, within } from "../../test/setup/server-process";

/**
 * Start the real server (src/server/index.ts through tsx) the way `npm start` does, and check
 * what a person sees when DATABASE_URL is wrong, unreachable or fine.
 */

const root = resolve(import.meta.dirname, "../..");
const TEST_TIMEOUT_MS = 40_000;

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "speak-up-start-"));
});

afterEach(async () => {
  await stopServers();
  rmSync(dir, { recursive: true, force: true });
});

/** The server with `env`, serving an empty folder. */
const startServer = (env: Record<string, string>, command?: [string, ...string[]]) => startServerProcess({ STATIC_DIR: dir, ...env }, command);

/** Run the server expecting it to refuse to start; return what it printed to stderr. */
async function failedStart(env: Record<string, string>): Promise<string> {
  const server = startServer(env);
  const { code } = await within(server.exited, "Exiting", server);
  expect(code, server.output.stderr).not.toBe(0);
  expect(server.output.stdout).not.toMatch(/running at/);
  const stderr = server.output.stderr;
  expect(stderr).toContain("Speak Up could not start.");
  // A message for a person, not a crash: no stack frames.
  expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  return stderr;
}

describe("starting the server", () => {
  it(
    "refuses a DATABASE_URL it does not support, naming the forms it accepts",
    async () => {
      const stderr = await failedStart({ DATABASE_URL: "mysql://x" });
      expect(stderr).toContain('DATABASE_URL "mysql://x" is not supported');
      expect(stderr).toMatch(/sqlite:<file>/);
      expect(stderr).toMatch(/postgres:\/\/user:password@host:5432\/database/);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "explains that an unreachable PostgreSQL database cannot be used",
    async () => {
      const stderr = await failedStart({ DATABASE_URL: "postgres://postgres@127.0.0.1:1/nothing" });
      expect(stderr).toContain("Could not use the PostgreSQL database at postgres://postgres@127.0.0.1:1/nothing");
      expect(stderr).toMatch(/ECONNREFUSED/);
      expect(stderr).toMatch(/Check the server is running and DATABASE_URL is right/);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "explains a SQLite file that cannot be created",
    async () => {
      const stderr = await failedStart({ DATABASE_URL: "sqlite:/etc/hostname/inside-a-file/x.db" });
      expect(stderr).toContain('Could not open the SQLite database at "/etc/hostname/inside-a-file/x.db"');
      expect(stderr).toMatch(/set DATABASE_URL to another file/);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "refuses a PORT that is not a port number",
    async () => {
      const stderr = await failedStart({ PORT: "eighty", DATABASE_URL: `sqlite:${join(dir, "x.db")}` });
      expect(stderr).toContain('PORT "eighty" is not a port number');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "starts with a SQLite file, creating it, answers the health check and stops cleanly on SIGTERM",
    async () => {
      const dbFile = join(dir, "new-folder", "x.db");
      const server = startServer({ DATABASE_URL: `sqlite:${dbFile}` });
      const port = await listening(server);
      expect(server.output.stdout).toContain("(store: sqlite)");
      // Retention, per council, plainly (decision 020): what is deleted, or that nothing is.
      expect(server.output.stdout).toContain(
        "Retention: closed complaints for Example Borough Council (example-borough) are deleted 6 years after they were closed.",
      );
      expect(server.output.stdout).toContain(
        "Retention: nothing is deleted for Riverside Children's Trust (riverside): its settings file does not set dataProtection.retention.",
      );
      expect(existsSync(dbFile)).toBe(true);

      const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`, { signal: AbortSignal.timeout(WAIT_MS) });
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: "ok", store: "sqlite" });

      server.child.kill("SIGTERM");
      const { code, signal } = await within(server.exited, "Stopping on SIGTERM", server);
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(server.output.stderr).toBe("");
    },
    TEST_TIMEOUT_MS,
  );
});

describe("the compiled server, as npm start runs it (issue 10)", () => {
  beforeAll(() => {
    execFileSync(TSX, ["scripts/build-server.ts"], { cwd: root, stdio: "pipe" });
  }, TEST_TIMEOUT_MS);

  it("runs under plain node in one process, and npm start runs that", () => {
    const scripts = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toMatch(/&& exec node dist-server\/index\.js$/);
    expect(existsSync(join(root, "dist-server/migrations/sqlite/001-complaints.sql"))).toBe(true);
  });

  it(
    "on SIGTERM stops accepting, finishes the request in flight, closes the database and exits 0; the data is private",
    async () => {
      const dbFile = join(dir, "data", "complaints.db");
      const server = startServer({ DATABASE_URL: `sqlite:${dbFile}` }, [process.execPath, "dist-server/index.js"]);
      const port = await listening(server);
      expect(statSync(join(dir, "data")).mode & 0o777).toBe(0o700);
      expect(statSync(dbFile).mode & 0o777).toBe(0o600);

      // A complaint whose body is half sent when the signal comes.
      const fixture = readFileSync(join(root, "test/fixtures/complaint.valid.json"), "utf8");
      const body = JSON.stringify({ ...(JSON.parse(fixture) as object), id: crypto.randomUUID() });
      const socket = connect(port, "127.0.0.1");
      let answer = "";
      socket.on("data", (chunk) => (answer += chunk.toString()));
      const closed = new Promise((done) => socket.on("close", done));
      await new Promise((done) => socket.once("connect", done));
      socket.write(`POST /api/v1/complaints HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`);
      socket.write(body.slice(0, 100));
      await new Promise((done) => setTimeout(done, 300));

      server.child.kill("SIGTERM");
      // Stopped accepting: a new connection is refused.
      await within(
        (async () => {
          for (;;) {
            const refused = await new Promise<boolean>((done) => {
              const probe = connect(port, "127.0.0.1");
              probe.once("connect", () => {
                probe.destroy();
                done(false);
              });
              probe.once("error", () => done(true));
            });
            if (refused) return;
            await new Promise((done) => setTimeout(done, 50));
          }
        })(),
        "Refusing new connections",
        server,
      );
      expect(server.child.exitCode).toBeNull();

      socket.end(body.slice(100));
      await within(closed, "The request in flight to finish", server);
      expect(answer).toMatch(/^HTTP\/1\.1 201 /);
      const { code, signal } = await within(server.exited, "Stopping on SIGTERM", server);
      expect({ code, signal }).toEqual({ code: 0, signal: null });

      const db = new Database(dbFile, { readonly: true });
      expect(db.prepare("SELECT COUNT(*) AS n FROM complaints").get()).toEqual({ n: 1 });
      db.close();
    },
    TEST_TIMEOUT_MS,
  );
});
