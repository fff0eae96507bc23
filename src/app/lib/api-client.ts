import "../../domain/zod-config";
import * as z from "zod";
import type { Complaint } from "../../domain/complaint";
import type { EscalationRequest } from "../../domain/progress";
import { acceptedAnswer, accessCodeAnswer, checkAnswer, copyAnswer, errorAnswer, escalationAnswer, statusAnswer } from "../../domain/api-answers";
import { publicEventSchema } from "../../domain/staff-events";
import type { KnownStatus } from "./db";

/*
 * Every answer is parsed with the schema the server's OpenAPI document is made from
 * (src/domain/api-answers.ts), loosened only where a server from before a feature leaves it out.
 */

/** What the server says when it has stored a complaint (201) or had it already (200); older servers send no token or code. */
const acceptedSchema = acceptedAnswer.partial({ statusToken: true, accessCode: true });

const rejectedSchema = errorAnswer.partial({ message: true });

export type SendResult =
  | { kind: "accepted"; reference: string; receivedAt: string; statusToken?: string; accessCode?: string }
  /** A 4xx: sending again will not help; the person needs to change something. */
  | { kind: "rejected"; status: number; error: string; fields: Array<{ field: string; key: string }> }
  /** A 5xx, 408, 429 or an answer we do not understand: try again later, not before `retryAfterMs` when the server said. */
  | { kind: "server"; status: number; retryAfterMs?: number }
  /** No answer at all: offline, or the server is down. */
  | { kind: "network" };

type PostOutcome = { kind: "ok"; status: number; body: unknown } | Exclude<SendResult, { kind: "accepted" }>;

/**
 * How long the server asked us to wait (Retry-After, RFC 9110 §10.2.3: seconds or an HTTP date),
 * or undefined when it did not say or said something unreadable.
 */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** POST JSON and sort the answer: ok, rejected (4xx), server trouble (5xx, 408, 429) or no answer. Never throws. */
async function postJson(url: string, body: unknown, headers: Record<string, string>, signal?: AbortSignal): Promise<PostOutcome> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", ...headers },
      body: JSON.stringify(body),
      credentials: "same-origin",
      signal,
    });
  } catch {
    return { kind: "network" };
  }
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    parsed = undefined;
  }
  if (response.ok) return { kind: "ok", status: response.status, body: parsed };
  if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
    const rejected = rejectedSchema.safeParse(parsed);
    return {
      kind: "rejected",
      status: response.status,
      error: rejected.success ? rejected.data.error : "rejected",
      fields: rejected.success ? (rejected.data.fields ?? []) : [],
    };
  }
  // An HTTP date is read against the server's own clock (its Date header): the phone's may be wrong.
  const serverNow = Date.parse(response.headers.get("Date") ?? "");
  const wait = retryAfterMs(response.headers.get("Retry-After"), Number.isNaN(serverNow) ? Date.now() : serverNow);
  return { kind: "server", status: response.status, ...(wait === undefined ? {} : { retryAfterMs: wait }) };
}

/** POST a complaint to the council's submission endpoint. Never throws. */
export async function postComplaint(endpoint: string, complaint: Complaint, signal?: AbortSignal): Promise<SendResult> {
  const outcome = await postJson(endpoint, complaint, {}, signal);
  if (outcome.kind !== "ok") return outcome;
  const accepted = acceptedSchema.safeParse(outcome.body);
  if (accepted.success && accepted.data.id === complaint.id) {
    const { reference, receivedAt, statusToken, accessCode } = accepted.data;
    return { kind: "accepted", reference, receivedAt, ...(statusToken ? { statusToken } : {}), ...(accessCode ? { accessCode } : {}) };
  }
  return { kind: "server", status: outcome.status };
}

export type EscalationResult = { kind: "accepted"; stage: number; receivedAt: string } | Exclude<SendResult, { kind: "accepted" }>;

/** Where the server answers about one sent complaint: `<endpoint>/<reference>`. */
export function complaintUrl(endpoint: string, reference: string): string {
  return `${endpoint.replace(/\/+$/, "")}/${encodeURIComponent(reference)}`;
}

/** Ask for the next stage (`POST …/:reference/escalations`), idempotent on the request's id. Never throws. */
export async function postEscalation(
  endpoint: string,
  reference: string,
  token: string,
  request: EscalationRequest,
  signal?: AbortSignal,
): Promise<EscalationResult> {
  const outcome = await postJson(`${complaintUrl(endpoint, reference)}/escalations`, request, { Authorization: `Bearer ${token}` }, signal);
  if (outcome.kind !== "ok") return outcome;
  const accepted = escalationAnswer.safeParse(outcome.body);
  if (accepted.success && accepted.data.id === request.id) {
    return { kind: "accepted", stage: accepted.data.stage, receivedAt: accepted.data.receivedAt };
  }
  return { kind: "server", status: outcome.status };
}

