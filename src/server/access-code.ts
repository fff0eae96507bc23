import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { accessCodeFromBytes } from "../domain/access-code";

/*
 * The access code's server side (docs/decisions/015). The store keeps only a sha-256 of the code,
 * bound to the complaint's reference, and compares in constant time. A slow password hash is not
 * needed: the code is 79 random bits made here, not a word a person chose, so even a copy of the
 * database cannot be searched for it in any useful time.
 */

/** A fresh code: 16 symbols, drawn without bias from the OS's random source. */
export function newAccessCode(): string {
  for (;;) {
    // 32 bytes nearly always hold 16 usable ones (8 of every 256 values are set aside).
    const code = accessCodeFromBytes(randomBytes(32));
    if (code !== undefined) return code;
  }
}

function digest(reference: string, code: string): Buffer {
  // The reference is part of what is hashed, so the same code on two complaints hashes differently.
  return createHash("sha256").update(`speak-up/access-code/v1\0${reference.toUpperCase()}\0${code}`, "utf8").digest();
}

/** What the store keeps for a code: hex sha-256 of the code bound to its reference. */
export function hashAccessCode(reference: string, code: string): string {
  return digest(reference, code).toString("hex");
}

const NOTHING_STORED = Buffer.alloc(32);

/**
 * Whether `code` is the one stored for `reference`, compared in constant time. With no stored hash
 * (an unknown reference, or a complaint from before access codes) it still hashes and compares,
 * against zeros, so a wrong code takes as long as an unknown reference.
 */
export function accessCodeMatches(reference: string, code: string, storedHash: string | null | undefined): boolean {
  const presented = digest(reference, code);
  const valid = typeof storedHash === "string" && /^[0-9a-f]{64}$/.test(storedHash);
  const stored = valid ? Buffer.from(storedHash, "hex") : NOTHING_STORED;
  return timingSafeEqual(presented, stored) && valid;
}
