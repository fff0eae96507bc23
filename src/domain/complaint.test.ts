import { describe, expect, it, vi } from "vitest";
import english from "../../locales/en-GB/validation.json" with { type: "json" };
import fixture from "../../test/fixtures/complaint.valid.json" with { type: "json" };
import { REFERENCE_ALPHABET, complaintSchema, referenceFromBytes, referenceSchema, validationKeys, visibleLength } from "./complaint";
import { answerIds, answerTable, type AnswerDefinition } from "./answers";
import { escalationSchema } from "./progress";
// The escalation schema (progress.ts) builds its keys with the same helper; importing it also
// means `validationKeys` holds every key validation.json must define. The answer table builds an
// answer's rules when first used (decision 027): reading every answer's error keys builds them all.
for (const id of answerIds) void answerTable[id].errorKeys;

type Json = Record<string, unknown>;

/** Marks a change that deletes the field instead of setting it. */
const REMOVE = Symbol("remove");

/** The fixture with every optional part filled in, so each field can be broken on its own. */
const complete: Json = {
  ...structuredClone(fixture),
  representation: {
    childAgreement: "agrees",
    howChecked: "I asked them after school.",
    checkedOn: "2026-11-18",
    childsWords: "I want to go back to my old school.",
    whyCannotAsk: "Not needed.",
  },
  saysInDanger: true,
};

/** A copy of `complete` with each dotted path set (or removed with REMOVE), in order. */
function complaintWith(changes: Record<string, unknown>): Json {
  const copy = structuredClone(complete);
  for (const [path, value] of Object.entries(changes)) {
    const parts = path.split(".");
    const last = parts.pop()!;
    let node = copy;
    for (const part of parts) node = node[part] as Json;
    if (value === REMOVE) Reflect.deleteProperty(node, last);
    else node[last] = structuredClone(value);
  }
  return copy;
}

/** The distinct problems as `path → message`, e.g. `whatHappened.text → validation:…required`. */
function problems(input: unknown): string[] {
  const result = complaintSchema.safeParse(input);
  if (result.success) return [];
  return [...new Set(result.error.issues.map((issue) => `${issue.path.join(".")} → ${issue.message}`))];
}

function parsed(input: unknown) {
  const result = complaintSchema.safeParse(input);
  if (!result.success) throw new Error(`expected a valid complaint, got ${problems(input).join("; ")}`);
  return result.data;
}

const POST = { method: "post", address: "1 Example Street" };
const ADVOCATE = { method: "advocate", advocateName: "Sam", advocateContact: "sam@example.com" };

/**
 * Every text field with a length limit, read from the answer table (its one place, decision 022);
 * `base` supplies the contact method the field belongs to.
 */
const LIMITS = answerIds.flatMap((id) => {
  const { path, maxLength, control, shownWith } = answerTable[id] as AnswerDefinition;
  // The email address's limit is part of its format (tested below).
  if (maxLength === undefined || control === "email") return [];
  return [{ path: path.join("."), max: maxLength, base: shownWith ? { contact: shownWith.option === "post" ? POST : ADVOCATE } : {} }];
});

