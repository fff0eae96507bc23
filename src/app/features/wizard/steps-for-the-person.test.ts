import { describe, expect, it } from "vitest";
import type { DraftAnswers } from "../../../domain/draft";
import { complaintFromDraft } from "../../../domain/complaint";
import { findStep, stepApplies } from "./steps";

/** Wording fitted to the person (issue 15, item 5). */
describe("the questions fit who is filling this in", () => {
  const advocateStep = findStep("advocate");
  const contact = findStep("contact")?.fields.find((f) => f.name === "contactMethod");
  const childsWords = findStep("childs-words");

  it.each([
    ["advocate", false],
    ["parent", true],
    ["young-person", true],
    ["foster-carer", true],
  ] as const)("a %s is asked whether the child wants an advocate: %s", (role, asked) => {
    expect(advocateStep && stepApplies(advocateStep, { role })).toBe(asked);
  });

  it.each([
    ["advocate", ["email", "phone", "post", "none"]],
    ["parent", ["email", "phone", "post", "advocate", "none"]],
    ["young-person", ["email", "phone", "post", "advocate", "none"]],
  ] as const)("a %s is offered %j as ways to be contacted", (role, options) => {
    expect(contact?.optionsFor?.({ role })).toEqual(options);
  });

  it.each([
    ["not-asked-yet", "notAsked"],
    ["agrees", undefined],
    ["does-not-agree", undefined],
  ] as const)("when the child's agreement is %s the child's-words page uses wording %j", (childAgreement, context) => {
    const answers: DraftAnswers = { role: "advocate", childAgreement };
    expect(childsWords && stepApplies(childsWords, answers)).toBe(true);
    expect(childsWords?.context?.(answers)).toBe(context);
  });

  it("an advocate's complaint says the child already has an advocate", () => {
    const result = complaintFromDraft(
      {
        id: "0b8f3a52-7c1e-4d7a-9a63-2f4a1c9e5b10",
        councilId: "example-borough",
        createdAt: "2026-11-20T16:05:00.000Z",
        answers: { role: "advocate", childAgreement: "cannot-ask", whyCannotAsk: "Too young.", whatHappened: "Moved without a plan.", contactMethod: "none" },
      },
      "2026-11-20T16:20:00.000Z",
    );
    expect(result.success && result.data.wantsAdvocate).toBe("already-have");
  });
});
