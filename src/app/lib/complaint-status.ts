import { fetchStatus } from "./api-client";
import { DEFAULT_ENDPOINT, type SentRecord } from "./db";
import { outboxRepository } from "./outbox-repository";

const repository = outboxRepository();

export type RefreshOutcome = "updated" | "offline" | "failed" | "cannot-check";

/**
 * Ask the server where a sent complaint is now (`GET …/:reference`, with the token only this
 * phone has) and keep the answer, so the page still shows it offline with when it was checked.
 */
export async function refreshStatus(sent: SentRecord): Promise<RefreshOutcome> {
  if (!sent.statusToken) return "cannot-check";
  const result = await fetchStatus(sent.endpoint ?? DEFAULT_ENDPOINT, sent.reference, sent.statusToken);
  try {
    if (result.kind === "ok") {
      await repository.saveStatus(sent.id, result.status);
      return "updated";
    }
    await repository.saveStatusProblem(sent.id, result.kind);
  } catch {
    return "failed";
  }
  return result.kind === "network" ? "offline" : "failed";
}
