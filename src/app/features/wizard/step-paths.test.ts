import { describe, expect, it } from "vitest";
import { FIRST_STEP_ID, stepPath } from "./step-paths";
import { firstStepId, steps } from "./steps";

describe("step paths (kept apart from the step table so the start page stays small)", () => {
  it("names the step table's first question", () => {
    expect(FIRST_STEP_ID).toBe(steps[0]?.id);
    expect(FIRST_STEP_ID).toBe(firstStepId);
  });

  it("puts every step under /complaint/", () => {
    expect(stepPath(FIRST_STEP_ID)).toBe("/complaint/who");
  });
});
