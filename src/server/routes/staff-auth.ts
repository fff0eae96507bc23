import "../../domain/zod-config";
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from "fastify";
import * as z from "zod";
import type { CouncilSettings } from "../../domain/council";
import {
  AccountError,
  PASSWORD_MAX,
  PASSWORD_MIN,
  challengeAccount,
  checkPassword,
  checkSetup,
  clearFailures,
  completeSignIn,
  confirmSetup,
  createAccount,
  endAllSessions,
  endSession,
  listAccounts,
  newChallenge,
  normaliseEmail,
  recordFailure,
  removeAccount,
  signInWait,
  staffRoles,
  startSetup,
} from "../staff/accounts";
import { audit } from "../staff/cases";
import { clearSessionCookie, requireSession, sessionBody, setSessionCookie } from "../staff/session-cookie";
import type { ComplaintStore } from "../storage/complaint-store";
import type { FieldProblem } from "./complaints";

/*
 * Staff accounts and sign-in (issue 12; docs/staff-api.md, docs/decisions/011).
 */

/** Zod issues as the API's field problems: an i18n key from the schema, or a generic one. */
export function staffFieldProblems(error: z.ZodError): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      for (const k of issue.keys) problems.push({ field: base ? `${base}.${k}` : k, key: "staff:problems.unknownField" });
      continue;
    }
    problems.push({ field: base || "(body)", key: issue.message.startsWith("staff:") ? issue.message : "staff:problems.invalid" });
  }
  return problems;
}

export function badRequest(reply: FastifyReply, error: z.ZodError, code = "invalid-request") {
  const fields = staffFieldProblems(error);
  return reply.code(400).send({ error: code, message: `The request has problems in: ${fields.map((f) => f.field).join(", ")}`, fields });
}

const token = z.string("staff:problems.required").regex(/^[A-Za-z0-9_-]{43}$/, "staff:problems.invalid");
const email = z.email("staff:problems.invalid").max(254, "staff:problems.tooLong");
const password = z.string("staff:problems.required").min(PASSWORD_MIN, "staff:problems.passwordTooShort").max(PASSWORD_MAX, "staff:problems.tooLong");
const code = z.string("staff:problems.required").regex(/^\d{6}$/, "staff:problems.codeWrong");

const setupCheckSchema = z.strictObject({ token });
const setupPasswordSchema = z.strictObject({ token, password });
const setupConfirmSchema = z.strictObject({ token, code });
const signInSchema = z.strictObject({
  email: z.string("staff:problems.required").min(1).max(254),
  password: z.string("staff:problems.required").max(PASSWORD_MAX),
});
const secondFactorSchema = z.union([
  z.strictObject({ challenge: token, code }),
  z.strictObject({ challenge: token, recoveryCode: z.string("staff:problems.required").min(1).max(40) }),
]);
const inviteSchema = z.strictObject({ email, role: z.enum(staffRoles, "staff:problems.invalid") });

const SETUP_NOT_FOUND = {
  error: "setup-not-found",
  message: "This set-up link has been used, has run out (links last 24 hours) or is wrong. Ask your complaints manager for a new one.",
};
const SIGN_IN_FAILED = { error: "sign-in-failed", message: "The email, password or code is not right, or the account cannot sign in." };

/** Where a set-up link points: the staff pages read the token from the fragment, so no server log holds it. */
export function setupLink(base: string, setupToken: string): string {
  return `${base.replace(/\/+$/, "")}/staff/setup#token=${setupToken}`;
}

function origin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

