import "./zod-config";
import * as z from "zod";
import { REFERENCE_ALPHABET, referenceSchema } from "./complaint";

/*
 * The access code (issue 15, docs/decisions/015): a second secret, beside the reference, that a
 * person writes down or photographs so they can follow the complaint from another device. It is
 * read aloud and typed by hand, so it uses the reference's alphabet (no 0/O, 1/I/L) and is shown in
 * groups of four. 16 symbols from 31: about 79 bits, far beyond guessing even with the database.
 */

export const ACCESS_CODE_ALPHABET = REFERENCE_ALPHABET;
export const ACCESS_CODE_LENGTH = 16;
const GROUP = 4;

/**
 * Build a code from random bytes, rejecting bytes that would bias it (the caller supplies them so
 * this stays environment-free). Returns undefined when the bytes ran out before 16 symbols.
 */
export function accessCodeFromBytes(bytes: ArrayLike<number>): string | undefined {
  const n = ACCESS_CODE_ALPHABET.length;
  const usable = Math.floor(256 / n) * n;
  let out = "";
  for (let i = 0; i < bytes.length && out.length < ACCESS_CODE_LENGTH; i++) {
    const byte = bytes[i] ?? 0;
    if (byte < usable) out += ACCESS_CODE_ALPHABET[byte % n];
  }
  return out.length === ACCESS_CODE_LENGTH ? out : undefined;
}

/** The code as typed: spaces and dashes dropped, lower case raised. Undefined when it cannot be a code. */
export function normaliseAccessCode(typed: string): string | undefined {
  const code = typed.replace(/[\s-]+/g, "").toUpperCase();
  return new RegExp(`^[${ACCESS_CODE_ALPHABET}]{${ACCESS_CODE_LENGTH}}$`).test(code) ? code : undefined;
}

/** The code in groups of four for reading aloud: `7KQ4 M9XD 3HPW 2RTA`. */
export function groupAccessCode(code: string): string {
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += GROUP) groups.push(code.slice(i, i + GROUP));
  return groups.join(" ");
}

/** A reference as typed: spaces dropped, lower case raised, the dashes put back if left out. */
export function normaliseReference(typed: string): string | undefined {
  const bare = typed.replace(/[\s-]+/g, "").toUpperCase();
  const withDashes = /^SU[A-Z0-9]{8}$/.test(bare) ? `SU-${bare.slice(2, 6)}-${bare.slice(6)}` : bare;
  return referenceSchema.safeParse(withDashes).success ? withDashes : undefined;
}

const typedText = z.string().max(100);

/**
 * `POST /api/v1/complaint-checks`: a reference and an access code, as typed. Their shape is checked
 * by the handler after this, so a malformed one is answered like a wrong one (not found).
 */
export const complaintCheckSchema = z.strictObject({
  reference: typedText,
  accessCode: typedText,
});
export type ComplaintCheck = z.infer<typeof complaintCheckSchema>;
