import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from "fastify";
import { normaliseReference } from "../domain/access-code";
import type { RateLimit, ServerSettings } from "./server-settings";

/*
 * Rate limits (issue 10, docs/decisions/010). New complaints are counted per address; status
 * checks and next-stage requests per address and per reference, so guessing a token from many
 * addresses is as slow as from one. Counts are kept in this process (see the decision record for
 * several processes). Staff sign-in and set-up are counted per address here, on top of the
 * per-account and per-address back-off kept in the database (src/server/staff/accounts.ts).
 */

/** A request over a limit: answered 429 in the API's shape, with Retry-After. */
export class RateLimitedError extends Error {
  readonly statusCode = 429;
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests. Try again in ${retryAfterSeconds} seconds.`);
    this.name = "RateLimitedError";
  }
}

type Check = (request: FastifyRequest) => Promise<{ isAllowed: true } | { isAllowed: false; isExceeded: boolean; ttlInSeconds: number }>;

export interface RateLimiters {
  newComplaint: onRequestAsyncHookHandler;
  complaintStatus: onRequestAsyncHookHandler;
  staffSignIn: onRequestAsyncHookHandler;
  /**
   * Check a complaint (reference + access code, decision 015): per address and per reference in
   * the body, so it runs once the body is read (a `preHandler`).
   */
  complaintCheck: onRequestAsyncHookHandler;
}

/** The reference in the URL, in one case, so SU-ABCD-EFGH and su-abcd-efgh share a count. */
function referenceOf(request: FastifyRequest): string {
  const reference = (request.params as { reference?: unknown }).reference;
  return typeof reference === "string" ? reference.toUpperCase() : "";
}

/** The reference typed into Check a complaint, in one form, so "su 7kq4 m9xd" and SU-7KQ4-M9XD share a count. */
function checkedReferenceOf(request: FastifyRequest): string {
  const typed = (request.body as { reference?: unknown } | undefined)?.reference;
  if (typeof typed !== "string") return "";
  return normaliseReference(typed) ?? typed.slice(0, 40).toUpperCase();
}

/** Register @fastify/rate-limit (for no route by itself) and build the hooks routes use. */
export async function rateLimiters(app: FastifyInstance, settings: ServerSettings): Promise<RateLimiters> {
  // Each limiter keeps its own counts, for up to this many addresses or references at once.
  await app.register(rateLimit, { global: false, cache: 100_000 });

  const check = (name: string, limit: RateLimit, key: (request: FastifyRequest) => string): Check =>
    app.createRateLimit({ max: limit.max, timeWindow: limit.windowSeconds * 1000, keyGenerator: (request) => `${name}:${key(request)}` });

  /** One hook that applies every check in turn; the plugin's own hook runs only one limit per request. */
  const limiter =
    (checks: Check[]): onRequestAsyncHookHandler =>
    async (request, reply) => {
      for (const run of checks) {
        const result = await run(request);
        if (!result.isAllowed && result.isExceeded) {
          void reply.header("Retry-After", String(result.ttlInSeconds));
          throw new RateLimitedError(result.ttlInSeconds);
        }
      }
    };

  return {
    newComplaint: limiter([check("complaints-address", settings.complaintsPerAddress, (request) => request.ip)]),
    complaintStatus: limiter([
      check("status-address", settings.statusPerAddress, (request) => request.ip),
      check("status-reference", settings.statusPerReference, referenceOf),
    ]),
    staffSignIn: limiter([check("staff-sign-in-address", settings.staffSignInPerAddress, (request) => request.ip)]),
    complaintCheck: limiter([
      check("check-address", settings.checksPerAddress, (request) => request.ip),
      check("check-reference", settings.checksPerReference, checkedReferenceOf),
    ]),
  };
}
