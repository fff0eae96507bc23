import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
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

/** Start the real server (src/server/index.ts) on an ephemeral port with a fresh SQLite file. */
export async function startServer(dbFile: string, port = 0): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(root, "node_modules/tsx/dist/cli.mjs"), join(root, "src/server/index.ts")], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATABASE_URL: `sqlite:${dbFile}`, LOG_LEVEL: "silent" },
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
  return { url, child };
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "speak-up-e2e-"));
  const dbFile = join(dir, "complaints.db");
  const { url, child } = await startServer(dbFile);
  project.provide("baseUrl", url);
  project.provide("dbFile", dbFile);
  return async () => {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    rmSync(dir, { recursive: true, force: true });
  };
}
