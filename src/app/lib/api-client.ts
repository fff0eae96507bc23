import * as z from "zod";
import type { Complaint } from "../../domain/complaint";

/** What the server says when it has stored a complaint (201) or had it already (200). */
const acceptedSchema = z.object({
  id: z.uuid(),
  reference: z.string().regex(/^SU-[A-Z0-9]{4}-[A-Z0-9]{4}$/),
  receivedAt: z.iso.datetime({ offset: true }),
});

const rejectedSchema = z.object({
  error: z.string(),
  message: z.string().optional(),
  fields: z.array(z.object({ field: z.string(), key: z.string() })).optional(),
});

export type SendResult =
  | { kind: "accepted"; reference: string; receivedAt: string }
  /** A 4xx: sending again will not help; the person needs to change something. */
  | { kind: "rejected"; status: number; error: string; fields: Array<{ field: string; key: string }> }
  /** A 5xx or an answer we do not understand: try again later. */
  | { kind: "server"; status: number }
  /** No answer at all: offline, or the server is down. */
  | { kind: "network" };

/** POST a complaint to the council's submission endpoint. Never throws. */
export async function postComplaint(endpoint: string, complaint: Complaint, signal?: AbortSignal): Promise<SendResult> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(complaint),
      credentials: "same-origin",
      signal,
    });
  } catch {
    return { kind: "network" };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (response.ok) {
    const accepted = acceptedSchema.safeParse(body);
    if (accepted.success && accepted.data.id === complaint.id) {
      return { kind: "accepted", reference: accepted.data.reference, receivedAt: accepted.data.receivedAt };
    }
    return { kind: "server", status: response.status };
  }
  if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
    const rejected = rejectedSchema.safeParse(body);
    return {
      kind: "rejected",
      status: response.status,
      error: rejected.success ? rejected.data.error : "rejected",
      fields: rejected.success ? (rejected.data.fields ?? []) : [],
    };
  }
  return { kind: "server", status: response.status };
}
