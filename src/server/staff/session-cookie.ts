import { timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { CouncilSettings } from "../../domain/council";
import type { Sql } from "../storage/sql";
import { SESSION_IDLE_MS, findSession, type Session } from "./accounts";

/*
 * The staff session cookie and CSRF check (docs/decisions/011). Over HTTPS the cookie is
 * `__Host-speakup-staff` (Secure, Path=/, no Domain: only this exact origin). On plain http (a
 * laptop at http://localhost) a `__Host-` cookie cannot be set, so it is `speakup-staff`, still
 * HttpOnly and SameSite=Strict. Each name is only read over the scheme that sets it.
 */

export const SECURE_COOKIE = "__Host-speakup-staff";
export const PLAIN_COOKIE = "speakup-staff";

function isSecure(request: FastifyRequest): boolean {
  return request.protocol === "https";
}

function cookieName(request: FastifyRequest): string {
  return isSecure(request) ? SECURE_COOKIE : PLAIN_COOKIE;
}

/** The value of one cookie from the Cookie header (RFC 6265 §5.4), or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{1,100}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  const secure = isSecure(request) ? "; Secure" : "";
  // No Max-Age: the server ends the session (30 minutes idle, 12 hours at most); the browser forgets it when closed.
  void reply.header("Set-Cookie", `${cookieName(request)}=${token}; Path=/; HttpOnly; SameSite=Strict${secure}`);
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  const secure = isSecure(request) ? "; Secure" : "";
  void reply.header("Set-Cookie", `${cookieName(request)}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure}`);
}

export function sessionBody(session: Session, councils: Map<string, CouncilSettings>) {
  const idleExpiresAt = new Date(Math.min(new Date(session.lastSeenAt).getTime() + SESSION_IDLE_MS, new Date(session.expiresAt).getTime())).toISOString();
  return {
    staff: {
      id: session.account.id,
      email: session.account.email,
      role: session.account.role,
      councilId: session.account.councilId,
      councilName: councils.get(session.account.councilId)?.name ?? session.account.councilId,
    },
    // Not set: nothing is deleted, and the staff area says so (decision 020).
    retention: councils.get(session.account.councilId)?.dataProtection.retention ?? null,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
    idleExpiresAt,
  };
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The session, or a reply already sent: 401 with no live session, 403 for a change without the
 * session's CSRF token (header `x-csrf-token`).
 */
export async function requireSession(sql: Sql, request: FastifyRequest, reply: FastifyReply, options: { change: boolean }): Promise<Session | undefined> {
  void reply.header("Cache-Control", "no-store");
  const token = readCookie(request.headers.cookie, cookieName(request));
  const session = token === undefined ? undefined : await findSession(sql, token);
  if (!session) {
    await reply.code(401).send({ error: "not-signed-in", message: "Sign in to use the staff area. Your session may have ended after 30 minutes without use." });
    return undefined;
  }
  if (options.change) {
    const sent = request.headers["x-csrf-token"];
    if (typeof sent !== "string" || !sameToken(sent, session.csrfToken)) {
      await reply.code(403).send({ error: "csrf-missing", message: "Send the session's csrfToken in the x-csrf-token header with every change." });
      return undefined;
    }
  }
  return session;
}
