import type { Complaint } from "./complaint";

/**
 * What a sent complaint keeps on the phone (decision 008): what the pages need to work out its
 * route and next steps, never what the person wrote (the council has that). On a shared phone,
 * nothing sent can be read back from this device.
 */
export type SentSummary = Pick<Complaint, "id" | "councilId" | "schemaVersion" | "role" | "eligibility" | "wantsAdvocate" | "createdAt" | "submittedAt">;

/** Only the route-finding answers of a complaint, for keeping once it is sent (decision 008: what stays after sending). */
export function sentSummaryOf(complaint: SentSummary): SentSummary {
  const { id, councilId, schemaVersion, role, eligibility, wantsAdvocate, createdAt, submittedAt } = complaint;
  return {
    id,
    councilId,
    schemaVersion,
    createdAt,
    submittedAt,
    ...(role !== undefined ? { role } : {}),
    ...(eligibility !== undefined ? { eligibility } : {}),
    ...(wantsAdvocate !== undefined ? { wantsAdvocate } : {}),
  };
}