// A server from before the staff area sends no staff events, and none of the complaint's own details.
const statusSchema = statusAnswer
  .partial({ councilId: true, receivedAt: true, receivedOn: true })
  .extend({ staffEvents: z.array(publicEventSchema).default([]) });

export type StatusResult =
  | { kind: "ok"; status: KnownStatus }
  /** Unknown reference or a token the server does not accept (it answers the same for both). */
  | { kind: "not-found" }
  | { kind: "network" }
  | { kind: "server"; status: number };

/** The server's status for a sent complaint, authorised by the token only this device has. Never throws. */
export async function fetchStatus(endpoint: string, reference: string, token: string, signal?: AbortSignal): Promise<StatusResult> {
  let response: Response;
  try {
    response = await fetch(complaintUrl(endpoint, reference), {
      headers: { Accept: "application/json", Authorization: `Bearer ${token}` },
      credentials: "same-origin",
      cache: "no-store",
      signal,
    });
  } catch {
    return { kind: "network" };
  }
  if (response.status === 404 || response.status === 401) return { kind: "not-found" };
  if (!response.ok) return { kind: "server", status: response.status };
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { kind: "server", status: response.status };
  }
  const parsed = statusSchema.safeParse(body);
  if (!parsed.success || parsed.data.reference !== reference) return { kind: "server", status: response.status };
  const { procedure, stage, lastStage, events, staffEvents, checkedAt } = parsed.data;
  return { kind: "ok", status: { procedure, stage, lastStage, events, staffEvents, checkedAt } };
}

/** What Check a complaint gives (`POST /api/v1/complaint-checks`): a fresh token and the route-finding answers. */
export type CheckAnswer = z.infer<typeof checkAnswer>;

export type CheckResult =
  | { kind: "found"; answer: CheckAnswer }
  /** A wrong code and an unknown reference alike. */
  | { kind: "not-found" }
  /** Too many tries: wait this long. */
  | { kind: "too-many"; retryAfterMs: number | undefined }
  | { kind: "network" }
  | { kind: "server"; status: number };

/** Sort an answer that is not JSON we want: not found, too many tries, or trouble. */
function troubleOf(response: Response): Exclude<CheckResult, { kind: "found" }> {
  if (response.status === 404) return { kind: "not-found" };
  if (response.status === 429) return { kind: "too-many", retryAfterMs: retryAfterMs(response.headers.get("Retry-After")) };
  return { kind: "server", status: response.status };
}

/** Follow a complaint on this device with its reference and access code (decision 015). Never throws. */
export async function postComplaintCheck(reference: string, accessCode: string, signal?: AbortSignal): Promise<CheckResult> {
  let response: Response;
  try {
    response = await fetch("/api/v1/complaint-checks", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ reference, accessCode }),
      credentials: "same-origin",
      cache: "no-store",
      signal,
    });
  } catch {
    return { kind: "network" };
  }
  if (!response.ok) return troubleOf(response);
  const parsed = checkAnswer.safeParse(await response.json().catch(() => undefined));
  return parsed.success ? { kind: "found", answer: parsed.data } : { kind: "server", status: response.status };
}

export type AccessCodeResult = { kind: "ok"; accessCode: string } | Exclude<CheckResult, { kind: "found" }>;

/** Make a new access code for a complaint this device follows; the old one stops working. Never throws. */
export async function postNewAccessCode(endpoint: string, reference: string, token: string): Promise<AccessCodeResult> {
  let response: Response;
  try {
    response = await fetch(`${complaintUrl(endpoint, reference)}/access-code`, {
      method: "POST",
      headers: { Accept: "application/json", Authorization: `Bearer ${token}` },
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    return { kind: "network" };
  }
  if (!response.ok) return troubleOf(response);
  const parsed = accessCodeAnswer.safeParse(await response.json().catch(() => undefined));
  return parsed.success ? { kind: "ok", accessCode: parsed.data.accessCode } : { kind: "server", status: response.status };
}

export type ComplaintCopy = z.infer<typeof copyAnswer>;

export type CopyResult = { kind: "ok"; copy: ComplaintCopy } | Exclude<CheckResult, { kind: "found" }>;

/** Exactly what was sent, from the server, for a copy to keep (decision 015: the phone does not keep it). Never throws. */
export async function fetchCopy(endpoint: string, reference: string, token: string, signal?: AbortSignal): Promise<CopyResult> {
  let response: Response;
  try {
    response = await fetch(`${complaintUrl(endpoint, reference)}/copy`, {
      headers: { Accept: "application/json", Authorization: `Bearer ${token}` },
      credentials: "same-origin",
      cache: "no-store",
      signal,
    });
  } catch {
    return { kind: "network" };
  }
  if (response.status === 401) return { kind: "not-found" };
  if (!response.ok) return troubleOf(response);
  const parsed = copyAnswer.safeParse(await response.json().catch(() => undefined));
  return parsed.success && parsed.data.reference === reference ? { kind: "ok", copy: parsed.data } : { kind: "server", status: response.status };
}
