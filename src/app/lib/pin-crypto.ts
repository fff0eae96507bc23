import "../../domain/zod-config";
import * as z from "zod";

/**
 * Encryption at rest for the optional PIN lock on drafts (shared phones): AES-GCM 256 with a key
 * derived from the PIN by PBKDF2-SHA-256, a random salt per device and a fresh IV per write.
 * Pure functions over WebCrypto, so the same code runs in browsers and in Node tests.
 *
 * What this protects against: someone else picking up the phone and opening the app. It does not
 * stop a determined attacker who copies the IndexedDB files: a 4-digit PIN has only 10,000 values,
 * so PBKDF2 only makes each guess slow, not impossible.
 */

/** OWASP's 2023 minimum for PBKDF2-HMAC-SHA-256; stored vaults with fewer are refused. */
export const PBKDF2_ITERATIONS = 310_000;

/** A stored vault asking for more than this is broken (or hostile): deriving would hang the app. */
const MAX_ITERATIONS = 10_000_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;
/** AES-GCM appends a 16-byte tag, so even an empty plaintext is 16 bytes of ciphertext. */
const TAG_BYTES = 16;

/** Sealed with the key when the vault is made: decrypting it tells a right PIN from a wrong one. */
const CHECK_MARKER = "speak-up:pin-check:v1";

/** Base64 length of `bytes` bytes, with padding. */
function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

const pinKeys = new Set<string>();

/** Every i18n key the PIN schema and errors can report, so a test can check each has English text. */
export const pinValidationKeys: ReadonlySet<string> = pinKeys;

function key(k: string) {
  const error = `settings:errors.${k}`;
  pinKeys.add(error);
  return { error };
}

/**
 * A PIN is 4 to 12 ASCII digits. Empty is reported as missing and stops there, so the person sees
 * one message, not two.
 */
export const pinSchema = z
  .string(key("pin.required"))
  .min(1, { ...key("pin.required"), abort: true })
  .regex(/^[0-9]*$/, { ...key("pin.format"), abort: true })
  .min(4, key("pin.length"))
  .max(12, key("pin.length"));

const WRONG_PIN_KEY = key("pin.wrong").error;

export const sealedSchema = z.object({
  iv: z.base64().length(base64Length(IV_BYTES)),
  data: z.base64().min(base64Length(TAG_BYTES)),
});
export type Sealed = z.infer<typeof sealedSchema>;

export const pinVaultSchema = z.object({
  schemaVersion: z.literal(1),
  salt: z.base64().length(base64Length(SALT_BYTES)),
  iterations: z.number().int().min(PBKDF2_ITERATIONS).max(MAX_ITERATIONS),
  check: sealedSchema,
});
export type PinVault = z.infer<typeof pinVaultSchema>;

/** The PIN does not open this vault. Carries no detail beyond that, on purpose. */
export class WrongPinError extends Error {
  /** The i18n key to show the person. */
  readonly key = WRONG_PIN_KEY;

  constructor() {
    super("Wrong PIN");
    this.name = "WrongPinError";
  }
}

function toBase64(bytes: Uint8Array): string {
  // In chunks: spreading a large array into String.fromCharCode overflows the call stack.
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

async function deriveKey(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const subtle = globalThis.crypto.subtle;
  const material = await subtle.importKey("raw", new TextEncoder().encode(pin), "PBKDF2", false, ["deriveKey"]);
  return subtle.deriveKey({ name: "PBKDF2", salt, iterations, hash: "SHA-256" }, material, { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
}

/**
 * Encrypt a JSON-serialisable value with AES-GCM and a fresh random 12-byte IV: never reuse an IV
 * with the same key, or GCM leaks the plaintexts.
 */
export async function seal(key: CryptoKey, value: unknown): Promise<Sealed> {
  // The lib types say string, but undefined, functions and symbols give undefined.
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError("seal: the value cannot be stored as JSON");
  const iv = randomBytes(IV_BYTES);
  const data = await globalThis.crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, new TextEncoder().encode(json));
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/**
 * Decrypt and JSON-parse. The result is `unknown`: the caller parses it with its zod schema.
 * Rejects (WebCrypto's `OperationError`) when the key is wrong or the iv or data were changed.
 */
export async function open(key: CryptoKey, sealed: Sealed): Promise<unknown> {
  const plain = await globalThis.crypto.subtle.decrypt({ name: "AES-GCM", iv: fromBase64(sealed.iv) }, key, fromBase64(sealed.data));
  return JSON.parse(new TextDecoder().decode(plain));
}

/** Make a new vault for this device: a random salt, the key from the PIN, and the sealed check marker. */
export async function createPinVault(pin: string): Promise<{ vault: PinVault; key: CryptoKey }> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(pin, salt, PBKDF2_ITERATIONS);
  const vault: PinVault = {
    schemaVersion: 1,
    salt: toBase64(salt),
    iterations: PBKDF2_ITERATIONS,
    check: await seal(key, CHECK_MARKER),
  };
  return { vault, key };
}

/**
 * The key for this vault, or `WrongPinError`. Any failure to open the check marker counts as a
 * wrong PIN, so the error says nothing about why.
 */
export async function unlockVault(vault: PinVault, pin: string): Promise<CryptoKey> {
  const key = await deriveKey(pin, fromBase64(vault.salt), vault.iterations);
  let marker: unknown;
  try {
    marker = await open(key, vault.check);
  } catch {
    throw new WrongPinError();
  }
  if (marker !== CHECK_MARKER) throw new WrongPinError();
  return key;
}
