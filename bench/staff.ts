import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { FastifyInstance, InjectOptions } from "fastify";
import { testStores } from "../test/setup/stores";
import { todayIso } from "../src/domain/calendar";
import { buildApp } from "../src/server/app";
import { loadCouncils } from "../src/server/councils";
import { completeSignIn, confirmSetup, createAccount, currentCode, newChallenge, startSetup } from "../src/server/staff/accounts";
import type { ComplaintStore } from "../src/server/storage/complaint-store";

/*
 * The staff inbox (issue 12): the first page with 10,000 complaints across 3 councils in the
 * store, and recording one event, on SQLite and (with TEST_DATABASE_URL) PostgreSQL. Server time:
 * measured with inject, so no network is counted. Goals: inbox ≤ 50 ms, an event ≤ 10 ms.
 */

const root = resolve(import.meta.dirname, "..");
const fixture = JSON.parse(readFileSync(join(root, "test/fixtures/complaint.valid.json"), "utf8")) as Record<string, unknown>;
const councils = loadCouncils(join(root, "public/councils"), join(root, "test/fixtures/councils"));
const COUNCILS = ["example-borough", "northmoor", "riverside"];
const COMPLAINTS = 10_000;
const ROUNDS = 40;
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

/** 10,000 complaints straight into the table, in one transaction, received over the last 90 days. */
async function seed(store: ComplaintStore): Promise<void> {
  await store.sql.transaction(async (tx) => {
    for (let i = 0; i < COMPLAINTS; i++) {
      const councilId = COUNCILS[i % COUNCILS.length] ?? "northmoor";
      const body = JSON.stringify({ ...fixture, id: randomUUID(), councilId });
      const receivedAt = new Date(Date.now() - (i % 90) * 86_400_000 - i * 1000).toISOString();
      await tx.run(
        "INSERT INTO complaints (id, reference, council_id, schema_version, body, body_hash, received_at, status_token_hash) VALUES ($1, $2, $3, 1, $4, $5, $6, NULL)",
        [randomUUID(), reference(i), councilId, body, createHash("sha256").update(body).digest("hex"), receivedAt],
      );
    }
  });
}

async function signedIn(store: ComplaintStore): Promise<Record<string, string>> {
  const made = await createAccount(store.sql, { councilId: "northmoor", email: `bench-${randomUUID()}@northmoor.gov.uk`, role: "officer" });
  const started = await startSetup(store.sql, made.setupToken, "a long bench password");
  if (!started) throw new Error("set-up failed");
  const confirmed = await confirmSetup(store.sql, made.setupToken, await currentCode(started.secret));
  if (typeof confirmed === "string") throw new Error(`set-up failed: ${confirmed}`);
  const { challenge } = await newChallenge(store.sql, made.account.id);
  const done = await completeSignIn(store.sql, challenge, { recoveryCode: confirmed.recoveryCodes[0] ?? "" });
  if (!done) throw new Error("sign-in failed");
  return { cookie: `speakup-staff=${done.token}`, "x-csrf-token": done.session.csrfToken };
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms`;
}

async function timed(app: FastifyInstance, options: InjectOptions, expected: number): Promise<number> {
  const started = performance.now();
  const response = await app.inject(options);
  const ms = performance.now() - started;
  if (response.statusCode !== expected) throw new Error(`expected ${expected}, got ${response.statusCode}: ${response.body}`);
  return ms;
}

export async function runStaffBench(): Promise<string[]> {
  const lines: string[] = [];
  for (const kind of testStores()) {
    const opened = await kind.open();
    const app = await buildApp({ store: opened.store, councils });
    try {
      await seed(opened.store);
      const headers = await signedIn(opened.store);
      const fillStarted = performance.now();
      await timed(app, { method: "GET", url: "/api/v1/staff/complaints", headers }, 200);
      lines.push(`${kind.name}: first listing after the upgrade (makes 3,334 inbox rows): ${(performance.now() - fillStarted).toFixed(0)} ms`);

      const inbox: number[] = [];
      const filtered: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        inbox.push(await timed(app, { method: "GET", url: "/api/v1/staff/complaints", headers }, 200));
        filtered.push(await timed(app, { method: "GET", url: "/api/v1/staff/complaints?stage=1&state=new&page=3", headers }, 200));
      }
      lines.push(`${kind.name}: inbox first page, 10,000 complaints in 3 councils: ${summary(inbox)} (goal ≤ 50 ms)`);
      lines.push(`${kind.name}: inbox filtered, page 3: ${summary(filtered)}`);

      const events: number[] = [];
      const today = todayIso(new Date());
      for (let i = 0; i < ROUNDS; i++) {
        const ref = reference(i * COUNCILS.length + 1); // northmoor's complaints
        events.push(
          await timed(
            app,
            {
              method: "POST",
              url: `/api/v1/staff/complaints/${ref}/events`,
              headers: { ...headers, "content-type": "application/json" },
              payload: { type: "acknowledged", date: today },
            },
            201,
          ),
        );
      }
      lines.push(`${kind.name}: recording an event: ${summary(events)} (goal ≤ 10 ms)`);
    } finally {
      await app.close();
      await opened.cleanup();
    }
  }
  if (!process.env.TEST_DATABASE_URL) lines.push("PostgreSQL: not measured (set TEST_DATABASE_URL)");
  return lines;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const line of await runStaffBench()) process.stdout.write(`  ${line}\n`);
}
