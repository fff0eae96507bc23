import { createHmac } from "node:crypto";

/*
 * What the receivers get (issue 13 item 1; README, "Connecting a council's case system").
 * The email says that something arrived and where to read it: no complaint text, no personal
 * details (an inbox is not a case system). The webhook carries the complaint, signed.
 */

export interface Notice {
  event: "complaint.received" | "escalation.received";
  idempotencyKey: string;
  reference: string;
  council: { id: string; name: string };
  receivedAt: string;
  urgent: boolean;
  /** Only for a next-stage request. */
  toStage?: number;
}

const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });

/** The email: subject and plain text. Built from the notice alone, which holds no complaint text. */
export function emailFor(notice: Notice, staffBaseUrl: string): { subject: string; text: string } {
  const what = notice.event === "complaint.received" ? "New complaint" : `Request for Stage ${notice.toStage ?? 2}`;
  const subject = `${notice.urgent ? "Urgent: " : ""}${what} ${notice.reference} for ${notice.council.name}`;
  const link = `${staffBaseUrl}/complaints/${encodeURIComponent(notice.reference)}`;
  const lines = [
    ...(notice.urgent ? ["Urgent: the person said someone may be in danger now. Please read the case straight away.", ""] : []),
    notice.event === "complaint.received"
      ? `A new complaint has arrived for ${notice.council.name}.`
      : `A request for Stage ${notice.toStage ?? 2} has arrived for ${notice.council.name}.`,
    "",
    `Reference: ${notice.reference}`,
    `Received: ${DATE.format(new Date(notice.receivedAt))} (UK time)`,
    "",
    `Read it in the staff area: ${link}`,
    "",
    "This email leaves out what the complaint says and who sent it, on purpose. Sign in to read it.",
  ];
  return { subject, text: `${lines.join("\n")}\n` };
}

/** `Speak-Up-Signature`: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>. */
export function signature(secret: string, timestamp: number, rawBody: string): string {
  return `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")}`;
}

/** The webhook's JSON: the notice and what arrived, as it was stored. */
export function webhookBody(notice: Notice, payload: { complaint: unknown } | { escalation: unknown }): string {
  return JSON.stringify({ ...notice, ...payload });
}