describe("complaintSchema: valid complaints", () => {
  it("parses the sample complaint unchanged", () => {
    expect(parsed(fixture)).toEqual(fixture);
  });

  it("parses a complaint with every optional answer filled in", () => {
    expect(parsed(complete)).toEqual(complete);
  });

  it.each([true, false])("keeps the safety flag saysInDanger: %s (issue 16)", (saysInDanger) => {
    expect(parsed({ ...fixture, saysInDanger }).saysInDanger).toBe(saysInDanger);
  });

  it("keeps the language the complaint was written in, and needs none from an older client (issue 14)", () => {
    expect(parsed({ ...fixture, language: "ar" }).language).toBe("ar");
    expect(parsed({ ...fixture, language: "en-GB" }).language).toBe("en-GB");
    expect("language" in parsed(fixture)).toBe(false);
  });

  it("parses a complaint from before the safety question (no saysInDanger) without adding one", () => {
    expect("saysInDanger" in fixture).toBe(false);
    expect("saysInDanger" in parsed(fixture)).toBe(false);
  });

  it("needs only the id, council, version, what happened and the two times", () => {
    const minimal = {
      id: fixture.id,
      councilId: fixture.councilId,
      schemaVersion: 1,
      whatHappened: { text: "Nobody listened to me." },
      createdAt: fixture.createdAt,
      submittedAt: fixture.submittedAt,
    };
    expect(parsed(minimal)).toEqual(minimal);
  });

  it.each([
    { path: "whatHappened.text", input: "  I was moved.\n\t", output: "I was moved." },
    { path: "whatHappened.when", input: " Last month ", output: "Last month" },
    { path: "whatHappened.who", input: "\nMy social worker\n", output: "My social worker" },
    { path: "child.name", input: "  J  ", output: "J" },
    { path: "putRight", input: " Say sorry. ", output: "Say sorry." },
    { path: "adjustments", input: " After school ", output: "After school" },
    { path: "representation.howChecked", input: "  I asked them  ", output: "I asked them" },
    { path: "representation.childsWords", input: " I want my old school ", output: "I want my old school" },
    { path: "representation.whyCannotAsk", input: " Too young ", output: "Too young" },
    { path: "representation.checkedOn", input: " 2026-11-18 ", output: "2026-11-18" },
  ])("trims $path", ({ path, input, output }) => {
    const data = parsed(complaintWith({ [path]: input })) as Json;
    const [group, field] = path.split(".");
    expect(field === undefined ? data[group!] : (data[group!] as Json)[field]).toBe(output);
  });

  it.each([
    { contact: { method: "post", address: "  1 Example Street\n" }, output: { method: "post", address: "1 Example Street" } },
    {
      contact: { method: "advocate", advocateName: " Sam ", advocateContact: " 07700 900982 " },
      output: { method: "advocate", advocateName: "Sam", advocateContact: "07700 900982" },
    },
    { contact: { method: "phone", phone: " 07700 900982 " }, output: { method: "phone", phone: "07700 900982" } },
  ])("trims the contact details for $contact.method", ({ contact, output }) => {
    expect(parsed(complaintWith({ contact })).contact).toEqual(output);
  });

  it.each([`<script>alert("hi")</script>`, `<b>bold</b> & <i>not</i> &amp; "quoted" 'single'`, `<img src=x onerror="alert(1)">`])(
    "keeps HTML-looking text exactly as typed: %s",
    (text) => {
      // Escaping is the renderer's job; changing what a child wrote would change their complaint.
      expect(parsed(complaintWith({ "whatHappened.text": text })).whatHappened.text).toBe(text);
    },
  );

  it.each([
    { method: "email", contact: { method: "email", email: "name@example.com" } },
    { method: "phone", contact: { method: "phone", phone: "01632 960 100" } },
    { method: "post", contact: POST },
    { method: "advocate", contact: ADVOCATE },
    { method: "none", contact: { method: "none" } },
  ])("accepts contact by $method", ({ contact }) => {
    expect(parsed(complaintWith({ contact })).contact).toEqual(contact);
  });

  it.each(["01632 960 100", "+44 1632 960100", "(01632) 960-100", "07700900982", "1234567"])("accepts the phone number %s", (phone) => {
    expect(parsed(complaintWith({ contact: { method: "phone", phone } })).contact).toEqual({ method: "phone", phone });
  });

  it.each(["2024-02-29", "2026-12-31", "2026-01-01"])("accepts the real date %s for representation.checkedOn", (date) => {
    expect(parsed(complaintWith({ "representation.checkedOn": date })).representation?.checkedOn).toBe(date);
  });

  it.each(["2026-11-20T16:05:00Z", "2026-11-20T16:05:00.123Z", "2026-11-20T16:05:00+01:00", "2026-11-20T16:05:00-05:30"])(
    "accepts the datetime %s",
    (datetime) => {
      const data = parsed(complaintWith({ createdAt: datetime, submittedAt: datetime }));
      expect([data.createdAt, data.submittedAt]).toEqual([datetime, datetime]);
    },
  );

  it.each(["ab", "example-borough", "n0rthmoor-2", "a".repeat(40)])("accepts the council id %s", (councilId) => {
    expect(parsed(complaintWith({ councilId })).councilId).toBe(councilId);
  });

  it.each([{ age: 0 }, { age: 25 }])("accepts a child aged $age", ({ age }) => {
    expect(parsed(complaintWith({ "child.age": age })).child?.age).toBe(age);
  });
});

