import { describe, expect, it } from "vitest";
import en from "../../locales/en-GB/eligibility.json";
import type { ChildSituation, EligibilityAnswers, Proceeding, Role, Topic, WhenOption } from "./complaint";
import { childSituations, proceedingsOptions, roles, topics, whenOptions } from "./complaint";
import type { EligibilityInput, EligibilityReasonKey } from "./eligibility";
import { assessEligibility, eligibilityFlagNames, eligibilityInputOf, eligibilityReasonKeys, eligibilityRoutes, otherOrganisations } from "./eligibility";

/** The text for `eligibility:a.b.c` in the English namespace file, or undefined. */
function english(key: string): unknown {
  const path = key.replace(/^eligibility:/, "").split(".");
  let node: unknown = en;
  for (const part of path) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Every leaf of a nested translation object, as a full key. */
function leafKeys(node: unknown, prefix: string): string[] {
  if (typeof node !== "object" || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => leafKeys(v, prefix.endsWith(":") ? `${prefix}${k}` : `${prefix}.${k}`));
}

const withUndefined = <T>(values: readonly T[]): Array<T | undefined> => [...values, undefined];

function subsets<T>(values: readonly T[]): T[][] {
  return values.reduce<T[][]>((acc, value) => [...acc, ...acc.map((s) => [...s, value])], [[]]);
}

type Expected = { route: string; organisation?: string; reasonKey: EligibilityReasonKey };

const personas: Array<[string, EligibilityInput, Expected]> = [
  // statutory
  [
    "14-year-old in care unhappy about a placement move",
    { role: "young-person", childSituation: "looked-after", topics: ["decision"] },
    { route: "statutory", reasonKey: "eligibility:route.statutory.youngPerson" },
  ],
  [
    "12-year-old living with a special guardian",
    { role: "young-person", childSituation: "special-guardianship", topics: ["staff"] },
    { route: "statutory", reasonKey: "eligibility:route.statutory.youngPerson" },
  ],
  [
    "foster carer about months of delay to an assessment",
    { role: "foster-carer", childSituation: "looked-after", topics: ["delay", "assessment"] },
    { route: "statutory", reasonKey: "eligibility:route.statutory.fosterCarer" },
  ],
  [
    "advocate for a 9-year-old child in need",
    { role: "advocate", childSituation: "child-in-need", topics: ["service-not-provided"] },
    { route: "statutory", reasonKey: "eligibility:route.statutory.advocate" },
  ],
  [
    "advocate for a care leaver",
    { role: "advocate", childSituation: "care-leaver", topics: ["care-planning"] },
    { route: "statutory", reasonKey: "eligibility:route.statutory.advocate" },
  ],
  [
    "19-year-old care leaver about their pathway plan",
    { role: "care-leaver", childSituation: "care-leaver", topics: ["care-planning"] },
    { route: "statutory", reasonKey: "eligibility:route.statutory.careLeaver" },
  ],
  [
    "17-year-old care leaver who chose 'young person'",
    { role: "young-person", childSituation: "care-leaver", topics: ["service-change"] },
    { route: "statutory", reasonKey: "eligibility:route.statutory.careLeaver" },
  ],
  [
    "parent of a disabled child in need whose short breaks were cut",
    { role: "parent", childSituation: "child-in-need", topics: ["service-change"] },
    { route: "statutory", reasonKey: "eligibility:route.statutory.parent" },
  ],
  [
    "aunt with parental responsibility about a social worker",
    { role: "parental-responsibility", childSituation: "looked-after", topics: ["staff"] },
    { route: "statutory", reasonKey: "eligibility:route.statutory.parentalResponsibility" },
  ],
  [
    "special guardian refused a support assessment",
    { role: "special-guardian", childSituation: "special-guardianship", topics: ["assessment"] },
    { route: "statutory", reasonKey: "eligibility:route.statutory.specialGuardian" },
  ],
  [
    "adoptive parent about adoption support",
    { role: "adoption", childSituation: "adoption", topics: ["service-not-provided"] },
    { route: "statutory", reasonKey: "eligibility:route.statutory.adoption" },
  ],
  [
    "would-be adopter with no child yet",
    { role: "adoption", childSituation: "none", topics: ["policy"] },
    { route: "statutory", reasonKey: "eligibility:route.statutory.adoption" },
  ],
  // council decides
  [
    "grandparent (interested person) about a placement",
    { role: "interested-person", childSituation: "looked-after", topics: ["decision"] },
    { route: "council-decides", reasonKey: "eligibility:route.councilDecides.interested" },
  ],
  [
    "teacher worried about a child in need",
    { role: "interested-person", childSituation: "child-in-need", topics: ["service-quality"] },
    { route: "council-decides", reasonKey: "eligibility:route.councilDecides.interested" },
  ],
  [
    "parent whose child gets no help, refused an assessment",
    { role: "parent", childSituation: "none", topics: ["assessment"] },
    { route: "council-decides", reasonKey: "eligibility:route.councilDecides.noService.forChild" },
  ],
  [
    "15-year-old who gets no help from children's services",
    { role: "young-person", childSituation: "none", topics: ["decision"] },
    { route: "council-decides", reasonKey: "eligibility:route.councilDecides.noService.youngPerson" },
  ],
  [
    "parent of a 20-year-old care leaver",
    { role: "parent", childSituation: "care-leaver", topics: ["service-quality"] },
    { route: "council-decides", reasonKey: "eligibility:route.councilDecides.forCareLeaver" },
  ],
  [
    "parent about a social worker's section 7 report",
    { role: "parent", childSituation: "child-in-need", topics: ["court-report"] },
    { route: "council-decides", reasonKey: "eligibility:route.councilDecides.courtReport" },
  ],
  [
    "someone who skipped who they are, child gets no help",
    { childSituation: "none", topics: ["delay"] },
    { route: "council-decides", reasonKey: "eligibility:route.councilDecides.noService.forChild" },
  ],
  // local procedure
  [
    "parent about a child protection conference",
    { role: "parent", childSituation: "child-in-need", topics: ["child-protection"] },
    { route: "local-procedure", reasonKey: "eligibility:route.localProcedure.childProtection" },
  ],
  [
    "grandparent about child protection enquiries",
    { role: "interested-person", childSituation: "not-sure", topics: ["child-protection"] },
    { route: "local-procedure", reasonKey: "eligibility:route.localProcedure.childProtection" },
  ],
  [
    "parent about an Early Help family worker",
    { role: "parent", childSituation: "none", topics: ["early-help"] },
    { route: "local-procedure", reasonKey: "eligibility:route.localProcedure.earlyHelp" },
  ],
  [
    "16-year-old about their youth offending worker",
    { role: "young-person", childSituation: "none", topics: ["youth-justice"] },
    { route: "local-procedure", reasonKey: "eligibility:route.localProcedure.youthJustice" },
  ],
  // other organisations
  [
    "young person about a doctor",
    { role: "young-person", childSituation: "looked-after", topics: ["health"] },
    { route: "other-organisation", organisation: "health", reasonKey: "eligibility:route.otherOrganisation.health" },
  ],
  [
    "parent about a CAMHS waiting list",
    { role: "parent", childSituation: "child-in-need", topics: ["health"] },
    { route: "other-organisation", organisation: "health", reasonKey: "eligibility:route.otherOrganisation.health" },
  ],
  [
    "parent about a school",
    { role: "parent", childSituation: "none", topics: ["sen-or-school"] },
    { route: "other-organisation", organisation: "school", reasonKey: "eligibility:route.otherOrganisation.school" },
  ],
  [
    "13-year-old in care excluded from school",
    { role: "young-person", childSituation: "looked-after", topics: ["sen-or-school"] },
    { route: "other-organisation", organisation: "school", reasonKey: "eligibility:route.otherOrganisation.school" },
  ],
  [
    "young person about police",
    { role: "young-person", childSituation: "not-sure", topics: ["police"] },
    { route: "other-organisation", organisation: "police", reasonKey: "eligibility:route.otherOrganisation.police" },
  ],
  [
    "foster carer about how police treated a foster child",
    { role: "foster-carer", childSituation: "looked-after", topics: ["police"] },
    { route: "other-organisation", organisation: "police", reasonKey: "eligibility:route.otherOrganisation.police" },
  ],
  [
    "parent about a court's decision",
    { role: "parent", childSituation: "looked-after", topics: ["court-decision"] },
    { route: "other-organisation", organisation: "court", reasonKey: "eligibility:route.otherOrganisation.court" },
  ],
  [
    "grandparent about the care order a court made",
    { role: "interested-person", childSituation: "looked-after", topics: ["court-decision"] },
    { route: "other-organisation", organisation: "court", reasonKey: "eligibility:route.otherOrganisation.court" },
  ],
];

describe("assessEligibility: route by persona", () => {
  it.each(personas)("%s", (_name, input, expected) => {
    const result = assessEligibility(input);
    expect({ route: result.route, organisation: result.organisation, reasonKey: result.reasonKey }).toEqual(expected);
    expect(result.otherParts).toEqual([]);
  });

  it("has at least two personas for every route and every other organisation", () => {
    const count = (predicate: (e: Expected) => boolean) => personas.filter(([, , e]) => predicate(e)).length;
    for (const route of eligibilityRoutes.filter((r) => r !== "other-organisation")) {
      expect(
        count((e) => e.route === route),
        route,
      ).toBeGreaterThanOrEqual(2);
    }
    for (const organisation of otherOrganisations) {
      expect(
        count((e) => e.organisation === organisation),
        organisation,
      ).toBeGreaterThanOrEqual(2);
    }
  });
});

describe("assessEligibility: mixed topics", () => {
  it.each<[string, EligibilityInput, Expected, Array<Expected & { topics: Topic[] }>]>([
    [
      "young person in care: a placement decision, a doctor and the police",
      { role: "young-person", childSituation: "looked-after", topics: ["decision", "health", "police"] },
      { route: "statutory", reasonKey: "eligibility:route.statutory.youngPerson" },
      [
        { route: "other-organisation", organisation: "health", topics: ["health"], reasonKey: "eligibility:route.otherOrganisation.health" },
        { route: "other-organisation", organisation: "police", topics: ["police"], reasonKey: "eligibility:route.otherOrganisation.police" },
      ],
    ],
    [
      "parent: delay, a child protection conference and a court's decision",
      { role: "parent", childSituation: "child-in-need", topics: ["court-decision", "delay", "child-protection"] },
      { route: "statutory", reasonKey: "eligibility:route.statutory.parent" },
      [
        { route: "local-procedure", topics: ["child-protection"], reasonKey: "eligibility:route.localProcedure.childProtection" },
        { route: "other-organisation", organisation: "court", topics: ["court-decision"], reasonKey: "eligibility:route.otherOrganisation.court" },
      ],
    ],
    [
      "grandparent: staff and a court report",
      { role: "interested-person", childSituation: "looked-after", topics: ["staff", "court-report"] },
      { route: "council-decides", reasonKey: "eligibility:route.councilDecides.interested" },
      [{ route: "council-decides", topics: ["court-report"], reasonKey: "eligibility:route.councilDecides.courtReport" }],
    ],
    [
      "nothing statutory: the council's own process leads, health is the other part",
      { role: "parent", childSituation: "none", topics: ["health", "early-help"] },
      { route: "local-procedure", reasonKey: "eligibility:route.localProcedure.earlyHelp" },
      [{ route: "other-organisation", organisation: "health", topics: ["health"], reasonKey: "eligibility:route.otherOrganisation.health" }],
    ],
    [
      "nothing statutory: 'council decides' outranks the council's own process",
      { role: "parent", childSituation: "looked-after", topics: ["youth-justice", "court-report"] },
      { route: "council-decides", reasonKey: "eligibility:route.councilDecides.courtReport" },
      [{ route: "local-procedure", topics: ["youth-justice"], reasonKey: "eligibility:route.localProcedure.youthJustice" }],
    ],
    [
      "only other organisations: the first in topic order leads",
      { role: "young-person", childSituation: "looked-after", topics: ["police", "sen-or-school", "court-decision"] },
      { route: "other-organisation", organisation: "school", reasonKey: "eligibility:route.otherOrganisation.school" },
      [
        { route: "other-organisation", organisation: "police", topics: ["police"], reasonKey: "eligibility:route.otherOrganisation.police" },
        { route: "other-organisation", organisation: "court", topics: ["court-decision"], reasonKey: "eligibility:route.otherOrganisation.court" },
      ],
    ],
    [
      "a repeated topic gives one part",
      { role: "care-leaver", topics: ["health", "other", "health"] },
      { route: "statutory", reasonKey: "eligibility:route.statutory.careLeaver" },
      [{ route: "other-organisation", organisation: "health", topics: ["health"], reasonKey: "eligibility:route.otherOrganisation.health" }],
    ],
  ])("%s", (_name, input, main, otherParts) => {
    const result = assessEligibility(input);
    expect({ route: result.route, organisation: result.organisation, reasonKey: result.reasonKey }).toEqual(main);
    expect(result.otherParts).toEqual(otherParts);
  });

  it("gives the same answer whatever order the topics were picked in", () => {
    const picked: Topic[] = ["police", "health", "delay", "child-protection", "court-decision"];
    expect(assessEligibility({ role: "parent", topics: [...picked].reverse() })).toEqual(assessEligibility({ role: "parent", topics: picked }));
  });
});

describe("assessEligibility: flags", () => {
  it.each<[WhenOption | undefined, boolean]>([
    ["over-12-months", true],
    ["under-12-months", false],
    ["still-happening", false],
    ["not-sure", false],
    [undefined, false],
  ])("when = %s → older-than-12-months: %s", (when, flagged) => {
    const flags = assessEligibility({ role: "young-person", when }).flags;
    expect(flags.some((f) => f.flag === "older-than-12-months" && f.reasonKey === "eligibility:flag.olderThan12Months")).toBe(flagged);
  });

  it.each<[Proceeding[] | undefined, EligibilityReasonKey | undefined]>([
    [["court"], "eligibility:flag.otherProceedings.court"],
    [["police"], "eligibility:flag.otherProceedings.police"],
    [["disciplinary"], "eligibility:flag.otherProceedings.disciplinary"],
    [["police", "court"], "eligibility:flag.otherProceedings.courtPolice"],
    [["court", "disciplinary"], "eligibility:flag.otherProceedings.courtDisciplinary"],
    [["disciplinary", "police"], "eligibility:flag.otherProceedings.policeDisciplinary"],
    [["court", "police", "disciplinary"], "eligibility:flag.otherProceedings.all"],
    [[], undefined],
    [undefined, undefined],
  ])("proceedings = %j → the other-proceedings warning names only those: %s", (proceedings, reasonKey) => {
    const flags = assessEligibility({ role: "parent", proceedings }).flags;
    expect(flags.filter((f) => f.flag === "other-proceedings")).toEqual(reasonKey ? [{ flag: "other-proceedings", reasonKey }] : []);
  });

  it.each<[Role | undefined, EligibilityReasonKey | undefined, EligibilityReasonKey | undefined]>([
    ["young-person", undefined, "eligibility:flag.advocacyRight.self"],
    ["care-leaver", undefined, "eligibility:flag.advocacyRight.self"],
    ["parent", "eligibility:flag.actingForChild.ownRight", "eligibility:flag.advocacyRight.child"],
    ["parental-responsibility", "eligibility:flag.actingForChild.ownRight", "eligibility:flag.advocacyRight.child"],
    ["foster-carer", "eligibility:flag.actingForChild.ownRight", "eligibility:flag.advocacyRight.child"],
    ["special-guardian", "eligibility:flag.actingForChild.ownRight", "eligibility:flag.advocacyRight.child"],
    ["adoption", "eligibility:flag.actingForChild.ownRight", "eligibility:flag.advocacyRight.child"],
    ["advocate", "eligibility:flag.actingForChild.needsAgreement", undefined],
    ["interested-person", "eligibility:flag.actingForChild.needsAgreement", "eligibility:flag.advocacyRight.child"],
    [undefined, undefined, "eligibility:flag.advocacyRight.ifChild"],
  ])("role %s → acting-for-child %s, advocacy-right %s", (role, acting, advocacy) => {
    // Whatever the topic, even one that goes to another organisation, the child's voice and advocate come first.
    for (const topicsPicked of [["decision"], ["health"]] satisfies Topic[][]) {
      const flags = assessEligibility({ role, childSituation: "child-in-need", topics: topicsPicked }).flags;
      expect(flags.find((f) => f.flag === "acting-for-child")?.reasonKey).toBe(acting);
      expect(flags.find((f) => f.flag === "advocacy-right")?.reasonKey).toBe(advocacy);
    }
  });

  it("lists flags in a fixed order, each once", () => {
    const result = assessEligibility({
      role: "parent",
      childSituation: "looked-after",
      topics: ["delay"],
      when: "over-12-months",
      proceedings: ["court", "police"],
    });
    expect(result.flags).toEqual([
      { flag: "older-than-12-months", reasonKey: "eligibility:flag.olderThan12Months" },
      { flag: "other-proceedings", reasonKey: "eligibility:flag.otherProceedings.courtPolice" },
      { flag: "acting-for-child", reasonKey: "eligibility:flag.actingForChild.ownRight" },
      { flag: "advocacy-right", reasonKey: "eligibility:flag.advocacyRight.child" },
    ]);
  });

  it("warns but does not change the route for a late complaint with court proceedings", () => {
    const base: EligibilityInput = { role: "young-person", childSituation: "looked-after", topics: ["decision"] };
    const late = assessEligibility({ ...base, when: "over-12-months", proceedings: ["court"] });
    expect(late.route).toBe("statutory");
    expect(late.reasonKey).toBe(assessEligibility(base).reasonKey);
  });
});

describe("assessEligibility: 'not sure' and missing answers", () => {
  const unsure: Array<ChildSituation | undefined> = ["not-sure", undefined];
  const topicChoices: Array<Topic[] | undefined> = [undefined, [], ["other"]];
  const whens: Array<WhenOption | undefined> = ["not-sure", undefined];
  const cases = withUndefined(roles).flatMap((role) =>
    unsure.flatMap((childSituation) =>
      topicChoices.flatMap((t) =>
        whens.map((when): [string, EligibilityInput] => [
          `${role} / ${childSituation} / ${JSON.stringify(t)} / ${when}`,
          { role, childSituation, topics: t, when },
        ]),
      ),
    ),
  );

  it.each(cases)("%s → a council route with an explanation", (_name, input) => {
    const result = assessEligibility(input);
    // Never a dead end: the council itself handles it, and the reason is one we can explain.
    expect(["statutory", "council-decides"]).toContain(result.route);
    expect(eligibilityReasonKeys).toContain(result.reasonKey);
  });

  it.each<[string, EligibilityInput, EligibilityReasonKey]>([
    ["no answers at all", {}, "eligibility:route.statutory.notSure.whoYouAre"],
    ["young person not sure of their situation", { role: "young-person", childSituation: "not-sure" }, "eligibility:route.statutory.notSure.youngPerson"],
    ["young person who skipped the situation question", { role: "young-person" }, "eligibility:route.statutory.notSure.youngPerson"],
    ["parent not sure of the child's situation", { role: "parent", childSituation: "not-sure" }, "eligibility:route.statutory.notSure.forChild"],
    [
      "person with parental responsibility, not sure",
      { role: "parental-responsibility", childSituation: "not-sure" },
      "eligibility:route.statutory.notSure.forChild",
    ],
    ["advocate, not sure", { role: "advocate", childSituation: "not-sure" }, "eligibility:route.statutory.notSure.forChild"],
    ["unknown person, child in care", { childSituation: "looked-after" }, "eligibility:route.statutory.notSure.whoYouAre"],
    ["unknown person, care leaver", { childSituation: "care-leaver" }, "eligibility:route.statutory.notSure.whoYouAre"],
  ])("%s → statutory, because the council must check", (_name, input, reasonKey) => {
    expect(assessEligibility(input)).toMatchObject({ route: "statutory", reasonKey });
  });

  it("accepts the complaint schema's eligibility answers as they are", () => {
    const answers: EligibilityAnswers = { childSituation: "child-in-need", topics: ["delay"], when: "still-happening", proceedings: [] };
    expect(assessEligibility({ role: "parent", ...answers })).toMatchObject({
      route: "statutory",
      reasonKey: "eligibility:route.statutory.parent",
      otherParts: [],
    });
  });
});

describe("assessEligibility: every combination", () => {
  it("always gives a known route and explained reasons, and can return every reason key", () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    let combinations = 0;
    for (const role of withUndefined(roles)) {
      for (const childSituation of withUndefined(childSituations)) {
        for (const topic of withUndefined(topics)) {
          for (const when of withUndefined(whenOptions)) {
            for (const proceedings of subsets(proceedingsOptions)) {
              combinations++;
              const input: EligibilityInput = { role, childSituation, topics: topic ? [topic] : undefined, when, proceedings };
              const label = JSON.stringify(input);
              const result = assessEligibility(input);
              if (!eligibilityRoutes.includes(result.route)) problems.push(`${label}: route ${result.route}`);
              if ((result.route === "other-organisation") !== (result.organisation !== undefined))
                problems.push(`${label}: organisation ${result.organisation}`);
              if (!eligibilityReasonKeys.includes(result.reasonKey)) problems.push(`${label}: reason ${result.reasonKey}`);
              // One topic is one destination: nothing left over for another part.
              if (result.otherParts.length > 0) problems.push(`${label}: ${result.otherParts.length} other parts`);
              const flagNames = result.flags.map((f) => f.flag);
              if (new Set(flagNames).size !== flagNames.length) problems.push(`${label}: repeated flag`);
              for (const f of result.flags) {
                if (!eligibilityFlagNames.includes(f.flag)) problems.push(`${label}: flag ${f.flag}`);
                if (!eligibilityReasonKeys.includes(f.reasonKey)) problems.push(`${label}: flag reason ${f.reasonKey}`);
                seen.add(f.reasonKey);
              }
              seen.add(result.reasonKey);
            }
          }
        }
      }
    }
    expect(combinations).toBe(10 * 8 * 19 * 5 * 8);
    expect(problems).toEqual([]);
    // No dead keys: a key nobody can reach is a text nobody reads.
    expect([...seen].sort()).toEqual([...eligibilityReasonKeys].sort());
  });

  it("sends every topic that goes elsewhere the same way, whoever is asking", () => {
    for (const topic of topics) {
      const results = new Set(
        withUndefined(roles).flatMap((role) =>
          withUndefined(childSituations).map((childSituation) => assessEligibility({ role, childSituation, topics: [topic] }).reasonKey),
        ),
      );
      const fixed = results.size === 1;
      // The S000 topics (docs/sources.md) and "other" follow the person; the rest have one destination.
      const followsPerson = ![
        "child-protection",
        "court-report",
        "sen-or-school",
        "early-help",
        "youth-justice",
        "health",
        "police",
        "court-decision",
      ].includes(topic);
      expect(fixed, topic).toBe(!followsPerson);
    }
  });
});

