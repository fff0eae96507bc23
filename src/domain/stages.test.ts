import { describe, expect, it } from "vitest";
import { localProcedureSchema } from "./council";
import { escalationSchema } from "./progress";
import { MAX_LOCAL_STAGES, MAX_STAGE } from "./stages";
import { staffEventSchema } from "./staff-events";

/* Each schema that bounds a stage reads the one constant: changing it moves them all. */
describe("the stage limits", () => {
  const stages = (n: number) => ({ stages: Array.from({ length: n }, () => ({ workingDays: 20 })) });

  it("lets a council's own procedure have up to MAX_LOCAL_STAGES stages and no more", () => {
    expect(localProcedureSchema.safeParse(stages(MAX_LOCAL_STAGES)).success).toBe(true);
    expect(localProcedureSchema.safeParse(stages(MAX_LOCAL_STAGES + 1)).success).toBe(false);
  });

  it("lets staff record an event for stages up to MAX_STAGE and no further", () => {
    const event = (stage: number) => ({ type: "replied", date: "2026-12-01", stage, outcome: "upheld" });
    expect(staffEventSchema.safeParse(event(MAX_STAGE)).success).toBe(true);
    expect(staffEventSchema.safeParse(event(MAX_STAGE + 1)).success).toBe(false);
  });

  it("lets a person ask for stages up to MAX_STAGE and no further", () => {
    const request = (toStage: number) => ({
      id: "6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f",
      schemaVersion: 1,
      toStage,
      why: "Nobody has replied to me yet.",
      submittedAt: "2026-12-01T10:00:00.000Z",
    });
    const first = escalationSchema.safeParse(request(MAX_STAGE));
    expect(first.error?.issues ?? []).toEqual([]);
    expect(escalationSchema.safeParse(request(MAX_STAGE + 1)).success).toBe(false);
  });
});
