import { createHash, randomBytes, randomUUID } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { generate, generateSecret, generateURI, verify as verifyTotp } from "otplib";
import type { Sql } from "../storage/sql";

/*
 * Staff accounts, set-up links, the second factor and sessions (issue 12; docs/decisions/011).
 * Passwords: argon2id (@node-rs/argon2, its OWASP defaults). Second factor: TOTP, RFC 6238
 * (otplib), each code once, plus ten one-time recovery codes. Sessions are rows, so several
 * server processes share them; the cookie carries a random token whose sha-256 is the key.
 */

export const staffRoles = ["officer", "manager"] as const;
export type StaffRole = (typeof staffRoles)[number];

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
export const SETUP_VALID_MS = 24 * 60 * 60 * 1000;
export const CHALLENGE_VALID_MS = 5 * 60 * 1000;
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;
export const RECOVERY_CODE_COUNT = 10;
/** How often a session's last use is written down (the idle limit is counted to this). */
const TOUCH_EVERY_MS = 60 * 1000;
/** A code from the step before or after is accepted too: phones' clocks drift. */
const TOTP_TOLERANCE_SECONDS = 30;
const ISSUER = "Speak Up";

export interface StaffAccount {
  id: string;
  councilId: string;
  email: string;
  role: StaffRole;
  status: "invited" | "active" | "removed";
  createdAt: string;
}

interface AccountRow {
  id: string;
  council_id: string;
  email: string;
  role: StaffRole;
  status: StaffAccount["status"];
  created_at: string;
  password_hash: string | null;
  totp_secret: string | null;
  pending_password_hash: string | null;
  pending_totp_secret: string | null;
  last_totp_step: number | string | null;
  [key: string]: unknown;
}

function toAccount(row: AccountRow): StaffAccount {
  return { id: row.id, councilId: row.council_id, email: row.email, role: row.role, status: row.status, createdAt: row.created_at };
}

