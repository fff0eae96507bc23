import type * as NodeCrypto from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { normaliseAccessCode } from "../domain/access-code";
const compared = vi.hoisted((): number[] => []);
vi.mock("node:crypto", async (importOriginal) => {
  const real = await importOriginal<typeof NodeCrypto>();
  return {
    ...real,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      compared.push(a.byteLength, b.byteLength === a.byteLength ? 0 : -1);
      return real.timingSafeEqual(a, b);
    },
  };
});

import { accessCodeMatches, hashAccessCode, newAccessCode } from "./access-code";

describe("the access code on the server", () => {
  it("makes 16-symbol codes that read back as typed, and never the same twice", () => {
    const codes = new Set(Array.from({ length: 200 }, () => newAccessCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(normaliseAccessCode(code)).toBe(code);
  });

  it("keeps a hash bound to the reference, never the code", () => {
    const code = newAccessCode();
    const hash = hashAccessCode("SU-7KQ4-M9XD", code);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(code);
    expect(hashAccessCode("SU-7KQ4-M9XE", code)).not.toBe(hash);
  });

  it("matches only the right code for the right reference", () => {
    const code = newAccessCode();
    const hash = hashAccessCode("SU-7KQ4-M9XD", code);
    expect(accessCodeMatches("SU-7KQ4-M9XD", code, hash)).toBe(true);
    expect(accessCodeMatches("su-7kq4-m9xd", code, hash)).toBe(true);
    expect(accessCodeMatches("SU-7KQ4-M9XE", code, hash)).toBe(false);
    expect(accessCodeMatches("SU-7KQ4-M9XD", newAccessCode(), hash)).toBe(false);
    expect(accessCodeMatches("SU-7KQ4-M9XD", code, null)).toBe(false);
    expect(accessCodeMatches("SU-7KQ4-M9XD", code, "not hex")).toBe(false);
  });

  it("compares in constant time, even with nothing stored: a wrong code costs what an unknown reference costs", () => {
    // timingSafeEqual is what makes the comparison constant-time; it runs on 32 bytes whatever is stored.
    compared.length = 0;
    accessCodeMatches("SU-7KQ4-M9XD", "X", null);
    accessCodeMatches("SU-7KQ4-M9XD", "X", hashAccessCode("SU-7KQ4-M9XD", newAccessCode()));
    accessCodeMatches("SU-7KQ4-M9XD", "X", "0".repeat(63));
    expect(compared).toEqual([32, 0, 32, 0, 32, 0]);
  });
});
