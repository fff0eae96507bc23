import { describe, expect, it } from "vitest";
import { complaintFromDraft, complaintSchema, type Complaint } from "./complaint";
import { DRAFT_SCHEMA_VERSION, draftRecordSchema, type DraftAnswers, type DraftRecord } from "./draft";

const SUBMITTED_AT = "2026-11-20T16:20:00.000Z";

const record = (answers: DraftAnswers): DraftRecord => ({
  id: "0b8f3a52-7c1e-4d7a-9a63-2f4a1c9e5b10",
  schemaVersion: DRAFT_SCHEMA_VERSION,
  councilId: "example-borough",
  label: "About my move",
  answers,
  step: "check-answers",
  createdAt: "2026-11-20T16:05:00.000Z",
  updatedAt: "2026-11-20T16:19:00.000Z",
});

/** Every answer the wizard can give, with stray spaces as people type them. */
const completeAnswers: DraftAnswers = {
  role: "parent",
  inDanger: "yes",
  childSituation: "looked-after",
  topics: ["decision", "staff"],
  when: "under-12-months",
  proceedings: ["court"],
  childName: " Jay ",
  childAge: " 14 ",
  childAgreement: "agrees",
  howChecked: " I asked him after school. ",
  checkedOn: "2026-11-18",
  childsWords: "I want to see my brother.",
  whyCannotAsk: "He was at school that week.",
  whatHappened: "  He was moved to a new foster home without being asked.\n",
  whatHappenedWhen: "Last month",
  whatHappenedWho: "His social worker",
  putRight: "Ask him before big decisions.",
  adjustments: " Please phone after 4pm. ",
  wantsAdvocate: "yes",
  contactMethod: "email",
  email: "parent@example.com",
  phone: "07700 900982",
  address: "1 Example Street",
  advocateName: "Sam",
  advocateContact: "sam@example.com",
};

function built(answers: DraftAnswers): Complaint {
  const result = complaintFromDraft(record(answers), SUBMITTED_AT);
  if (!result.success) throw new Error(`expected a complaint, got ${JSON.stringify(result.error.issues)}`);
  return result.data;
}

/** The problems as `path → key`, or [] when the complaint is valid. */
function problems(answers: DraftAnswers): string[] {
  const result = complaintFromDraft(record(answers), SUBMITTED_AT);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")} → ${issue.message}`);
}

describe("complaintFromDraft: a complete draft", () => {
  it("builds the whole complaint, trimmed, with the age as a number", () => {
    const expected: Complaint = {
      id: "0b8f3a52-7c1e-4d7a-9a63-2f4a1c9e5b10",
      councilId: "example-borough",
      schemaVersion: 1,
      role: "parent",
      child: { name: "Jay", age: 14 },
      eligibility: { childSituation: "looked-after", topics: ["decision", "staff"], when: "under-12-months", proceedings: ["court"] },
      representation: {
        childAgreement: "agrees",
        howChecked: "I asked him after school.",
        checkedOn: "2026-11-18",
        childsWords: "I want to see my brother.",
        whyCannotAsk: "He was at school that week.",
      },
      whatHappened: { text: "He was moved to a new foster home without being asked.", when: "Last month", who: "His social worker" },
      putRight: "Ask him before big decisions.",
      adjustments: "Please phone after 4pm.",
      wantsAdvocate: "yes",
      contact: { method: "email", email: "parent@example.com" },
      saysInDanger: true,
      createdAt: "2026-11-20T16:05:00.000Z",
      submittedAt: SUBMITTED_AT,
    };
    const complaint = built(completeAnswers);
    expect(complaint).toEqual(expected);
    // What is sent is exactly what the server will accept.
    expect(complaintSchema.parse(JSON.parse(JSON.stringify(complaint)))).toEqual(expected);
  });

  it.each([
    { method: "email", contact: { method: "email", email: "parent@example.com" } },
    { method: "phone", contact: { method: "phone", phone: "07700 900982" } },
    { method: "post", contact: { method: "post", address: "1 Example Street" } },
    { method: "advocate", contact: { method: "advocate", advocateName: "Sam", advocateContact: "sam@example.com" } },
    { method: "none", contact: { method: "none" } },
  ] as const)("sends only the details for contact by $method", ({ method, contact }) => {
    expect(built({ ...completeAnswers, contactMethod: method }).contact).toEqual(contact);
  });

  it("sends no contact when no method was chosen, even if details were typed", () => {
    expect(built({ ...completeAnswers, contactMethod: undefined }).contact).toBeUndefined();
  });

  it("uses the time it is given as submittedAt and keeps the draft's createdAt", () => {
    const complaint = built({ whatHappened: "It happened." });
    expect([complaint.createdAt, complaint.submittedAt]).toEqual(["2026-11-20T16:05:00.000Z", SUBMITTED_AT]);
  });

  it("keeps HTML-looking text as typed", () => {
    expect(built({ whatHappened: "<b>they</b> said <script>no</script>" }).whatHappened.text).toBe("<b>they</b> said <script>no</script>");
  });
});

