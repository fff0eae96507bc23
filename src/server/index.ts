import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildApp } from "./app";
import { loadCouncils } from "./councils";
import { DeliveryWorker } from "./notifications/worker";
import { retentionStartupLines, startRetentionJob } from "./retention";
import { notificationSettingsFromEnv, settingsFromEnv } from "./server-settings";
import { StoreConfigError } from "./storage/complaint-store";
import { DEFAULT_DATABASE_URL, openStore } from "./storage/open-store";

/** The project folder: the nearest above this module with a package.json (src/server/ from source, dist-server/ compiled). */
function projectRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new StoreConfigError("Could not find the project folder (no package.json above the server).");
  }
}

const root = projectRoot();

function parsePort(value: string | undefined): number {
  if (value === undefined || value === "") return 8080;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new StoreConfigError(`PORT "${value}" is not a port number (0–65535).`);
  }
  return port;
}

async function main(): Promise<void> {
  const port = parsePort(process.env.PORT);
  const host = process.env.HOST ?? "127.0.0.1";
  const settings = settingsFromEnv(process.env);
  const councils = loadCouncils(resolve(root, "public/councils"));
  const notifications = notificationSettingsFromEnv(process.env, councils);
  const store = await openStore(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
  const app = await buildApp({
    store,
    councils,
    staticDir: resolve(root, process.env.STATIC_DIR ?? "dist"),
    logger: process.env.LOG_LEVEL === "silent" ? false : { level: process.env.LOG_LEVEL ?? "info" },
    settings,
  });
  // SIGTERM (a container stopping, systemd, a deploy): stop accepting connections, let requests
  // already in flight finish (each is bounded by the request time limit), close the database, exit 0.
  // Retention (decision 020): said plainly for each council, then once a day in this process.
  for (const line of retentionStartupLines(councils)) process.stdout.write(`${line}\n`);
  const retention = startRetentionJob({
    sql: store.sql,
    councils,
    now: () => new Date(),
    // The council and the error's kind only: never a reference or anything from a complaint.
    onError: (councilId, error) =>
      process.stderr.write(
        `Retention: a complaint for ${councilId} could not be deleted (${error instanceof Error ? error.name : "error"}); it is kept whole and tried again tomorrow.\n`,
      ),
  });
  // The notification outbox's sender (issue 13, docs/decisions/018), in this process: every API
  // process runs one, and they share the work through the database.
  const worker = new DeliveryWorker({
    store,
    councils,
    settings: notifications,
    log: (line) => app.log.info(line),
  });
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await worker.stop();
    await retention.stop();
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
  await app.listen({ port, host });
  worker.start();
  const address = app.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  // Printed for people and for the e2e harness, which reads the port from this line.
  process.stdout.write(`Speak Up is running at http://localhost:${actualPort} (store: ${store.kind})\n`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`\nSpeak Up could not start.\n${message}\n\n`);
  process.exit(1);
});