describe("complaintSchema: each problem gives its i18n key at its path", () => {
  const email = (length: number) => `${"a".repeat(length - "@example.com".length)}@example.com`;

  it.each([
    // id, council and version
    { name: "id not a uuid", changes: { id: "not-a-uuid" }, path: "id", key: "id.format" },
    { name: "id one character short", changes: { id: fixture.id.slice(0, -1) }, path: "id", key: "id.format" },
    { name: "id with an extra character", changes: { id: `${fixture.id}0` }, path: "id", key: "id.format" },
    { name: "id a number", changes: { id: 42 }, path: "id", key: "id.format" },
    { name: "id missing", changes: { id: REMOVE }, path: "id", key: "id.format" },
    { name: "council id a number", changes: { councilId: 42 }, path: "councilId", key: "councilId.type" },
    { name: "council id with capitals", changes: { councilId: "Example-Borough" }, path: "councilId", key: "councilId.format" },
    { name: "council id starting with a dash", changes: { councilId: "-borough" }, path: "councilId", key: "councilId.format" },
    { name: "council id of one character", changes: { councilId: "a" }, path: "councilId", key: "councilId.format" },
    { name: "council id of 41 characters", changes: { councilId: "a".repeat(41) }, path: "councilId", key: "councilId.format" },
    { name: "council id with a space", changes: { councilId: "example borough" }, path: "councilId", key: "councilId.format" },
    { name: "council id with a path", changes: { councilId: "../example" }, path: "councilId", key: "councilId.format" },
    { name: "schemaVersion 2", changes: { schemaVersion: 2 }, path: "schemaVersion", key: "schemaVersion.unsupported" },
    { name: "schemaVersion 0", changes: { schemaVersion: 0 }, path: "schemaVersion", key: "schemaVersion.unsupported" },
    { name: "schemaVersion as text", changes: { schemaVersion: "1" }, path: "schemaVersion", key: "schemaVersion.unsupported" },
    { name: "schemaVersion missing", changes: { schemaVersion: REMOVE }, path: "schemaVersion", key: "schemaVersion.unsupported" },
    // choices
    { name: "unknown role", changes: { role: "judge" }, path: "role", key: "role.required" },
    { name: "role a number", changes: { role: 1 }, path: "role", key: "role.required" },
    { name: "unknown wantsAdvocate", changes: { wantsAdvocate: "perhaps" }, path: "wantsAdvocate", key: "wantsAdvocate.required" },
    { name: "saysInDanger as text", changes: { saysInDanger: "yes" }, path: "saysInDanger", key: "saysInDanger.type" },
    { name: "language not a language code", changes: { language: "<script>" }, path: "language", key: "language.format" },
    { name: "language too long", changes: { language: `en-${"a".repeat(40)}` }, path: "language", key: "language.format" },
    { name: "language as a number", changes: { language: 7 }, path: "language", key: "language.format" },
    { name: "saysInDanger null", changes: { saysInDanger: null }, path: "saysInDanger", key: "saysInDanger.type" },
    // child
    { name: "child name a number", changes: { "child.name": 42 }, path: "child.name", key: "child.name.type" },
    { name: "child age as text", changes: { "child.age": "14" }, path: "child.age", key: "child.age.type" },
    { name: "child age not whole", changes: { "child.age": 14.5 }, path: "child.age", key: "child.age.type" },
    { name: "child age not a number", changes: { "child.age": Number.NaN }, path: "child.age", key: "child.age.type" },
    { name: "child age below 0", changes: { "child.age": -1 }, path: "child.age", key: "child.age.range" },
    { name: "child age over 25", changes: { "child.age": 26 }, path: "child.age", key: "child.age.range" },
    // eligibility
    { name: "unknown childSituation", changes: { "eligibility.childSituation": "foster" }, path: "eligibility.childSituation", key: "childSituation.required" },
    { name: "no topics", changes: { "eligibility.topics": [] }, path: "eligibility.topics", key: "topics.required" },
    { name: "unknown topic", changes: { "eligibility.topics": ["decision", "cake"] }, path: "eligibility.topics.1", key: "topics.required" },
    { name: "topics not a list", changes: { "eligibility.topics": "decision" }, path: "eligibility.topics", key: "topics.required" },
    {
      name: "more topics than exist",
      changes: { "eligibility.topics": Array<string>(19).fill("decision") },
      path: "eligibility.topics",
      key: "topics.required",
    },
    { name: "unknown when", changes: { "eligibility.when": "yesterday" }, path: "eligibility.when", key: "when.required" },
    { name: "unknown proceeding", changes: { "eligibility.proceedings": ["tribunal"] }, path: "eligibility.proceedings.0", key: "proceedings.required" },
    { name: "proceedings not a list", changes: { "eligibility.proceedings": "court" }, path: "eligibility.proceedings", key: "proceedings.required" },
    {
      name: "more proceedings than exist",
      changes: { "eligibility.proceedings": ["court", "police", "disciplinary", "court"] },
      path: "eligibility.proceedings",
      key: "proceedings.required",
    },
    // representation
    {
      name: "childAgreement missing",
      changes: { "representation.childAgreement": REMOVE },
      path: "representation.childAgreement",
      key: "representation.childAgreement.required",
    },
    {
      name: "unknown childAgreement",
      changes: { "representation.childAgreement": "maybe" },
      path: "representation.childAgreement",
      key: "representation.childAgreement.required",
    },
    { name: "howChecked a number", changes: { "representation.howChecked": 1 }, path: "representation.howChecked", key: "representation.howChecked.type" },
    { name: "childsWords a number", changes: { "representation.childsWords": 1 }, path: "representation.childsWords", key: "representation.childsWords.type" },
    {
      name: "whyCannotAsk a number",
      changes: { "representation.whyCannotAsk": 1 },
      path: "representation.whyCannotAsk",
      key: "representation.whyCannotAsk.type",
    },
    { name: "checkedOn a number", changes: { "representation.checkedOn": 20251118 }, path: "representation.checkedOn", key: "representation.checkedOn.type" },
    // what happened
    { name: "whatHappened.text missing", changes: { "whatHappened.text": REMOVE }, path: "whatHappened.text", key: "whatHappened.text.type" },
    { name: "whatHappened.text a number", changes: { "whatHappened.text": 42 }, path: "whatHappened.text", key: "whatHappened.text.type" },
    { name: "whatHappened.text empty", changes: { "whatHappened.text": "" }, path: "whatHappened.text", key: "whatHappened.text.required" },
    { name: "whatHappened.text only spaces", changes: { "whatHappened.text": "   " }, path: "whatHappened.text", key: "whatHappened.text.required" },
    { name: "whatHappened.text only line breaks", changes: { "whatHappened.text": "\n\t \r\n" }, path: "whatHappened.text", key: "whatHappened.text.required" },
    { name: "whatHappened.when a number", changes: { "whatHappened.when": 2025 }, path: "whatHappened.when", key: "whatHappened.when.type" },
    { name: "whatHappened.who a list", changes: { "whatHappened.who": ["me"] }, path: "whatHappened.who", key: "whatHappened.who.type" },
    { name: "putRight a number", changes: { putRight: 1 }, path: "putRight", key: "putRight.type" },
    { name: "adjustments a boolean", changes: { adjustments: true }, path: "adjustments", key: "adjustments.type" },
    // contact
    { name: "contact not an object", changes: { contact: "email" }, path: "contact", key: "contact.method.required" },
    { name: "contact without a method", changes: { contact: { email: "name@example.com" } }, path: "contact.method", key: "contact.method.required" },
    { name: "unknown contact method", changes: { contact: { method: "fax" } }, path: "contact.method", key: "contact.method.required" },
    { name: "email method without email", changes: { contact: { method: "email" } }, path: "contact.email", key: "contact.email.format" },
    { name: "phone method without phone", changes: { contact: { method: "phone" } }, path: "contact.phone", key: "contact.phone.type" },
    { name: "post method without address", changes: { contact: { method: "post" } }, path: "contact.address", key: "contact.address.type" },
    { name: "post address only spaces", changes: { contact: { method: "post", address: "  " } }, path: "contact.address", key: "contact.address.required" },
    {
      name: "advocate method without name",
      changes: { contact: { method: "advocate", advocateContact: "sam@example.com" } },
      path: "contact.advocateName",
      key: "contact.advocateName.type",
    },
    {
      name: "advocate name only spaces",
      changes: { contact: { ...ADVOCATE, advocateName: " " } },
      path: "contact.advocateName",
      key: "contact.advocateName.required",
    },
    {
      name: "advocate method without contact",
      changes: { contact: { method: "advocate", advocateName: "Sam" } },
      path: "contact.advocateContact",
      key: "contact.advocateContact.type",
    },
    {
      name: "advocate contact only spaces",
      changes: { contact: { ...ADVOCATE, advocateContact: "\n" } },
      path: "contact.advocateContact",
      key: "contact.advocateContact.required",
    },
    { name: "email without @", changes: { "contact.email": "name.example.com" }, path: "contact.email", key: "contact.email.format" },
    { name: "email without domain", changes: { "contact.email": "name@" }, path: "contact.email", key: "contact.email.format" },
    { name: "email without name", changes: { "contact.email": "@example.com" }, path: "contact.email", key: "contact.email.format" },
    { name: "email without top-level domain", changes: { "contact.email": "name@example" }, path: "contact.email", key: "contact.email.format" },
    { name: "email with a space", changes: { "contact.email": "my name@example.com" }, path: "contact.email", key: "contact.email.format" },
    { name: "email a number", changes: { "contact.email": 42 }, path: "contact.email", key: "contact.email.format" },
    { name: "email of 255 characters", changes: { "contact.email": email(255) }, path: "contact.email", key: "contact.email.format" },
    { name: "phone with words", changes: { contact: { method: "phone", phone: "call me" } }, path: "contact.phone", key: "contact.phone.format" },
    { name: "phone of 6 digits", changes: { contact: { method: "phone", phone: "123456" } }, path: "contact.phone", key: "contact.phone.format" },
    { name: "phone of 21 digits", changes: { contact: { method: "phone", phone: "0".repeat(21) } }, path: "contact.phone", key: "contact.phone.format" },
    {
      name: "phone with an extension",
      changes: { contact: { method: "phone", phone: "01632 960 100 ext 5" } },
      path: "contact.phone",
      key: "contact.phone.format",
    },
    { name: "phone with dots", changes: { contact: { method: "phone", phone: "01632.960.100" } }, path: "contact.phone", key: "contact.phone.format" },
    { name: "phone a number", changes: { contact: { method: "phone", phone: 1632960100 } }, path: "contact.phone", key: "contact.phone.type" },
    // dates
    {
      name: "checkedOn 2025-02-30",
      changes: { "representation.checkedOn": "2025-02-30" },
      path: "representation.checkedOn",
      key: "representation.checkedOn.format",
    },
    {
      name: "checkedOn 29 February in a common year",
      changes: { "representation.checkedOn": "2025-02-29" },
      path: "representation.checkedOn",
      key: "representation.checkedOn.format",
    },
    {
      name: "checkedOn 31 April",
      changes: { "representation.checkedOn": "2025-04-31" },
      path: "representation.checkedOn",
      key: "representation.checkedOn.format",
    },
    {
      name: "checkedOn month 13",
      changes: { "representation.checkedOn": "2025-13-01" },
      path: "representation.checkedOn",
      key: "representation.checkedOn.format",
    },
    {
      name: "checkedOn month 0",
      changes: { "representation.checkedOn": "2025-00-10" },
      path: "representation.checkedOn",
      key: "representation.checkedOn.format",
    },
    {
      name: "checkedOn without leading zeros",
      changes: { "representation.checkedOn": "2025-2-3" },
      path: "representation.checkedOn",
      key: "representation.checkedOn.format",
    },
    {
      name: "checkedOn written the English way",
      changes: { "representation.checkedOn": "03/02/2025" },
      path: "representation.checkedOn",
      key: "representation.checkedOn.format",
    },
    {
      name: "checkedOn with a time",
      changes: { "representation.checkedOn": "2025-02-03T00:00:00Z" },
      path: "representation.checkedOn",
      key: "representation.checkedOn.format",
    },
    { name: "checkedOn empty", changes: { "representation.checkedOn": " " }, path: "representation.checkedOn", key: "representation.checkedOn.format" },
    { name: "createdAt without offset", changes: { createdAt: "2026-11-20T16:05:00" }, path: "createdAt", key: "datetime.format" },
    { name: "submittedAt without offset", changes: { submittedAt: "2026-11-20T16:20:00.000" }, path: "submittedAt", key: "datetime.format" },
    { name: "createdAt a date only", changes: { createdAt: "2026-11-20" }, path: "createdAt", key: "datetime.format" },
    { name: "createdAt with a space", changes: { createdAt: "2026-11-20 16:05:00Z" }, path: "createdAt", key: "datetime.format" },
    { name: "submittedAt missing", changes: { submittedAt: REMOVE }, path: "submittedAt", key: "datetime.format" },
    { name: "submittedAt a timestamp number", changes: { submittedAt: 1795277000000 }, path: "submittedAt", key: "datetime.format" },
  ])("$name → $key at $path", ({ changes, path, key }) => {
    const message = `validation:${key}`;
    expect([...validationKeys]).toContain(message);
    expect(problems(complaintWith(changes))).toEqual([`${path} → ${message}`]);
  });

  it("has every limited text answer in LIMITS", () => {
    expect(LIMITS.map(({ path }) => path)).toEqual([
      "representation.howChecked",
      "representation.childsWords",
      "representation.whyCannotAsk",
      "child.name",
      "whatHappened.text",
      "whatHappened.when",
      "whatHappened.who",
      "putRight",
      "adjustments",
      "contact.address",
      "contact.advocateName",
      "contact.advocateContact",
    ]);
  });

  it.each(LIMITS)("$path: $max characters are accepted, and one more gives tooLong", ({ path, max, base }) => {
    const atLimit = "x".repeat(max);
    expect(problems(complaintWith({ ...base, [path]: atLimit }))).toEqual([]);
    // Spaces around the text do not count: the text is trimmed before it is measured.
    expect(problems(complaintWith({ ...base, [path]: `  ${atLimit}\n` }))).toEqual([]);
    expect(problems(complaintWith({ ...base, [path]: `${atLimit}x` }))).toEqual([`${path} → validation:${path}.tooLong`]);
  });

  it("accepts an email address of 254 characters and rejects one of 255", () => {
    expect(problems(complaintWith({ "contact.email": email(254) }))).toEqual([]);
    expect(problems(complaintWith({ "contact.email": email(255) }))).toEqual(["contact.email → validation:contact.email.format"]);
  });

  it("reports every problem at once, not only the first", () => {
    expect(problems(complaintWith({ "whatHappened.text": " ", councilId: "X", "contact.email": "nope" }))).toEqual([
      "councilId → validation:councilId.format",
      "whatHappened.text → validation:whatHappened.text.required",
      "contact.email → validation:contact.email.format",
    ]);
  });
});