describe("complaintFromDraft: blank answers are left out", () => {
  it("sends only what happened when nothing else was answered", () => {
    const complaint = built({ whatHappened: "Nobody listened." });
    expect(JSON.parse(JSON.stringify(complaint))).toEqual({
      id: "0b8f3a52-7c1e-4d7a-9a63-2f4a1c9e5b10",
      councilId: "example-borough",
      schemaVersion: 1,
      whatHappened: { text: "Nobody listened." },
      createdAt: "2026-11-20T16:05:00.000Z",
      submittedAt: SUBMITTED_AT,
    });
  });

  it.each([
    { answer: "childName", read: (c: Complaint) => c.child?.name },
    { answer: "childAge", read: (c: Complaint) => c.child?.age },
    { answer: "howChecked", read: (c: Complaint) => c.representation?.howChecked },
    { answer: "checkedOn", read: (c: Complaint) => c.representation?.checkedOn },
    { answer: "childsWords", read: (c: Complaint) => c.representation?.childsWords },
    { answer: "whyCannotAsk", read: (c: Complaint) => c.representation?.whyCannotAsk },
    { answer: "whatHappenedWhen", read: (c: Complaint) => c.whatHappened.when },
    { answer: "whatHappenedWho", read: (c: Complaint) => c.whatHappened.who },
    { answer: "putRight", read: (c: Complaint) => c.putRight },
    { answer: "adjustments", read: (c: Complaint) => c.adjustments },
  ] as const)("leaves out $answer when it is blank", ({ answer, read }) => {
    expect(read(built(completeAnswers))).toBeDefined();
    for (const blank of ["", "   ", "\n\t"]) {
      expect(read(built({ ...completeAnswers, [answer]: blank }))).toBeUndefined();
    }
  });

  it.each([
    { inDanger: "yes", saysInDanger: true },
    { inDanger: "no", saysInDanger: false },
    { inDanger: undefined, saysInDanger: undefined },
  ] as const)("the safety answer $inDanger sends saysInDanger: $saysInDanger", ({ inDanger, saysInDanger }) => {
    const complaint = built({ ...completeAnswers, inDanger });
    expect(complaint.saysInDanger).toBe(saysInDanger);
    expect("saysInDanger" in JSON.parse(JSON.stringify(complaint))).toBe(saysInDanger !== undefined);
  });

  it("leaves out the child when neither name nor age was given", () => {
    expect(built({ ...completeAnswers, childName: undefined, childAge: "" }).child).toBeUndefined();
  });

  it("leaves out the eligibility answers when none were given", () => {
    expect(built({ ...completeAnswers, childSituation: undefined, topics: undefined, when: undefined, proceedings: undefined }).eligibility).toBeUndefined();
  });

  it("leaves out the child's agreement answers when agreement was not answered", () => {
    expect(built({ ...completeAnswers, childAgreement: undefined }).representation).toBeUndefined();
  });
});

