import { beforeAll, describe, expect, it } from "vitest";
import {
  createPinVault,
  open,
  PBKDF2_ITERATIONS,
  pinSchema,
  pinValidationKeys,
  pinVaultSchema,
  seal,
  sealedSchema,
  unlockVault,
  WrongPinError,
  type PinVault,
  type Sealed,
} from "./pin-crypto";

// Each key derivation is 310,000 PBKDF2 rounds (a few tenths of a second), so the file derives
// only four keys: two vaults for the same PIN, one right PIN and one wrong PIN.
const PIN = "258046";

const draft = {
  id: "0b8c4f5e-2f7a-4c39-9d55-1c2a3b4d5e6f",
  schemaVersion: 1,
  councilId: "bristol",
  answers: {
    role: "young-person",
    whatHappened: "My social worker Marguerite cancelled the Thursday visit to Grandmother Philippa twice.",
    email: "kestrel.quill@example.org",
  },
  createdAt: "2026-03-02T10:15:00.000Z",
  updatedAt: "2026-03-02T10:20:00.000Z",
};
const distinctiveWords = ["Marguerite", "Philippa", "Grandmother", "kestrel", "quill", "bristol", "young-person"];

let vault: PinVault;
let key: CryptoKey;
let secondVault: PinVault;

beforeAll(async () => {
  ({ vault, key } = await createPinVault(PIN));
  ({ vault: secondVault } = await createPinVault(PIN));
});

function base64Bytes(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** The same base64 with one bit of byte `index` flipped. */
function flipBit(text: string, index = 0): string {
  const bytes = base64Bytes(text);
  bytes[index] = (bytes[index] ?? 0) ^ 1;
  return btoa(String.fromCharCode(...bytes));
}

describe("seal and open", () => {
  it("round-trips a draft", async () => {
    const sealed = await seal(key, draft);
    expect(sealedSchema.parse(sealed)).toEqual(sealed);
    expect(await open(key, sealed)).toEqual(draft);
  });

  it("uses a fresh IV each time, so the same value never gives the same ciphertext", async () => {
    const first = await seal(key, draft);
    const second = await seal(key, draft);
    expect(base64Bytes(first.iv)).toHaveLength(12);
    expect(second.iv).not.toBe(first.iv);
    expect(second.data).not.toBe(first.data);
  });

  it("stores none of the plaintext", async () => {
    const stored = JSON.stringify(await seal(key, draft)).toLowerCase();
    for (const word of distinctiveWords) expect(stored).not.toContain(word.toLowerCase());
  });

  it.each<[string, (sealed: Sealed) => Sealed]>([
    ["data", (s) => ({ ...s, data: flipBit(s.data) })],
    ["the tag at the end of data", (s) => ({ ...s, data: flipBit(s.data, base64Bytes(s.data).length - 1) })],
    ["iv", (s) => ({ ...s, iv: flipBit(s.iv) })],
  ])("refuses to open when %s was changed", async (_part, tamper) => {
    const sealed = await seal(key, draft);
    await expect(open(key, tamper(sealed))).rejects.toThrow();
  });

  it("refuses values JSON cannot hold", async () => {
    await expect(seal(key, undefined)).rejects.toThrow(TypeError);
  });
});

describe("PIN vault", () => {
  it("opens with the right PIN, and the key reads what the first key sealed", async () => {
    const sealed = await seal(key, draft);
    const unlocked = await unlockVault(pinVaultSchema.parse(JSON.parse(JSON.stringify(vault))), PIN);
    expect(await open(unlocked, sealed)).toEqual(draft);
  });

  it("says a wrong PIN is wrong, and nothing else", async () => {
    const error: unknown = await unlockVault(vault, "258047").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongPinError);
    expect(error).toMatchObject({ message: "Wrong PIN", key: "settings:errors.pin.wrong" });
    expect(error).not.toHaveProperty("cause");
  });

  it("stores at least 310,000 iterations and a 16-byte random salt, and never the PIN", () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(310_000);
    expect(vault.iterations).toBeGreaterThanOrEqual(310_000);
    expect(vault.schemaVersion).toBe(1);
    expect(base64Bytes(vault.salt)).toHaveLength(16);
    expect(JSON.stringify(vault)).not.toContain(PIN);
  });

  it("gives two vaults for the same PIN different salts and check values", () => {
    expect(secondVault.salt).not.toBe(vault.salt);
    expect(secondVault.check.data).not.toBe(vault.check.data);
  });

  it("derives a key that cannot be exported and only encrypts and decrypts", async () => {
    expect(key.extractable).toBe(false);
    expect([...key.usages].sort()).toEqual(["decrypt", "encrypt"]);
    expect(key.algorithm).toMatchObject({ name: "AES-GCM", length: 256 });
    await expect(globalThis.crypto.subtle.exportKey("raw", key)).rejects.toThrow();
    await expect(globalThis.crypto.subtle.exportKey("jwk", key)).rejects.toThrow();
  });

  it.each<[string, (v: PinVault) => unknown]>([
    ["fewer iterations", (v) => ({ ...v, iterations: 1000 })],
    ["too many iterations", (v) => ({ ...v, iterations: 1e9 })],
    ["a short salt", (v) => ({ ...v, salt: btoa("12345678") })],
    ["another schema version", (v) => ({ ...v, schemaVersion: 2 })],
    ["a check with a short iv", (v) => ({ ...v, check: { ...v.check, iv: btoa("1234") } })],
    ["a check that is not base64", (v) => ({ ...v, check: { ...v.check, data: "not base64!" } })],
  ])("refuses a stored vault with %s", (_what, change) => {
    expect(pinVaultSchema.safeParse(change(vault)).success).toBe(false);
  });
});

describe("pinSchema", () => {
  it.each(["1234", "123456789012", "0000"])("accepts %j", (pin) => {
    expect(pinSchema.safeParse(pin)).toEqual({ success: true, data: pin });
  });

  it.each([
    ["", "settings:errors.pin.required"],
    ["123", "settings:errors.pin.length"],
    ["1234567890123", "settings:errors.pin.length"],
    ["12a4", "settings:errors.pin.format"],
    [" 1234", "settings:errors.pin.format"],
    ["١٢٣٤", "settings:errors.pin.format"],
  ])("rejects %j with one message, %s", (pin, message) => {
    const result = pinSchema.safeParse(pin);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });

  it("lists every key it can report", () => {
    expect([...pinValidationKeys].sort()).toEqual([
      "settings:errors.pin.format",
      "settings:errors.pin.length",
      "settings:errors.pin.required",
      "settings:errors.pin.wrong",
    ]);
  });
});
