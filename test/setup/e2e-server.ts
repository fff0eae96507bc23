import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    dbFile: string;
  }
}

const root = resolve(import.meta.dirname, "../..");

export interface StartedServer {
  url: string;
  port: number;
  child: ChildProcess;
  /** Stop it (SIGTERM) and wait for it to exit; nothing if it has already stopped. */
  stop(): Promise<void>;
}

/**
 * Start the real server (src/server/index.ts) with a SQLite file. `port` 0 (the default) picks a
 * free one; `staticDir` serves another build than dist/.
 */
export async function startServer(dbFile: string, options: { port?: number; staticDir?: string } = {}): Promise<StartedServer> {
  const child = spawn(process.execPath, [join(root, "node_modules/tsx/dist/cli.mjs"), join(root, "src/server/index.ts")], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(options.port ?? 0),
      ...(options.staticDir ? { STATIC_DIR: options.staticDir } : {}),
      DATABASE_URL: `sqlite:${dbFile}`,
      // The made-up councils the e2e build offers as well as the real ones (decision 021).
      SPEAK_UP_TEST_COUNCILS: join(root, "test/fixtures/councils"),
      LOG_LEVEL: "silent",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = await new Promise<string>((resolvePromise, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`The server did not start in 30 s:\n${output}`)), 30_000);
    const onData = (data: Buffer) => {
      output += data.toString();
      const match = /running at (http:\/\/localhost:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with code ${code}:\n${output}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

export default async function setup(project: TestProject) {
  if (!existsSync(join(root, "dist/councils/example-borough.json"))) {
    throw new Error(
      "dist/ has no test councils: build it for the e2e specs with\n" +
        "  npm run build:e2e\n(the pseudo-languages and the made-up councils in test/fixtures/councils; decision 021)",
    );
  }
  const dir = mkdtempSync(join(tmpdir(), "speak-up-e2e-"));
  const dbFile = join(dir, "complaints.db");
  const server = await startServer(dbFile);
  project.provide("baseUrl", server.url);
  project.provide("dbFile", dbFile);
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