export function staffAuthRoutes(
  app: FastifyInstance,
  store: ComplaintStore,
  councils: Map<string, CouncilSettings>,
  rateLimit: onRequestAsyncHookHandler,
): void {
  const sql = store.sql;
  const noStore = (reply: FastifyReply) => reply.header("Cache-Control", "no-store");

  app.post("/api/v1/staff/setup/check", { onRequest: rateLimit }, async (request, reply) => {
    noStore(reply);
    const parsed = setupCheckSchema.safeParse(request.body);
    if (!parsed.success) return badRequest(reply, parsed.error);
    const found = await checkSetup(sql, parsed.data.token);
    if (!found) return reply.code(404).send(SETUP_NOT_FOUND);
    const { account } = found;
    return {
      email: account.email,
      councilId: account.councilId,
      councilName: councils.get(account.councilId)?.name ?? account.councilId,
      role: account.role,
      expiresAt: found.expiresAt,
    };
  });

  app.post("/api/v1/staff/setup/password", { onRequest: rateLimit }, async (request, reply) => {
    noStore(reply);
    const parsed = setupPasswordSchema.safeParse(request.body);
    if (!parsed.success) return badRequest(reply, parsed.error);
    const started = await startSetup(sql, parsed.data.token, parsed.data.password);
    if (!started) return reply.code(404).send(SETUP_NOT_FOUND);
    return started;
  });

  app.post("/api/v1/staff/setup/confirm", { onRequest: rateLimit }, async (request, reply) => {
    noStore(reply);
    const parsed = setupConfirmSchema.safeParse(request.body);
    if (!parsed.success) return badRequest(reply, parsed.error);
    const result = await confirmSetup(sql, parsed.data.token, parsed.data.code);
    if (result === "not-found") return reply.code(404).send(SETUP_NOT_FOUND);
    if (result === "code-wrong") {
      return reply.code(400).send({
        error: "invalid-request",
        message: "The code is not right. Type the 6 numbers your authenticator app shows now.",
        fields: [{ field: "code", key: "staff:problems.codeWrong" }],
      });
    }
    return result;
  });

  const tooMany = (reply: FastifyReply, seconds: number) =>
    reply
      .header("Retry-After", String(seconds))
      .code(429)
      .send({ error: "too-many-requests", message: `Too many attempts. Try again in ${seconds} seconds.` });

  app.post("/api/v1/staff/sign-in", { onRequest: rateLimit }, async (request, reply) => {
    noStore(reply);
    const parsed = signInSchema.safeParse(request.body);
    if (!parsed.success) return badRequest(reply, parsed.error);
    const keys = [`account:${normaliseEmail(parsed.data.email)}`, `address:${request.ip}`];
    const wait = await signInWait(sql, keys);
    if (wait > 0) return tooMany(reply, wait);
    const account = await checkPassword(sql, parsed.data.email, parsed.data.password);
    if (!account) {
      await recordFailure(sql, keys);
      return reply.code(401).send(SIGN_IN_FAILED);
    }
    return newChallenge(sql, account.id);
  });

  app.post("/api/v1/staff/sign-in/second-factor", { onRequest: rateLimit }, async (request, reply) => {
    noStore(reply);
    const parsed = secondFactorSchema.safeParse(request.body);
    if (!parsed.success) return badRequest(reply, parsed.error);
    const body = parsed.data;
    const account = await challengeAccount(sql, body.challenge);
    const keys = [`address:${request.ip}`, ...(account ? [`account:${account.email}`] : [])];
    const wait = await signInWait(sql, keys);
    if (wait > 0) return tooMany(reply, wait);
    const done = await completeSignIn(sql, body.challenge, "code" in body ? { code: body.code } : { recoveryCode: body.recoveryCode });
    if (!done) {
      await recordFailure(sql, keys);
      return reply.code(401).send(SIGN_IN_FAILED);
    }
    await clearFailures(sql, `account:${done.session.account.email}`);
    await audit(sql, { councilId: done.session.account.councilId, accountId: done.session.account.id, action: "sign-in" });
    setSessionCookie(request, reply, done.token);
    return sessionBody(done.session, councils);
  });

  app.get("/api/v1/staff/session", async (request, reply) => {
    const session = await requireSession(sql, request, reply, { change: false });
    if (!session) return reply;
    return sessionBody(session, councils);
  });

  app.post("/api/v1/staff/sign-out", async (request, reply) => {
    const session = await requireSession(sql, request, reply, { change: true });
    if (!session) return reply;
    await endSession(sql, session.tokenHash);
    await audit(sql, { councilId: session.account.councilId, accountId: session.account.id, action: "sign-out" });
    clearSessionCookie(request, reply);
    return reply.code(204).send();
  });

  app.post("/api/v1/staff/sign-out-everywhere", async (request, reply) => {
    const session = await requireSession(sql, request, reply, { change: true });
    if (!session) return reply;
    await endAllSessions(sql, session.account.id);
    await audit(sql, { councilId: session.account.councilId, accountId: session.account.id, action: "sign-out", detail: "everywhere" });
    clearSessionCookie(request, reply);
    return reply.code(204).send();
  });

  // Managers: their own council's staff.
  const notAllowed = (reply: FastifyReply) => reply.code(403).send({ error: "not-allowed", message: "Only a complaints manager can do this." });

  app.get("/api/v1/staff/accounts", async (request, reply) => {
    const session = await requireSession(sql, request, reply, { change: false });
    if (!session) return reply;
    if (session.account.role !== "manager") return notAllowed(reply);
    return { accounts: await listAccounts(sql, session.account.councilId) };
  });

  app.post("/api/v1/staff/accounts", async (request, reply) => {
    const session = await requireSession(sql, request, reply, { change: true });
    if (!session) return reply;
    if (session.account.role !== "manager") return notAllowed(reply);
    const parsed = inviteSchema.safeParse(request.body);
    if (!parsed.success) return badRequest(reply, parsed.error);
    try {
      const made = await createAccount(sql, { councilId: session.account.councilId, ...parsed.data });
      await audit(sql, { councilId: session.account.councilId, accountId: session.account.id, action: "invite", detail: made.account.id });
      return reply.code(201).send({ account: made.account, setupLink: setupLink(origin(request), made.setupToken), setupExpiresAt: made.setupExpiresAt });
    } catch (error) {
      if (error instanceof AccountError && error.code === "email-taken") {
        return reply.code(409).send({ error: "email-taken", message: error.message, fields: [{ field: "email", key: "staff:problems.emailTaken" }] });
      }
      throw error;
    }
  });

  app.delete<{ Params: { id: string } }>("/api/v1/staff/accounts/:id", async (request, reply) => {
    const session = await requireSession(sql, request, reply, { change: true });
    if (!session) return reply;
    if (session.account.role !== "manager") return notAllowed(reply);
    const id = request.params.id.toLowerCase();
    const notFound = () => reply.code(404).send({ error: "not-found", message: "There is no such account." });
    if (!z.uuid().safeParse(id).success) return notFound();
    try {
      await removeAccount(sql, session.account.councilId, id, session.account.id);
    } catch (error) {
      if (error instanceof AccountError && error.code === "not-found") return notFound();
      if (error instanceof AccountError && error.code === "cannot-remove-self")
        return reply.code(409).send({ error: "cannot-remove-self", message: error.message });
      throw error;
    }
    await audit(sql, { councilId: session.account.councilId, accountId: session.account.id, action: "remove", detail: id });
    return reply.code(204).send();
  });
}
