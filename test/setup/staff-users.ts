import type { FastifyInstance } from "fastify";
import { generate } from "otplib";
import { expect } from "vitest";
import type { ComplaintStore } from "../../src/server/storage/complaint-store";
import { createAccount, type StaffRole } from "../../src/server/staff/accounts";

/*
 * For server tests: make staff accounts through the set-up API and sign them in, as the staff
 * pages do.
 */

const json = { "content-type": "application/json" };

export interface StaffUser {
  email: string;
  password: string;
  secret: string;
  recoveryCodes: string[];
  id: string;
}

export interface Signed {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
  change: Record<string, string>;
  /** For a DELETE: the cookie and CSRF token, no body. */
  remove: Record<string, string>;
}

/** Make an account and set it up through the API, as the set-up page does. */
export async function makeUser(app: FastifyInstance, store: ComplaintStore, councilId: string, role: StaffRole): Promise<StaffUser> {
  const email = `${role}-${crypto.randomUUID().slice(0, 8)}@${councilId}.gov.uk`;
  const made = await createAccount(store.sql, { councilId, email, role });
  const token = made.setupToken;
  const password = "a long enough password";
  const started = await app.inject({ method: "POST", url: "/api/v1/staff/setup/password", headers: json, payload: { token, password } });
  expect(started.statusCode).toBe(200);
  const { secret } = started.json<{ secret: string }>();
  const confirmed = await app.inject({
    method: "POST",
    url: "/api/v1/staff/setup/confirm",
    headers: json,
    payload: { token, code: await generate({ secret }) },
  });
  expect(confirmed.statusCode).toBe(200);
  return { email, password, secret, recoveryCodes: confirmed.json<{ recoveryCodes: string[] }>().recoveryCodes, id: made.account.id };
}

function cookieOf(setCookie: string | string[] | undefined): string {
  const line = Array.isArray(setCookie) ? (setCookie[0] ?? "") : (setCookie ?? "");
  return line.split(";")[0] ?? "";
}

/**
 * Sign in with the password and a recovery code (each works once, so tests can sign in often; a
 * TOTP code works once per 30 seconds and is tested on its own).
 */
export async function signIn(app: FastifyInstance, user: StaffUser): Promise<Signed> {
  const first = await app.inject({ method: "POST", url: "/api/v1/staff/sign-in", headers: json, payload: { email: user.email, password: user.password } });
  expect(first.statusCode).toBe(200);
  const { challenge } = first.json<{ challenge: string }>();
  const recoveryCode = user.recoveryCodes.shift() ?? "";
  const second = await app.inject({ method: "POST", url: "/api/v1/staff/sign-in/second-factor", headers: json, payload: { challenge, recoveryCode } });
  expect(second.statusCode).toBe(200);
  const cookie = cookieOf(second.headers["set-cookie"]);
  const csrf = second.json<{ csrfToken: string }>().csrfToken;
  return { cookie, csrf, headers: { cookie }, change: { cookie, "x-csrf-token": csrf, ...json }, remove: { cookie, "x-csrf-token": csrf } };
}