/** Every free-text answer, with what makes it reachable (a contact method for the contact texts). */
const TEXTS = LIMITS.map(({ path, base }) => ({ path, base }));

describe("complaintSchema: text that cannot be stored or seen (issue 10)", () => {
  it.each(
    TEXTS.flatMap(({ path, base }) => [
      { path, base, what: "a NUL", value: "before\u0000after" },
      { path, base, what: "a lone high surrogate", value: "half an emoji \ud800" },
      { path, base, what: "a lone low surrogate", value: "\udc00 half an emoji" },
    ]),
  )("$path with $what is refused with text.unstorable", ({ path, base, value }) => {
    expect(problems(complaintWith({ ...base, [path]: value }))).toEqual([`${path} → validation:text.unstorable`]);
  });

  it("refuses a NUL in the request for the next stage too", () => {
    const result = escalationSchema.safeParse({
      id: crypto.randomUUID(),
      schemaVersion: 1,
      toStage: 2,
      why: "not\u0000sorted",
      submittedAt: "2026-12-01T10:00:00.000Z",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => `${i.path.join(".")} → ${i.message}`)).toEqual(["why → validation:text.unstorable"]);
  });

  it("keeps a whole emoji (a surrogate pair) and joined emoji", () => {
    const text = "I felt 😢 and 👩‍👧 was not there";
    expect(parsed(complaintWith({ "whatHappened.text": text })).whatHappened.text).toBe(text);
  });

  it.each([
    { what: "a zero-width space", value: "\u200b" },
    { what: "zero-width joiners and a byte-order mark", value: "\u200d\ufeff\u200c" },
    { what: "a no-break space and an ideographic space", value: "\u00a0\u3000" },
    { what: "a Hangul filler", value: "\u3164" },
    { what: "a soft hyphen", value: "\u00ad" },
  ])("a required answer made only of $what is empty", ({ value }) => {
    expect(problems(complaintWith({ "whatHappened.text": value }))).toEqual(["whatHappened.text → validation:whatHappened.text.required"]);
  });

  it("a required answer with one visible character among invisible ones is kept", () => {
    expect(parsed(complaintWith({ "whatHappened.text": "\u200bx\u200b" })).whatHappened.text).toBe("\u200bx\u200b");
  });
});

