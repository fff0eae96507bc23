import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/*
 * The status token: a secret the server gives the device that sent a complaint, so that device (and
 * only it) can later ask where the complaint is and ask for the next stage. The server keeps only its
 * sha-256, so a copy of the database cannot be used to read anyone's status (docs/decisions/006).
 */

/** 32 random bytes: 256 bits, far beyond guessing, written as 43 base64url characters. */
export const STATUS_TOKEN_BYTES = 32;

export function newStatusToken(): string {
  return randomBytes(STATUS_TOKEN_BYTES).toString("base64url");
}

/** sha-256 of the token, hex: what the store keeps. */
export function hashStatusToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

const BEARER = /^Bearer +([A-Za-z0-9_-]{43})$/i;

/** The token from an `Authorization: Bearer <token>` header (RFC 6750 §2.1), or undefined if missing or malformed. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return BEARER.exec(authorization ?? "")?.[1];
}

const NOTHING_STORED = Buffer.alloc(32);

/**
 * Whether `token` is the one whose hash is stored, compared in constant time. A complaint with no
 * stored hash (sent before tokens existed) is still compared, against zeros, so it takes as long.
 */
export function tokenMatches(token: string, storedHash: string | null | undefined): boolean {
  const presented = createHash("sha256").update(token, "utf8").digest();
  const valid = typeof storedHash === "string" && /^[0-9a-f]{64}$/.test(storedHash);
  const stored = valid ? Buffer.from(storedHash, "hex") : NOTHING_STORED;
  return timingSafeEqual(presented, stored) && valid;
}
