import { describe, expect, it, vi } from "vitest";
import check from "../../locales/en-GB/check.json" with { type: "json" };
import validation from "../../locales/en-GB/validation.json" with { type: "json" };
import wizard from "../../locales/en-GB/wizard.json" with { type: "json" };
import {
  answerAtPath,
  answerIds,
  answersInComplaint,
  answerTable,
  answerText,
  answerTextKeys,
  complaintRuleAt,
  pageSchema,
  type AnswerDefinition,
  type AnswerId,
} from "./answers";
import { complaintSchema, validationKeys } from "./complaint";

const english: Record<string, unknown> = { check, validation, wizard };
const definition = (id: AnswerId) => answerTable[id] as AnswerDefinition;

/** The English words for `namespace:dotted.key`, in any of the forms i18next looks for (context, plural). */
function englishWords(key: string): string | undefined {
  const [namespace = "", dotted = ""] = key.split(":");
  const at = (path: string) =>
    path
      .split(".")
      .reduce<unknown>((node, part) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part] : undefined), english[namespace]);
  const found = ["", "_self", "_other", "_one"].map((suffix) => at(`${dotted}${suffix}`)).find((words) => typeof words === "string");
  return found as string | undefined;
}

describe("the answer table builds each rule when it is first used (issue 9, decision 027)", () => {
  // Each `key()` a rule is built with is recorded as it is built, so the recorded keys show which
  // rules were built. A fresh copy of the modules, so no other test's use has built them.
  it("builds none as the table and the draft's schema are made, and then only the rule used", async () => {
    vi.resetModules();
    const { validationKeys: built } = await import("./schema-rules");
    const fresh = await import("./answers");
    const { draftRecordSchema } = await import("./draft");
    expect([...built]).toEqual([]);

    // A question page: its answer's page rule, and a draft read back.
    void fresh.answerTable.role.onPage;
    expect(draftRecordSchema.safeParse({}).success).toBe(false);
    expect([...built]).toEqual(["validation:role.required"]);
  });

  it("gives the same rule each time it is used", () => {
    expect(answerTable.whatHappened.inComplaint).toBe(answerTable.whatHappened.inComplaint);
    expect(answerTable.role.draft).toBe(answerTable.role.draft);
  });

  it("finds an answer's error keys by building its rules, however many of them were built before", async () => {
    vi.resetModules();
    const fresh = await import("./answers");
    void fresh.answerTable.howChecked.inComplaint;
    expect([...fresh.answerTable.howChecked.errorKeys].sort()).toEqual([
      "validation:representation.howChecked.required",
      "validation:representation.howChecked.tooLong",
      "validation:representation.howChecked.type",
      "validation:text.unstorable",
    ]);
  });
});

/** A complaint that holds every answer, built from the table: someone acting for a child who agreed, writing by email. */
const everyAnswer = {
  role: "parent",
  inDanger: "no",
  childSituation: "looked-after",
  topics: ["decision"],
  when: "not-sure",
  proceedings: ["court"],
  childName: "Jay",
  childAge: "14",
  childAgreement: "agrees",
  howChecked: "I asked.",
  checkedOn: "2026-11-18",
  childsWords: "I want to stay.",
  whyCannotAsk: "Not needed.",
  whatHappened: "It happened.",
  whatHappenedWhen: "Last month",
  whatHappenedWho: "A social worker",
  putRight: "Say sorry.",
  adjustments: "After school.",
  wantsAdvocate: "yes",
  contactMethod: "email",
  email: "parent@example.com",
  phone: "07700 900982",
  address: "1 Example Street",
  advocateName: "Sam",
  advocateContact: "sam@example.com",
} as const;

const envelope = {
  id: "0b8f3a52-7c1e-4d7a-9a63-2f4a1c9e5b10",
  councilId: "example-borough",
  schemaVersion: 1,
  createdAt: "2026-11-20T16:05:00.000Z",
  submittedAt: "2026-11-20T16:20:00.000Z",
};

