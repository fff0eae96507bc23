import { describe, expect, it, vi } from "vitest";
import { answerOfLength, draftWith, limitedAnswers } from "../../../../test/setup/answer-limits";
import { answerAtPath, answerIds } from "../../../domain/answers";
import { complaintFromDraft } from "../../../domain/complaint";
import { formFromAnswers } from "./form-values";
import { steps, type StepDefinition } from "./steps";

const record = (answers: ReturnType<typeof draftWith>) => ({
  id: "0b8f3a52-7c1e-4d7a-9a63-2f4a1c9e5b10",
  councilId: "example-borough",
  createdAt: "2026-11-20T16:05:00.000Z",
  answers,
});

const stepAsking = (id: string): StepDefinition | undefined => steps.find((step) => step.fields.some((field) => field.name === id));

describe("the steps build their answers' rules when a page uses them (decision 027)", () => {
  it("builds none as the steps are made, and a page's own when it asks whether a field is optional", async () => {
    vi.resetModules();
    // Each rule records its keys as it is built (schema-rules.ts), so the keys show what was built.
    const { validationKeys: built } = await import("../../../domain/schema-rules");
    const fresh = await import("./steps");
    expect([...built]).toEqual([]);

    const putRight = fresh.steps.flatMap((step) => step.fields).find((field) => field.name === "putRight");
    expect(putRight?.optional).toBe(true);
    expect([...built].sort()).toEqual(["validation:putRight.tooLong", "validation:putRight.type", "validation:text.unstorable"]);
    expect(fresh.steps.flatMap((step) => step.fields).find((field) => field.name === "whatHappened")?.optional).toBe(false);
  });
});

describe("the steps and the answer table (decision 022)", () => {
  it("asks every answer in the table on exactly one step, and asks nothing the table does not hold", () => {
    const asked = steps.flatMap((step) => step.fields.map((field) => field.name));
    expect([...asked].sort()).toEqual([...answerIds].sort());
    expect(new Set(asked).size).toBe(asked.length);
  });

  it.each(limitedAnswers())(
    "an answer's limit is written once, in the answer table: $id ($max) — its page, the complaint the server checks and Check your answers all follow it",
    ({ id, max, field, tooLongKey }) => {
      const step = stepAsking(id);
      expect(step, `a step asks ${id}`).toBeDefined();
      if (!step) return;
      // Its page takes the limit and refuses one more.
      const onPage = (length: number) => step.schema.safeParse(formFromAnswers(step, draftWith(id, answerOfLength(id, length))));
      expect(onPage(max).error?.issues ?? []).toEqual([]);
      expect(onPage(max + 1).error?.issues.map((issue) => `${issue.path.join(".")} → ${issue.message}`)).toEqual([`${id} → ${tooLongKey}`]);
      // The complaint built from the draft (what the server checks, with the same complaint schema) too.
      const sent = (length: number) => complaintFromDraft(record(draftWith(id, answerOfLength(id, length))), "2026-11-20T16:20:00.000Z");
      expect(sent(max).error?.issues ?? []).toEqual([]);
      const refused = sent(max + 1).error?.issues ?? [];
      expect(refused.map((issue) => `${issue.path.join(".")} → ${issue.message}`)).toEqual([`${field} → ${tooLongKey}`]);
      // Check your answers puts that problem, or the server's 400 naming the field, against the answer's own step.
      expect(stepAsking(answerAtPath(refused[0]?.path ?? []) ?? "")?.id).toBe(step.id);
      expect(stepAsking(answerAtPath(field) ?? "")?.id).toBe(step.id);
    },
  );
});