export function sha256(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A hash to check against when there is no account, so a wrong email takes as long as a wrong password. */
let dummyHash: Promise<string> | undefined;
function dummy(): Promise<string> {
  dummyHash ??= hash(newToken());
  return dummyHash;
}

export class AccountError extends Error {
  constructor(
    readonly code: "email-taken" | "not-found" | "cannot-remove-self",
    message: string,
  ) {
    super(message);
    this.name = "AccountError";
  }
}

/** A new account with a one-time set-up token (valid 24 hours); the token itself is returned once. */
export async function createAccount(
  sql: Sql,
  input: { councilId: string; email: string; role: StaffRole },
  now = new Date(),
): Promise<{ account: StaffAccount; setupToken: string; setupExpiresAt: string }> {
  const email = normaliseEmail(input.email);
  const id = randomUUID();
  const token = newToken();
  const createdAt = now.toISOString();
  const expiresAt = new Date(now.getTime() + SETUP_VALID_MS).toISOString();
  const taken = () => new AccountError("email-taken", "There is already an account with this email.");
  await sql
    .transaction(async (tx) => {
      const existing = await tx.all("SELECT id FROM staff_accounts WHERE email = $1 AND status <> 'removed'", [email]);
      if (existing.length > 0) throw taken();
      await tx.run("INSERT INTO staff_accounts (id, council_id, email, role, status, created_at) VALUES ($1, $2, $3, $4, 'invited', $5)", [
        id,
        input.councilId,
        email,
        input.role,
        createdAt,
      ]);
      await tx.run("INSERT INTO staff_setup_tokens (token_hash, account_id, expires_at, created_at) VALUES ($1, $2, $3, $4)", [
        sha256(token),
        id,
        expiresAt,
        createdAt,
      ]);
    })
    .catch((error: unknown) => {
      // Two invitations for one email at once: the unique index stops the second.
      const code = (error as { code?: string }).code;
      if (code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE") throw taken();
      throw error;
    });
  return {
    account: { id, councilId: input.councilId, email, role: input.role, status: "invited", createdAt },
    setupToken: token,
    setupExpiresAt: expiresAt,
  };
}

export async function listAccounts(sql: Sql, councilId: string): Promise<StaffAccount[]> {
  const rows = await sql.all<AccountRow>("SELECT * FROM staff_accounts WHERE council_id = $1 AND status <> 'removed' ORDER BY email", [councilId]);
  return rows.map(toAccount);
}

/** Remove an account of the council and end its sessions at once. */
export async function removeAccount(sql: Sql, councilId: string, accountId: string, by: string, now = new Date()): Promise<void> {
  if (accountId === by) throw new AccountError("cannot-remove-self", "You cannot remove your own account. Ask another manager.");
  await sql.transaction(async (tx) => {
    const changed = await tx.run("UPDATE staff_accounts SET status = 'removed', removed_at = $3 WHERE id = $1 AND council_id = $2 AND status <> 'removed'", [
      accountId,
      councilId,
      now.toISOString(),
    ]);
    if (changed === 0) throw new AccountError("not-found", "There is no such account.");
    await tx.run("UPDATE staff_sessions SET ended_at = $2 WHERE account_id = $1 AND ended_at IS NULL", [accountId, now.toISOString()]);
  });
}

async function accountBySetupToken(sql: Sql, token: string, now: Date): Promise<AccountRow | undefined> {
  const rows = await sql.all<AccountRow>(
    `SELECT a.*, t.expires_at AS setup_expires_at FROM staff_setup_tokens t JOIN staff_accounts a ON a.id = t.account_id
     WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > $2 AND a.status = 'invited'`,
    [sha256(token), now.toISOString()],
  );
  return rows[0];
}

export async function checkSetup(sql: Sql, token: string, now = new Date()) {
  const row = await accountBySetupToken(sql, token, now);
  if (!row) return undefined;
  return { account: toAccount(row), expiresAt: String(row.setup_expires_at) };
}

/** Step 2 of set-up: keep the password (hashed) and a new TOTP secret until the first code confirms both. */
export async function startSetup(sql: Sql, token: string, password: string, now = new Date()) {
  const row = await accountBySetupToken(sql, token, now);
  if (!row) return undefined;
  const passwordHash = await hash(password);
  const secret = generateSecret();
  await sql.run("UPDATE staff_accounts SET pending_password_hash = $2, pending_totp_secret = $3 WHERE id = $1 AND status = 'invited'", [
    row.id,
    passwordHash,
    secret,
  ]);
  const otpauthUri = generateURI({ issuer: ISSUER, label: `${row.email}`, secret });
  return { secret, otpauthUri };
}

async function checkCode(secret: string, code: string, lastStep: number | null): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined;
  try {
    const result = await verifyTotp({
      secret,
      token: code,
      epochTolerance: TOTP_TOLERANCE_SECONDS,
      ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
    });
    return result.valid && "timeStep" in result && typeof result.timeStep === "number" ? result.timeStep : undefined;
  } catch {
    return undefined;
  }
}

function recoveryCode(): string {
  const alphabet = "23456789abcdefghjkmnpqrstuvwxyz";
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 10)}`;
}

function recoveryHash(accountId: string, code: string): string {
  return sha256(`${accountId}:${code.trim().toLowerCase().replace(/[\s-]/g, "")}`);
}

/** Step 3: the first code proves the authenticator works; the account becomes active; recovery codes, once. */
export async function confirmSetup(sql: Sql, token: string, code: string, now = new Date()): Promise<{ recoveryCodes: string[] } | "not-found" | "code-wrong"> {
  const row = await accountBySetupToken(sql, token, now);
  if (!row) return "not-found";
  if (row.pending_totp_secret === null || row.pending_password_hash === null) return "code-wrong";
  const step = await checkCode(row.pending_totp_secret, code, null);
  if (step === undefined) return "code-wrong";
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode);
  const done = await sql.transaction(async (tx) => {
    const used = await tx.run("UPDATE staff_setup_tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL", [sha256(token), now.toISOString()]);
    if (used === 0) return false;
    await tx.run(
      `UPDATE staff_accounts SET status = 'active', password_hash = pending_password_hash, totp_secret = pending_totp_secret,
         pending_password_hash = NULL, pending_totp_secret = NULL, last_totp_step = $2 WHERE id = $1`,
      [row.id, step],
    );
    for (const c of codes) await tx.run("INSERT INTO staff_recovery_codes (code_hash, account_id) VALUES ($1, $2)", [recoveryHash(row.id, c), row.id]);
    return true;
  });
  return done ? { recoveryCodes: codes } : "not-found";
}

// ---------------------------------------------------------------------------------------------
// Signing in: password, then a TOTP code or a recovery code.

/** The account for an email and password, or undefined: the same work whether the email exists or not. */
export async function checkPassword(sql: Sql, email: string, password: string): Promise<StaffAccount | undefined> {
  const rows = await sql.all<AccountRow>("SELECT * FROM staff_accounts WHERE email = $1 AND status = 'active'", [normaliseEmail(email)]);
  const row = rows[0];
  const stored = row?.password_hash ?? (await dummy());
  let ok = false;
  try {
    ok = await verify(stored, password);
  } catch {
    ok = false;
  }
  return ok && row ? toAccount(row) : undefined;
}

export async function newChallenge(sql: Sql, accountId: string, now = new Date()): Promise<{ challenge: string; expiresAt: string }> {
  const challenge = newToken();
  const expiresAt = new Date(now.getTime() + CHALLENGE_VALID_MS).toISOString();
  await sql.run("INSERT INTO staff_challenges (token_hash, account_id, expires_at) VALUES ($1, $2, $3)", [sha256(challenge), accountId, expiresAt]);
  return { challenge, expiresAt };
}

/** The account a challenge was given to, while it is unused and fresh. */
export async function challengeAccount(
  sql: Sql,
  challenge: string,
  now = new Date(),
): Promise<(StaffAccount & { totpSecret: string; lastStep: number | null }) | undefined> {
  const rows = await sql.all<AccountRow>(
    `SELECT a.* FROM staff_challenges c JOIN staff_accounts a ON a.id = c.account_id
     WHERE c.token_hash = $1 AND c.used_at IS NULL AND c.expires_at > $2 AND a.status = 'active'`,
    [sha256(challenge), now.toISOString()],
  );
  const row = rows[0];
  if (!row || row.totp_secret === null) return undefined;
  return { ...toAccount(row), totpSecret: row.totp_secret, lastStep: row.last_totp_step === null ? null : Number(row.last_totp_step) };
}

export interface Session {
  account: StaffAccount;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  tokenHash: string;
}

/** Finish signing in: the challenge is used up, the code too, and a session starts; all or nothing. */
export async function completeSignIn(
  sql: Sql,
  challenge: string,
  proof: { code: string } | { recoveryCode: string },
  now = new Date(),
): Promise<{ token: string; session: Session } | undefined> {
  const account = await challengeAccount(sql, challenge, now);
  if (!account) return undefined;
  const step = "code" in proof ? await checkCode(account.totpSecret, proof.code, account.lastStep) : undefined;
  if ("code" in proof && step === undefined) return undefined;
  const token = newToken();
  const csrfToken = newToken();
  const createdAt = now.toISOString();
  const expiresAt = new Date(now.getTime() + SESSION_MAX_MS).toISOString();
  const ok = await sql.transaction(async (tx) => {
    const used = await tx.run("UPDATE staff_challenges SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL", [sha256(challenge), createdAt]);
    if (used === 0) return false;
    if (step !== undefined) {
      // Each code once: only a later time step than the last one used moves the account on.
      const moved = await tx.run("UPDATE staff_accounts SET last_totp_step = $2 WHERE id = $1 AND (last_totp_step IS NULL OR last_totp_step < $2)", [
        account.id,
        step,
      ]);
      if (moved === 0) return false;
    } else if ("recoveryCode" in proof) {
      const spent = await tx.run("UPDATE staff_recovery_codes SET used_at = $3 WHERE code_hash = $1 AND account_id = $2 AND used_at IS NULL", [
        recoveryHash(account.id, proof.recoveryCode),
        account.id,
        createdAt,
      ]);
      if (spent === 0) return false;
    }
    await tx.run("INSERT INTO staff_sessions (token_hash, account_id, csrf_token, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5)", [
      sha256(token),
      account.id,
      csrfToken,
      createdAt,
      expiresAt,
    ]);
    return true;
  });
  if (!ok) return undefined;
  const plain: StaffAccount = {
    id: account.id,
    councilId: account.councilId,
    email: account.email,
    role: account.role,
    status: account.status,
    createdAt: account.createdAt,
  };
  return { token, session: { account: plain, csrfToken, createdAt, lastSeenAt: createdAt, expiresAt, tokenHash: sha256(token) } };
}

/** The live session for a cookie token, its idle clock reset; undefined when it has ended. */
export async function findSession(sql: Sql, token: string, now = new Date()): Promise<Session | undefined> {
  const idleSince = new Date(now.getTime() - SESSION_IDLE_MS).toISOString();
  const rows = await sql.all<AccountRow & { csrf_token: string; s_created_at: string; expires_at: string; last_seen_at: string }>(
    `SELECT a.*, s.csrf_token, s.created_at AS s_created_at, s.expires_at, s.last_seen_at FROM staff_sessions s JOIN staff_accounts a ON a.id = s.account_id
     WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > $2 AND s.last_seen_at > $3 AND a.status = 'active'`,
    [sha256(token), now.toISOString(), idleSince],
  );
  const row = rows[0];
  if (!row) return undefined;
  // The idle clock is kept to the minute: one write a minute per session, not one per request.
  let lastSeenAt = String(row.last_seen_at);
  if (now.getTime() - new Date(lastSeenAt).getTime() >= TOUCH_EVERY_MS) {
    lastSeenAt = now.toISOString();
    await sql.run("UPDATE staff_sessions SET last_seen_at = $2 WHERE token_hash = $1", [sha256(token), lastSeenAt]);
  }
  return {
    account: toAccount(row),
    csrfToken: row.csrf_token,
    createdAt: String(row.s_created_at),
    lastSeenAt,
    expiresAt: String(row.expires_at),
    tokenHash: sha256(token),
  };
}

export async function endSession(sql: Sql, tokenHash: string, now = new Date()): Promise<void> {
  await sql.run("UPDATE staff_sessions SET ended_at = $2 WHERE token_hash = $1 AND ended_at IS NULL", [tokenHash, now.toISOString()]);
}

export async function endAllSessions(sql: Sql, accountId: string, now = new Date()): Promise<void> {
  await sql.run("UPDATE staff_sessions SET ended_at = $2 WHERE account_id = $1 AND ended_at IS NULL", [accountId, now.toISOString()]);
}

// ---------------------------------------------------------------------------------------------
// Back-off for failed sign-ins, per account and per address, shared through the database.

/** Failures allowed before waiting; then 1 s, doubling, at most 15 minutes. Forgotten after an hour of calm. */
export const FREE_FAILURES = 5;
const MAX_WAIT_MS = 15 * 60 * 1000;
const FORGET_AFTER_MS = 60 * 60 * 1000;

/** Seconds to wait before another attempt for any of these keys, or 0. */
export async function signInWait(sql: Sql, keys: readonly string[], now = new Date()): Promise<number> {
  let wait = 0;
  for (const key of keys) {
    const rows = await sql.all<{ blocked_until: string }>("SELECT blocked_until FROM staff_sign_in_failures WHERE key = $1", [key]);
    const until = rows[0] ? new Date(rows[0].blocked_until).getTime() : 0;
    wait = Math.max(wait, Math.ceil((until - now.getTime()) / 1000));
  }
  return wait;
}

export async function recordFailure(sql: Sql, keys: readonly string[], now = new Date()): Promise<void> {
  for (const key of keys) {
    await sql.transaction(async (tx) => {
      const rows = await tx.all<{ failures: number; last_failure_at: string }>("SELECT failures, last_failure_at FROM staff_sign_in_failures WHERE key = $1", [
        key,
      ]);
      const previous = rows[0];
      const calm = previous !== undefined && now.getTime() - new Date(previous.last_failure_at).getTime() > FORGET_AFTER_MS;
      const failures = previous === undefined || calm ? 1 : Number(previous.failures) + 1;
      const wait = failures < FREE_FAILURES ? 0 : Math.min(1000 * 2 ** (failures - FREE_FAILURES), MAX_WAIT_MS);
      await tx.run(
        `INSERT INTO staff_sign_in_failures (key, failures, last_failure_at, blocked_until) VALUES ($1, $2, $3, $4)
         ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at, blocked_until = excluded.blocked_until`,
        [key, failures, now.toISOString(), new Date(now.getTime() + wait).toISOString()],
      );
    });
  }
}

export async function clearFailures(sql: Sql, key: string): Promise<void> {
  await sql.run("DELETE FROM staff_sign_in_failures WHERE key = $1", [key]);
}

/** For tests and the set-up page's own checks: the code an authenticator shows now. */
export async function currentCode(secret: string, at = Date.now()): Promise<string> {
  return generate({ secret, epoch: Math.floor(at / 1000) });
}