describe("complaintSchema: lengths count what the person sees (issue 10)", () => {
  it.each([
    { what: "plain letters", value: "abc", length: 3 },
    { what: "an emoji outside the BMP", value: "😢", length: 1 },
    { what: "a family emoji joined with ZWJ", value: "👩‍👩‍👧‍👦", length: 1 },
    { what: "a flag", value: "🇬🇧", length: 1 },
    { what: "e with a combining accent", value: "e\u0301", length: 1 },
    { what: "an emoji with a skin tone", value: "👍🏽", length: 1 },
  ])("visibleLength counts $what as $length", ({ value, length }) => {
    expect(visibleLength(value)).toBe(length);
  });

  it("counts in chunks exactly as one Intl.Segmenter pass over the whole text does (2,000 mixed texts, fixed seed)", () => {
    // Letters, CR LF, accents, joiners, skin tones, flags, Hangul jamo, Indic conjuncts, Thai AM,
    // prepend marks and keycaps: every rule that looks across a chunk's edge.
    const alphabet = [
      "a",
      " ",
      "\n",
      "\r",
      "\t",
      "\u0301",
      "\u200d",
      "😢",
      "👩",
      "🏽",
      "🇬",
      "🇧",
      "가",
      "\u1100",
      "\u1161",
      "\u11a8",
      "क",
      "\u094d",
      "ष",
      "\u0e33",
      "ก",
      "\u0600",
      "1",
      "\ufe0f",
      "\u20e3",
      "中",
      "ﾞ",
      "ｶ",
    ];
    let seed = 20_261_120;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
    for (let run = 0; run < 2000; run++) {
      let value = "";
      const length = Math.floor(random() * 900);
      for (let i = 0; i < length; i++) value += alphabet[Math.floor(random() * alphabet.length)];
      expect(visibleLength(value), JSON.stringify(value)).toBe(Array.from(segmenter.segment(value)).length);
    }
    // About 1 s alone; several times that on a busy machine, and a timeout there is not a failure of the rule.
  }, 60_000);

  it("counts one character with 100,000 accents as one", () => {
    expect(visibleLength(`e${"\u0301".repeat(100_000)}x`)).toBe(2);
  });

  it("counts ASCII without making a segmenter (ICU's break data costs a cheap phone's start-up), CR LF as one", () => {
    const made = vi.spyOn(Intl, "Segmenter");
    const ascii = ["", "abc", "She said: I miss Nana.", "line one\r\nline two\nthree\r", "\r\n\r\n", "\r\r\n\n", "\t\u0000\u007f~"];
    const counted = ascii.map((value) => visibleLength(value));
    expect(made).not.toHaveBeenCalled();
    made.mockRestore();
    const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
    expect(counted).toEqual(ascii.map((value) => Array.from(segmenter.segment(value)).length));
  });

  it("stops counting once past the limit it is given", () => {
    const counted = visibleLength("é".repeat(250_000), 10_000);
    expect(counted).toBeGreaterThan(10_000);
    expect(counted).toBeLessThan(11_000);
  });

  it.each(LIMITS)("$path: $max emoji are accepted (UTF-16 length twice that) and one more gives tooLong", ({ path, max, base }) => {
    expect(problems(complaintWith({ ...base, [path]: "😢".repeat(max) }))).toEqual([]);
    expect(problems(complaintWith({ ...base, [path]: "😢".repeat(max + 1) }))).toEqual([`${path} → validation:${path}.tooLong`]);
  });

  it("counts a family emoji (7 code points, 11 UTF-16 units) once against the 10,000 limit", () => {
    expect(problems(complaintWith({ "whatHappened.text": "👩‍👩‍👧‍👦".repeat(10_000) }))).toEqual([]);
    expect(problems(complaintWith({ "whatHappened.text": "👩‍👩‍👧‍👦".repeat(10_001) }))).toEqual(["whatHappened.text → validation:whatHappened.text.tooLong"]);
  });
});

