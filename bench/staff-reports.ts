import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { AddressInfo } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { testStores } from "../test/setup/stores";
import { addCalendarDays, todayIso } from "../src/domain/calendar";
import { buildApp } from "../src/server/app";
import { loadCouncils } from "../src/server/councils";
import { completeSignIn, confirmSetup, createAccount, currentCode, newChallenge, startSetup } from "../src/server/staff/accounts";
import type { ComplaintStore } from "../src/server/storage/complaint-store";

/*
 * Exports and the annual report (issue 13): a CSV export of 10,000 complaints over real HTTP
 * (time, and how far the process's heap and RSS rise while it streams, beside a 2,000-complaint
 * export: flat means the same), and the annual report over the same 10,000. SQLite and (with
 * TEST_DATABASE_URL) PostgreSQL. Goal: the report ≤ 1 s; memory must not grow with the rows.
 */

const root = resolve(import.meta.dirname, "..");
const fixture = JSON.parse(readFileSync(join(root, "test/fixtures/complaint.valid.json"), "utf8")) as Record<string, unknown>;
const councils = loadCouncils(join(root, "public/councils"), join(root, "test/fixtures/councils"));
const COUNCIL = "northmoor";
const COMPLAINTS = 10_000;
const DAYS = 90;
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

function reference(i: number): string {
  let n = i;
  let out = "";
  for (let k = 0; k < 8; k++) {
    out += ALPHABET[n % ALPHABET.length];
    n = Math.floor(n / ALPHABET.length);
  }
  return `SU-${out.slice(0, 4)}-${out.slice(4)}`;
}

/** 10,000 of one council's complaints, spread evenly over the last 90 days (about 111 a day). */
async function seed(store: ComplaintStore): Promise<void> {
  await store.sql.transaction(async (tx) => {
    for (let i = 0; i < COMPLAINTS; i++) {
      const body = JSON.stringify({ ...fixture, id: randomUUID(), councilId: COUNCIL });
      const receivedAt = new Date(Date.now() - Math.floor((i / COMPLAINTS) * DAYS * 86_400_000) - 60_000).toISOString();
      await tx.run(
        "INSERT INTO complaints (id, reference, council_id, schema_version, body, body_hash, received_at, status_token_hash) VALUES ($1, $2, $3, 1, $4, $5, $6, NULL)",
        [randomUUID(), reference(i), COUNCIL, body, createHash("sha256").update(body).digest("hex"), receivedAt],
      );
    }
  });
}

async function manager(store: ComplaintStore): Promise<Record<string, string>> {
  const made = await createAccount(store.sql, { councilId: COUNCIL, email: `bench-${randomUUID()}@northmoor.gov.uk`, role: "manager" });
  const started = await startSetup(store.sql, made.setupToken, "a long bench password");
  if (!started) throw new Error("set-up failed");
  const confirmed = await confirmSetup(store.sql, made.setupToken, await currentCode(started.secret));
  if (typeof confirmed === "string") throw new Error(`set-up failed: ${confirmed}`);
  const { challenge } = await newChallenge(store.sql, made.account.id);
  const done = await completeSignIn(store.sql, challenge, { recoveryCode: confirmed.recoveryCodes[0] ?? "" });
  if (!done) throw new Error("sign-in failed");
  return { cookie: `speakup-staff=${done.token}` };
}

// A full collection on demand, so the bench can tell memory the export holds from garbage not yet collected.
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

/**
 * Download over HTTP, reading the stream as it comes. With `sampleMemory`: `heldMb`, the most the
 * heap holds above where it started, measured after a full collection every 100 kB of the
 * stream and once at its end (memory the export keeps, which must not grow with the rows),
 * and `rssMb`, how far the process's RSS rises. The time comes from a run without the collections.
 */
async function download(url: string, headers: Record<string, string>, sampleMemory: boolean) {
  collect();
  const heap0 = process.memoryUsage().heapUsed;
  const rss0 = process.memoryUsage().rss;
  let heldPeak = heap0;
  let rssPeak = rss0;
  let samples = 0;
  const sample = () => {
    collect();
    const m = process.memoryUsage();
    heldPeak = Math.max(heldPeak, m.heapUsed);
    rssPeak = Math.max(rssPeak, m.rss);
    samples += 1;
  };
  const started = performance.now();
  const response = await fetch(url, { headers });
  if (response.status !== 200 || !response.body) throw new Error(`export answered ${response.status}`);
  let bytes = 0;
  let lines = 0;
  let sampledAt = 0;
  for await (const chunk of response.body) {
    bytes += chunk.byteLength;
    for (const b of chunk) if (b === 10) lines += 1;
    // Every 100 kB of the stream (timers hardly run while it flows): the collections pause the
    // export, so the time is taken from a run without them.
    if (sampleMemory && bytes - sampledAt >= 100_000) {
      sample();
      sampledAt = bytes;
    }
  }
  const ms = performance.now() - started;
  if (sampleMemory) sample(); // and once more at its end
  return { ms, bytes, rows: lines - 1, heldMb: (heldPeak - heap0) / 1e6, rssMb: (rssPeak - rss0) / 1e6, samples };
}

export async function runStaffReportsBench(): Promise<string[]> {
  const lines: string[] = [];
  for (const kind of testStores()) {
    const opened = await kind.open();
    const app = await buildApp({ store: opened.store, councils });
    try {
      await seed(opened.store);
      const headers = await manager(opened.store);
      await app.listen({ host: "127.0.0.1", port: 0 });
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const today = todayIso(new Date());
      const all = { from: addCalendarDays(today, -DAYS - 1), to: today };
      const fifth = { from: addCalendarDays(today, -17), to: today };
      const url = (r: { from: string; to: string }) => `${base}/api/v1/staff/exports/complaints?from=${r.from}&to=${r.to}&format=csv`;
      await download(url(fifth), headers, false); // warm up
      const timed = await download(url(all), headers, false);
      const small = await download(url(fifth), headers, true);
      const big = await download(url(all), headers, true);
      lines.push(
        `${kind.name}: CSV export of ${timed.rows.toLocaleString("en-GB")} complaints (${(timed.bytes / 1e6).toFixed(1)} MB): ${(timed.ms / 1000).toFixed(2)} s; ` +
          `heap held at most ${big.heldMb.toFixed(1)} MB, RSS rose ${big.rssMb.toFixed(0)} MB (${big.samples} samples; ` +
          `${small.rows.toLocaleString("en-GB")} complaints: held ${small.heldMb.toFixed(1)} MB, RSS ${small.rssMb.toFixed(0)} MB, ${small.samples} samples)`,
      );
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        const r = await app.inject({ method: "GET", url: `/api/v1/staff/report?from=${all.from}&to=${all.to}`, headers });
        times.push(performance.now() - started);
        if (r.statusCode !== 200 || r.json<{ report: { total: number } }>().report.total !== COMPLAINTS) throw new Error(`report: ${r.statusCode}`);
      }
      times.sort((a, b) => a - b);
      lines.push(`${kind.name}: annual report over 10,000 complaints: median ${((times[2] ?? 0) / 1000).toFixed(2)} s (goal ≤ 1 s)`);
    } finally {
      await app.close();
      await opened.cleanup();
    }
  }
  if (!process.env.TEST_DATABASE_URL) lines.push("PostgreSQL: not measured (set TEST_DATABASE_URL)");
  return lines;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const line of await runStaffReportsBench()) process.stdout.write(`  ${line}\n`);
}