describe("complaintFromDraft: problems are returned, not thrown", () => {
  it.each([
    {
      name: "what happened not answered",
      answers: { ...completeAnswers, whatHappened: undefined },
      problems: ["whatHappened.text → validation:whatHappened.text.required"],
    },
    { name: "what happened empty", answers: { ...completeAnswers, whatHappened: "" }, problems: ["whatHappened.text → validation:whatHappened.text.required"] },
    {
      name: "what happened only spaces",
      answers: { ...completeAnswers, whatHappened: " \n " },
      problems: ["whatHappened.text → validation:whatHappened.text.required"],
    },
    { name: "bad email", answers: { ...completeAnswers, email: "parent.example.com" }, problems: ["contact.email → validation:contact.email.format"] },
    { name: "email chosen but not typed", answers: { ...completeAnswers, email: undefined }, problems: ["contact.email → validation:contact.email.format"] },
    {
      name: "bad phone",
      answers: { ...completeAnswers, contactMethod: "phone", phone: "my mum's" },
      problems: ["contact.phone → validation:contact.phone.format"],
    },
    {
      name: "phone chosen but not typed",
      answers: { ...completeAnswers, contactMethod: "phone", phone: undefined },
      problems: ["contact.phone → validation:contact.phone.format"],
    },
    {
      name: "advocate chosen, only a name",
      answers: { ...completeAnswers, contactMethod: "advocate", advocateContact: undefined },
      problems: ["contact.advocateContact → validation:contact.advocateContact.required"],
    },
    {
      name: "post chosen, no address",
      answers: { ...completeAnswers, contactMethod: "post", address: undefined },
      problems: ["contact.address → validation:contact.address.required"],
    },
    {
      name: "advocate chosen, no details",
      answers: { ...completeAnswers, contactMethod: "advocate", advocateName: undefined, advocateContact: " " },
      problems: ["contact.advocateName → validation:contact.advocateName.required", "contact.advocateContact → validation:contact.advocateContact.required"],
    },
    { name: "age not a number", answers: { ...completeAnswers, childAge: "fourteen" }, problems: ["child.age → validation:child.age.type"] },
    { name: "age too high", answers: { ...completeAnswers, childAge: "30" }, problems: ["child.age → validation:child.age.range"] },
    {
      name: "date that does not exist",
      answers: { ...completeAnswers, checkedOn: "2026-02-30" },
      problems: ["representation.checkedOn → validation:representation.checkedOn.format"],
    },
    {
      name: "empty what happened and bad email together",
      answers: { ...completeAnswers, whatHappened: "", email: "nope" },
      problems: ["whatHappened.text → validation:whatHappened.text.required", "contact.email → validation:contact.email.format"],
    },
  ] satisfies { name: string; answers: DraftAnswers; problems: string[] }[])("$name", ({ answers, problems: expected }) => {
    expect(() => complaintFromDraft(record(answers), SUBMITTED_AT)).not.toThrow();
    expect(problems(answers)).toEqual(expected);
  });

  it("keeps a 20,000-character draft, but the complaint built from it is too long", () => {
    const long = "a".repeat(20000);
    const draft = draftRecordSchema.parse(record({ ...completeAnswers, whatHappened: long }));
    expect(draft.answers.whatHappened).toBe(long);
    const result = complaintFromDraft(draft, SUBMITTED_AT);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["whatHappened", "text"], message: "validation:whatHappened.text.tooLong" })]);
  });
});

describe("draftRecordSchema", () => {
  it("parses a complete draft record unchanged", () => {
    const draft = record(completeAnswers);
    expect(draftRecordSchema.parse(draft)).toEqual(draft);
  });

  it("parses a new draft with no answers yet", () => {
    const draft = { ...record({}), label: undefined, step: undefined };
    expect(draftRecordSchema.parse(draft).answers).toEqual({});
  });

  it.each([
    { name: "schemaVersion 1 (an old record the upgrade missed)", changes: { schemaVersion: 1 }, path: "schemaVersion" },
    { name: "schemaVersion 3 (from a newer app)", changes: { schemaVersion: 3 }, path: "schemaVersion" },
    { name: "schemaVersion 0", changes: { schemaVersion: 0 }, path: "schemaVersion" },
    { name: "schemaVersion as text", changes: { schemaVersion: "1" }, path: "schemaVersion" },
    { name: "schemaVersion missing", changes: { schemaVersion: undefined }, path: "schemaVersion" },
    { name: "id not a uuid", changes: { id: "draft-1" }, path: "id" },
    { name: "no council", changes: { councilId: "" }, path: "councilId" },
    { name: "label over 60 characters", changes: { label: "x".repeat(61) }, path: "label" },
    { name: "updatedAt without offset", changes: { updatedAt: "2026-11-20T16:19:00" }, path: "updatedAt" },
    { name: "unknown contact method", changes: { answers: { contactMethod: "fax" } }, path: "answers.contactMethod" },
    { name: "unknown topic", changes: { answers: { topics: ["cake"] } }, path: "answers.topics.0" },
  ])("rejects $name at $path", ({ changes, path }) => {
    const result = draftRecordSchema.safeParse({ ...record(completeAnswers), ...changes });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual([path]);
  });
});