describe("complaintSchema: ids and dates (issue 10)", () => {
  it("gives the id in lower case, whatever case was sent", () => {
    const id = "7D7A9A5E-1F3B-4C2E-9D41-0A2B3C4D5E6F";
    expect(parsed(complaintWith({ id })).id).toBe(id.toLowerCase());
  });

  it("gives the escalation id in lower case too", () => {
    const result = escalationSchema.parse({
      id: "0E6F9B3A-8C1D-4E2F-A3B4-C5D6E7F80911",
      schemaVersion: 1,
      toStage: 2,
      why: "Not sorted out.",
      submittedAt: "2026-12-01T10:00:00.000Z",
    });
    expect(result.id).toBe("0e6f9b3a-8c1d-4e2f-a3b4-c5d6e7f80911");
  });

  it.each([
    { what: "year 0000", value: "0000-01-01T00:00:00.000Z" },
    { what: "year 9999", value: "9999-12-31T23:59:59.999Z" },
    { what: "year 1969", value: "1969-12-31T23:59:59.999Z" },
    { what: "262 KB of fraction digits", value: `2026-11-20T16:05:00.${"0".repeat(262_000)}Z` },
  ])("createdAt in $what is refused", ({ value }) => {
    expect(problems(complaintWith({ createdAt: value, submittedAt: "2026-11-20T16:20:00.000Z" }))).toEqual(["createdAt → validation:datetime.format"]);
  });

  it.each(["1970-01-01T00:00:00.000Z", "2199-12-31T23:59:59.999Z"])("accepts the bounding time %s", (value) => {
    expect(problems(complaintWith({ createdAt: value, submittedAt: "2199-12-31T23:59:59.999Z" }))).toEqual([]);
  });

  it.each(["0000-01-01", "9999-12-31"])("representation.checkedOn %s is refused", (value) => {
    expect(problems(complaintWith({ "representation.checkedOn": value }))).toEqual(["representation.checkedOn → validation:representation.checkedOn.format"]);
  });

  it("refuses a complaint sent before it was started", () => {
    expect(problems(complaintWith({ createdAt: "2026-11-20T16:20:00.000Z", submittedAt: "2026-11-20T16:19:59.999Z" }))).toEqual([
      "submittedAt → validation:submittedAt.beforeCreatedAt",
    ]);
  });

  it("compares the two times as instants, not as text", () => {
    // 17:00+01:00 is 16:00Z, after 15:30Z, though it sorts before it as text.
    expect(problems(complaintWith({ createdAt: "2026-11-20T15:30:00Z", submittedAt: "2026-11-20T17:00:00+01:00" }))).toEqual([]);
    expect(problems(complaintWith({ createdAt: "2026-11-20T16:30:00Z", submittedAt: "2026-11-20T17:00:00+01:00" }))).toEqual([
      "submittedAt → validation:submittedAt.beforeCreatedAt",
    ]);
  });

  it("accepts a complaint sent the moment it was started", () => {
    expect(problems(complaintWith({ createdAt: "2026-11-20T16:20:00.000Z", submittedAt: "2026-11-20T16:20:00.000Z" }))).toEqual([]);
  });
});