describe("eligibilityInputOf: a sent complaint's answers", () => {
  it.each<[string, Parameters<typeof eligibilityInputOf>[0], EligibilityInput]>([
    ["no answers", {}, { role: undefined }],
    ["only who is complaining", { role: "parent" }, { role: "parent" }],
    [
      "every answer",
      { role: "young-person", eligibility: { childSituation: "looked-after", topics: ["delay"], when: "not-sure", proceedings: ["court"] } },
      { role: "young-person", childSituation: "looked-after", topics: ["delay"], when: "not-sure", proceedings: ["court"] },
    ],
  ])("%s", (_name, complaint, input) => {
    expect(eligibilityInputOf(complaint)).toEqual(input);
  });
});

describe("eligibility reason texts (locales/en-GB/eligibility.json)", () => {
  it.each(eligibilityReasonKeys.map((k) => [k]))("%s has English text", (key) => {
    const text = english(key);
    expect(typeof text).toBe("string");
    expect(String(text).trim().length).toBeGreaterThan(20);
  });

  it("has no text for a key the module can't return", () => {
    expect(leafKeys(en, "eligibility:").sort()).toEqual([...eligibilityReasonKeys].sort());
  });

  it.each(eligibilityReasonKeys.filter((k) => k.includes("otherOrganisation") || k.includes("localProcedure")).map((k) => [k]))(
    "%s tells the person they can still send it to the council",
    (key) => {
      expect(String(english(key))).toMatch(/still send/);
    },
  );
});
