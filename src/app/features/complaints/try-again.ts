import type { TFunction } from "i18next";
import type { CheckResult } from "../../lib/api-client";
import { formatDateTime } from "../../lib/format-date";

/** What to say when the server did not give what was asked: not found, too many tries (and when to try again), offline, or trouble. */
export function tryAgainWords(t: TFunction, result: Exclude<CheckResult, { kind: "found" }>, language: string, now: Date = new Date()): string {
  switch (result.kind) {
    case "not-found":
      return t("complaints:check.errors.notFound");
    case "too-many": {
      const at = new Date(now.getTime() + (result.retryAfterMs ?? 60 * 60_000));
      return t("complaints:check.errors.tooMany", formatDateTime(at.toISOString(), language));
    }
    case "network":
      return t("complaints:check.errors.offline");
    case "server":
      return t("complaints:check.errors.server");
  }
}
