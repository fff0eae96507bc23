import { createHmac } from "node:crypto";
import i18next from "i18next";
import staff from "../../../locales/en-GB/staff.json" with { type: "json" };

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

/** The email's words, from the staff area's namespace (locales/en-GB/staff.json, "email"), like every other word. */
const words = i18next.createInstance();
void words.init({
  lng: "en-GB",
  ns: ["staff"],
  defaultNS: "staff",
  resources: { "en-GB": { staff } },
  interpolation: { escapeValue: false },
  initAsync: false,
});
const t = (key: `email.${keyof typeof staff.email}`, values?: Record<string, string | number>) => words.t(key, values);

/** The email: subject and plain text. Built from the notice alone, which holds no complaint text. */
export function emailFor(notice: Notice, staffBaseUrl: string): { subject: string; text: string } {
  const about = { reference: notice.reference, council: notice.council.name, stage: notice.toStage ?? 2 };
  const plain = t(notice.event === "complaint.received" ? "email.subjectComplaint" : "email.subjectEscalation", about);
  const subject = notice.urgent ? t("email.subjectUrgent", { subject: plain }) : plain;
  const link = `${staffBaseUrl}/complaints/${encodeURIComponent(notice.reference)}`;
  const lines = [
    ...(notice.urgent ? [t("email.urgent"), ""] : []),
    t(notice.event === "complaint.received" ? "email.arrivedComplaint" : "email.arrivedEscalation", about),
    "",
    t("email.reference", about),
    t("email.received", { when: DATE.format(new Date(notice.receivedAt)) }),
    "",
    t("email.link", { link }),
    "",
    t("email.leftOut"),
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
