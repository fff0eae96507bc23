import { spawn, type ChildProcess } from "node:child_process";
import { join, resolve } from "node:path";

/*
 * The real server as `npm start` runs it (src/server/index.ts through tsx), in a process of its
 * own, for tests that start, kill and restart it: server-start.test.ts and the notification
 * worker's crash test.
 */

const root = resolve(import.meta.dirname, "../..");
export const TSX = join(root, "node_modules/.bin/tsx");
/** Long enough for tsx to start on a busy two-core machine; a hang fails the test, never the run. */
export const WAIT_MS = 20_000;

export interface ServerProcess {
  child: ChildProcess;
  output: { stdout: string; stderr: string };
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running: ServerProcess[] = [];

/**
 * Start the server with `env` over the test's environment: port 0 on 127.0.0.1, no log, and
 * `STATIC_DIR` (an empty folder, not dist/: the server then serves the API only, built or not).
 */
export function startServer(
  env: Record<string, string> & { STATIC_DIR: string },
  command: [string, ...string[]] = [TSX, "src/server/index.ts"],
): ServerProcess {
  const child = spawn(command[0], command.slice(1), {
    cwd: root,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const output = { stdout: "", stderr: "" };
  child.stdout?.on("data", (data: Buffer) => (output.stdout += data.toString()));
  child.stderr?.on("data", (data: Buffer) => (output.stderr += data.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => {
    child.once("exit", (code, signal) => resolveExit({ code, signal }));
  });
  const server = { child, output, exited };
  running.push(server);
  return server;
}

/** Kill a server with SIGKILL, as a crash would, and wait for it to be gone. */
export async function killServer(server: ServerProcess): Promise<void> {
  const { pid } = server.child;
  // tsx runs the server in a child process of its own, which can outlive it: end the whole
  // process group (spawned detached, so the group id is tsx's pid).
  if (pid !== undefined) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // the group has already gone
    }
  }
  await server.exited;
}

/** Kill every server this file started (for afterEach). */
export async function stopServers(): Promise<void> {
  for (const server of running.splice(0)) await killServer(server);
}

/** `promise`, or an error with what the server printed when it takes longer than WAIT_MS. */
export function within<T>(promise: Promise<T>, what: string, server: ServerProcess): Promise<T> {
  return new Promise<T>((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${what} did not happen within ${WAIT_MS} ms.\nstdout:\n${server.output.stdout}\nstderr:\n${server.output.stderr}`)),
      WAIT_MS,
    );
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolvePromise(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Wait for the "running at" line and return the port it names. */
export function listening(server: ServerProcess): Promise<number> {
  return within(
    new Promise<number>((resolvePort, reject) => {
      const check = () => {
        const match = /running at http:\/\/localhost:(\d+)/.exec(server.output.stdout);
        if (match?.[1]) resolvePort(Number(match[1]));
      };
      check();
      server.child.stdout?.on("data", check);
      void server.exited.then(({ code, signal }) =>
        reject(new Error(`The server exited (code ${code}, signal ${signal}) before listening:\n${server.output.stderr}`)),
      );
    }),
    "Listening",
    server,
  );
}