describe("complaintSchema: unknown fields are rejected (strict)", () => {
  it.each([
    { name: "top level", changes: { nickname: "Jay" }, parent: [], field: "nickname" },
    { name: "child", changes: { "child.school": "Example School" }, parent: ["child"], field: "school" },
    { name: "eligibility", changes: { "eligibility.extra": true }, parent: ["eligibility"], field: "extra" },
    { name: "representation", changes: { "representation.extra": "x" }, parent: ["representation"], field: "extra" },
    { name: "whatHappened", changes: { "whatHappened.where": "School" }, parent: ["whatHappened"], field: "where" },
    { name: "contact", changes: { "contact.phone": "01632 960 100" }, parent: ["contact"], field: "phone" },
    { name: "contact by none", changes: { contact: { method: "none", email: "name@example.com" } }, parent: ["contact"], field: "email" },
  ])("$name: $field", ({ changes, parent, field }) => {
    const result = complaintSchema.safeParse(complaintWith(changes));
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: "unrecognized_keys", path: parent, keys: [field] })]);
  });
});

describe("referenceFromBytes", () => {
  const AMBIGUOUS = ["0", "O", "1", "I", "L"];

  it("uses an alphabet of 31 symbols without 0, O, 1, I or L", () => {
    expect(REFERENCE_ALPHABET).toHaveLength(31);
    expect(new Set(REFERENCE_ALPHABET).size).toBe(31);
    for (const symbol of AMBIGUOUS) expect(REFERENCE_ALPHABET).not.toContain(symbol);
  });

  // Every byte value 0–255, eight at a time: 32 references covering all of them.
  const allBytes = Array.from({ length: 32 }, (_, i) => ({ bytes: Array.from({ length: 8 }, (_, j) => i * 8 + j) }));

  it.each(allBytes)("gives SU-XXXX-XXXX from the unambiguous alphabet for bytes $bytes", ({ bytes }) => {
    const reference = referenceFromBytes(bytes);
    expect(reference).toMatch(/^SU-[^-]{4}-[^-]{4}$/);
    for (const symbol of reference.slice(3).replace("-", "")) expect(REFERENCE_ALPHABET).toContain(symbol);
    expect(referenceSchema.safeParse(reference).success).toBe(true);
  });

  it.each([
    { bytes: [0, 1, 2, 3, 4, 5, 6, 7], reference: "SU-2345-6789" },
    { bytes: [8, 9, 10, 11, 12, 13, 14, 15], reference: "SU-ABCD-EFGH" },
    { bytes: [30, 31, 62, 255, 32, 93, 124, 200], reference: "SU-Z229-322G" },
  ])("maps $bytes to $reference", ({ bytes, reference }) => {
    expect(referenceFromBytes(bytes)).toBe(reference);
    expect(referenceFromBytes(Uint8Array.from(bytes))).toBe(reference);
  });

  it("gives the same reference for the same bytes and a different one for different bytes", () => {
    const bytes = Uint8Array.from([200, 17, 93, 4, 250, 61, 128, 33]);
    expect(referenceFromBytes(bytes)).toBe(referenceFromBytes(Uint8Array.from(bytes)));
    expect(referenceFromBytes(bytes)).not.toBe(referenceFromBytes(Uint8Array.from([201, 17, 93, 4, 250, 61, 128, 33])));
  });

  it("uses only the first 8 bytes", () => {
    expect(referenceFromBytes([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])).toBe("SU-2345-6789");
  });

  it.each([0, 1, 7])("throws on %i bytes", (length) => {
    expect(() => referenceFromBytes(new Uint8Array(length))).toThrow("referenceFromBytes needs 8 bytes");
  });
});

