import type { TFunction } from "i18next";
import type { CouncilSettings } from "../../../domain/council";
import { expectedDates } from "../../../domain/timeline";
import { groupAccessCode } from "../../../domain/access-code";
import type { ComplaintCopy } from "../../lib/api-client";
import type { SentRecord } from "../../lib/db";
import { formatDateTime, formatLongDate } from "../../lib/format-date";

/** One section of the copy: a heading and its lines, the same on the printed page and in the PDF. */
export interface CopySection {
  heading: string;
  lines: Array<{ label?: string; text: string }>;
}

export interface CopyDocument {
  title: string;
  warning: string;
  sections: CopySection[];
}

/** Fields that are bookkeeping, not what the person said. */
const LEFT_OUT = new Set(["id", "schemaVersion", "councilId"]);

/** Every answer in the copy, depth first, in the order the server holds them; nothing is left out but ids. */
function answerLines(value: unknown, path: string, t: TFunction, language: string): Array<{ label: string; text: string }> {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) {
    if (value.length === 0) return [];
    if (value.every((v) => typeof v !== "object")) return [{ label: fieldLabel(path, t), text: value.map((v) => readable(v, path, t, language)).join(", ") }];
    return value.flatMap((v, i) => answerLines(v, `${path}.${i}`, t, language));
  }
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !(path === "" && LEFT_OUT.has(key)))
      .flatMap(([key, v]) => answerLines(v, path ? `${path}.${key}` : key, t, language));
  }
  return [{ label: fieldLabel(path, t), text: readable(value, path, t, language) }];
}

function fieldLabel(path: string, t: TFunction): string {
  const generic = path.replace(/\.\d+(\.|$)/g, "$1");
  return t(`complaints:copy.fields.${generic.replaceAll(".", "_")}`, { defaultValue: generic });
}

function readable(value: unknown, path: string, t: TFunction, language: string): string {
  if (typeof value === "boolean") return t(value ? "complaints:copy.yes" : "complaints:copy.no");
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    return t("complaints:copy.dateTime", formatDateTime(value, language));
  }
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatLongDate(value, language);
  // A choice (like "looked-after") as words; what the person typed is kept exactly as typed.
  if (typeof value === "string" && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) && !path.endsWith("name")) {
    return t(`complaints:copy.values.${value}`, { defaultValue: value.replaceAll("-", " ") });
  }
  return String(value);
}

/** The copy to keep: the reference, council, dates, access code line, what to do next, then exactly what was sent. */
export function copyDocument(copy: ComplaintCopy, sent: SentRecord, council: CouncilSettings, t: TFunction, language: string): CopyDocument {
  const dates = expectedDates(council.timescales, sent.receivedOn);
  const date = (iso: string) => formatLongDate(iso, language);
  return {
    title: t("complaints:copy.heading", { reference: copy.reference }),
    warning: t("complaints:copy.warning"),
    sections: [
      {
        heading: t("complaints:copy.aboutHeading"),
        lines: [
          { label: t("complaints:copy.reference"), text: copy.reference },
          {
            label: t("complaints:copy.accessCode"),
            text: sent.accessCode ? groupAccessCode(sent.accessCode) : t("complaints:copy.accessCodeUnknown"),
          },
          { label: t("complaints:copy.council"), text: council.name },
          { label: t("complaints:copy.received"), text: t("complaints:copy.dateTime", formatDateTime(copy.receivedAt, language)) },
          ...(dates.acknowledgementBy ? [{ label: t("complaints:copy.acknowledgeBy"), text: date(dates.acknowledgementBy) }] : []),
          { label: t("complaints:copy.replyBy"), text: date(dates.target) },
          { label: t("complaints:copy.latestBy"), text: date(dates.latest) },
        ],
      },
      {
        heading: t("complaints:copy.nextHeading"),
        lines: [
          { text: t("complaints:copy.next1", { council: council.name }) },
          { text: t("complaints:copy.next2") },
          { text: t("complaints:copy.next3") },
          ...(council.contact.phone ? [{ text: t("complaints:copy.callCouncil", { council: council.name, phone: council.contact.phone }) }] : []),
        ],
      },
      { heading: t("complaints:copy.sentHeading"), lines: answerLines(copy.complaint, "", t, language) },
    ],
  };
}