describe("the answer table (src/domain/answers.ts, decision 022)", () => {
  it("has one entry per draft answer, each at its own place in the complaint", () => {
    const paths = answerIds.map((id) => definition(id).path.join("."));
    expect(new Set(paths).size).toBe(paths.length);
    // Each answer is a leaf: none lives inside another (so `answerAtPath` finds at most one).
    for (const path of paths) expect(paths.filter((other) => other.startsWith(`${path}.`))).toEqual([]);
    expect(Object.keys(everyAnswer).sort()).toEqual([...answerIds].sort());
  });

  it.each(answerIds)("%s: its complaint path leads back to it (complaint → answer)", (id) => {
    expect(answerAtPath(definition(id).path)).toBe(id);
    expect(answerAtPath(definition(id).path.join("."))).toBe(id);
  });

  it("puts a problem inside an answer, or on the part holding it, against that answer", () => {
    expect(answerAtPath(["eligibility", "topics", 0])).toBe("topics");
    expect(answerAtPath("contact")).toBe("contactMethod");
    expect(answerAtPath("whatHappened")).toBe("whatHappened");
    expect(answerAtPath("councilId")).toBeUndefined();
    expect(answerAtPath([])).toBeUndefined();
  });

  it("builds the complaint's answers from the table (draft → complaint), and the complaint schema takes them", () => {
    const built = answersInComplaint(everyAnswer);
    // Only the chosen way of being contacted is sent.
    expect(built.contact).toEqual({ method: "email", email: "parent@example.com" });
    expect(built.child).toEqual({ name: "Jay", age: 14 });
    const parsed = complaintSchema.safeParse({ ...envelope, ...built });
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it.each(answerIds)("%s: every validation key it names is one the schemas build, so the locale test checks its words", (id) => {
    expect(definition(id).errorKeys.length).toBeGreaterThan(0);
    for (const key of definition(id).errorKeys) expect([...validationKeys]).toContain(key);
  });

  it.each(answerTextKeys())("%s has English words (locales/en-GB)", (key) => {
    expect(englishWords(key)?.trim()).toBeTruthy();
  });

  it.each(answerIds.filter((id) => definition(id).shownWith))("%s is shown under a choice its answer offers", (id) => {
    const shown = definition(id).shownWith!;
    expect(answerIds).toContain(shown.answer);
    expect(definition(shown.answer as AnswerId).options).toContain(shown.option);
  });

  it("names an answer that is not at the top of the complaint when asked for one there", () => {
    expect(() => complaintRuleAt("whatHappened")).toThrow(/no answer at whatHappened/);
  });
});

describe("answerText: how an answer reads back (Check your answers and the plain-text copy)", () => {
  const translate = (key: string, options?: { context?: string }) => `${key}${options?.context ? `_${options.context}` : ""}`;

  it("gives a choice's words, each ticked box on its own line, and None of these for an empty list", () => {
    expect(answerText("role", { role: "parent" }, translate, "other")).toBe("wizard:role.options.parent.label_other");
    expect(answerText("topics", { topics: ["decision", "staff"] }, translate)).toBe("wizard:topics.options.decision.label\nwizard:topics.options.staff.label");
    expect(answerText("proceedings", { proceedings: [] }, translate)).toBe("check:none");
  });

  it("gives text exactly as typed, and nothing for an answer left blank", () => {
    expect(answerText("whatHappened", { whatHappened: " Twice.\n" }, translate)).toBe(" Twice.\n");
    expect(answerText("putRight", { putRight: "  " }, translate)).toBeUndefined();
    expect(answerText("putRight", {}, translate)).toBeUndefined();
  });
});

describe("pageSchema: a page's rule from its answers' rules", () => {
  it("checks an answer shown under a choice only when that choice is made, and puts its problem against it", () => {
    const schema = pageSchema(["contactMethod", "email", "phone"]);
    expect(schema.safeParse({ contactMethod: "phone", phone: "07700 900982", email: "not an address" }).success).toBe(true);
    const result = schema.safeParse({ contactMethod: "email", email: "not an address", phone: "" });
    expect(result.error?.issues.map((issue) => `${issue.path.join(".")} → ${issue.message}`)).toEqual(["email → validation:contact.email.format"]);
  });

  it("needs what the page asks for even when the complaint does not (how the child was asked)", () => {
    expect(
      pageSchema(["howChecked"])
        .safeParse({ howChecked: " " })
        .error?.issues.map((issue) => issue.message),
    ).toEqual(["validation:representation.howChecked.required"]);
    expect(complaintSchema.safeParse({ ...envelope, ...answersInComplaint({ ...everyAnswer, howChecked: " " }) }).success).toBe(true);
  });
});