describe("referenceSchema", () => {
  it.each(["SU-2345-6789", "SU-ABCD-EFGH", "SU-ZZZZ-2222", "SU-JKMN-PQRS"])("accepts %s", (reference) => {
    expect(referenceSchema.safeParse(reference).success).toBe(true);
  });

  it.each([
    "SU-0000-2222",
    "SU-OOOO-2222",
    "SU-1111-2222",
    "SU-IIII-2222",
    "SU-LLLL-2222",
    "su-abcd-efgh",
    "SU-2345-678",
    "SU-2345-67890",
    "SU23456789",
    "SU-2345_6789",
    " SU-2345-6789",
    "SU-2345-6789 ",
    "XX-2345-6789",
    "",
  ])("rejects %j with validation:reference.format", (reference) => {
    const result = referenceSchema.safeParse(reference);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(["validation:reference.format"]);
  });

  it("rejects a reference that is not text", () => {
    const result = referenceSchema.safeParse(23456789);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(["validation:reference.format"]);
  });
});

/** Look up a dotted key in the nested English JSON, as i18next does. */
function englishText(dotted: string): unknown {
  return dotted.split(".").reduce<unknown>((node, part) => (typeof node === "object" && node !== null ? (node as Json)[part] : undefined), english);
}

/** Every key the English file defines, dotted (`whatHappened.text.required`). */
function englishKeys(node: unknown, prefix = ""): string[] {
  if (typeof node !== "object" || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, child]) => englishKeys(child, prefix ? `${prefix}.${k}` : k));
}

/** Keys the server and app use directly, not built by the schema. */
const EXTRA_KEYS = ["invalid", "unknownField", "councilId.unknown", "id.reused"];

describe("validation keys and the English text (locales/en-GB/validation.json)", () => {
  it("collects the keys the schema builds, all in the validation namespace", () => {
    expect(validationKeys.size).toBeGreaterThan(40);
    for (const key of validationKeys) expect(key).toMatch(/^validation:[A-Za-z]+(\.[A-Za-z]+)+$/);
    expect([...validationKeys]).toEqual(expect.arrayContaining(["validation:whatHappened.text.required", "validation:datetime.format"]));
  });

  it.each([...validationKeys])("%s has English text", (key) => {
    const text = englishText(key.slice("validation:".length));
    expect(typeof text).toBe("string");
    expect((text as string).trim()).not.toBe("");
  });

  it("has no English text for keys the schema does not build, except the extra keys", () => {
    const known = new Set([...validationKeys].map((key) => key.slice("validation:".length)));
    expect(
      englishKeys(english)
        .filter((key) => !known.has(key))
        .sort(),
    ).toEqual([...EXTRA_KEYS].sort());
  });

  it.each(EXTRA_KEYS)("extra key %s has English text", (key) => {
    expect(englishText(key)).toEqual(expect.stringMatching(/\w/));
  });

  it.each(englishKeys(english))("%s interpolates only {{count, number}}, and only in tooLong messages", (key) => {
    const placeholders = String(englishText(key)).match(/{{[^}]*}}/g) ?? [];
    // `count, number` formats the count for the reader: "You have typed 10,001".
    if (key.endsWith(".tooLong")) expect(placeholders).toEqual(["{{count, number}}"]);
    else expect(placeholders).toEqual([]);
  });

  it.each(LIMITS)("the tooLong text for $path names its limit of $max", ({ path, max }) => {
    expect(englishText(`${path}.tooLong`)).toContain(`${max.toLocaleString("en-GB")} characters or fewer`);
  });
});
