import { describe, expect, it } from "vitest";
import fixture from "../../test/fixtures/complaint.valid.json";
import { complaintSchema } from "./complaint";
import { sentSummaryOf } from "./sent-summary";

describe("sentSummaryOf (decision 008: what stays on the phone after sending)", () => {
  const complaint = complaintSchema.parse(fixture);

  it("keeps only the route-finding answers, never what was written", () => {
    const summary = sentSummaryOf(complaint);
    expect(Object.keys(summary).sort()).toEqual(
      ["councilId", "createdAt", "eligibility", "id", "role", "schemaVersion", "submittedAt", "wantsAdvocate"].filter((k) => k in complaint).sort(),
    );
    expect(JSON.stringify(summary)).not.toContain(complaint.whatHappened.text);
  });

  it.each(["role", "eligibility", "wantsAdvocate"] as const)("leaves out %s when the complaint has none", (field) => {
    const without = Object.fromEntries(Object.entries(complaint).filter(([key]) => key !== field)) as typeof complaint;
    expect(field in sentSummaryOf(without)).toBe(false);
  });
});
