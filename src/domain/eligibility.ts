import type { ChildSituation, Complaint, Proceeding, Role, Topic, WhenOption } from "./complaint";
import { topics as topicOrder } from "./answers";

/*
 * Where a complaint is likely to go, and what the person should know before sending it.
 *
 * "Warn, never block" (docs/domain.md, Decisions): eligibility is the council's decision, so there is
 * no "not eligible" outcome. Every answer, including "not sure" and no answer at all, leads to the
 * most helpful likely route with an explanation, and the person can always send.
 * S000–S004 below are the public pages listed in docs/sources.md; LGOfs and FRG are keys in docs/domain.md.
 */

export const eligibilityRoutes = ["statutory", "council-decides", "local-procedure", "other-organisation"] as const;
export type EligibilityRoute = (typeof eligibilityRoutes)[number];

/** `court` means a court's own decision: a council complaint cannot change it (LGSCO fact sheet S004). */
export const otherOrganisations = ["health", "school", "police", "court"] as const;
export type OtherOrganisation = (typeof otherOrganisations)[number];

export const eligibilityFlagNames = ["older-than-12-months", "other-proceedings", "acting-for-child", "advocacy-right"] as const;
export type EligibilityFlagName = (typeof eligibilityFlagNames)[number];

/** Every i18n key `assessEligibility` can return; each has a plain-English text in `locales/en-GB/eligibility.json`. */
export const eligibilityReasonKeys = [
  // Statutory procedure (CA 1989 s26(3)–(3C), s24D): one key per category of person (docs/domain.md §1).
  "eligibility:route.statutory.youngPerson",
  "eligibility:route.statutory.careLeaver",
  "eligibility:route.statutory.parent",
  "eligibility:route.statutory.parentalResponsibility",
  "eligibility:route.statutory.fosterCarer",
  "eligibility:route.statutory.specialGuardian",
  "eligibility:route.statutory.adoption",
  "eligibility:route.statutory.advocate",
  "eligibility:route.statutory.notSure.youngPerson",
  "eligibility:route.statutory.notSure.forChild",
  "eligibility:route.statutory.notSure.whoYouAre",
  // The council decides whether to use the statutory procedure.
  "eligibility:route.councilDecides.interested",
  "eligibility:route.councilDecides.noService.youngPerson",
  "eligibility:route.councilDecides.noService.forChild",
  "eligibility:route.councilDecides.forCareLeaver",
  "eligibility:route.councilDecides.courtReport",
  // The council's own non-statutory processes.
  "eligibility:route.localProcedure.childProtection",
  "eligibility:route.localProcedure.earlyHelp",
  "eligibility:route.localProcedure.youthJustice",
  // Another organisation's procedure.
  "eligibility:route.otherOrganisation.health",
  "eligibility:route.otherOrganisation.school",
  "eligibility:route.otherOrganisation.police",
  "eligibility:route.otherOrganisation.court",
  // Warnings and rights.
  "eligibility:flag.olderThan12Months",
  // Other proceedings: one text for each set the person ticked, naming only those (court, police, disciplinary).
  "eligibility:flag.otherProceedings.court",
  "eligibility:flag.otherProceedings.police",
  "eligibility:flag.otherProceedings.disciplinary",
  "eligibility:flag.otherProceedings.courtPolice",
  "eligibility:flag.otherProceedings.courtDisciplinary",
  "eligibility:flag.otherProceedings.policeDisciplinary",
  "eligibility:flag.otherProceedings.all",
  "eligibility:flag.actingForChild.ownRight",
  "eligibility:flag.actingForChild.needsAgreement",
  "eligibility:flag.advocacyRight.self",
  "eligibility:flag.advocacyRight.child",
  "eligibility:flag.advocacyRight.ifChild",
] as const;
export type EligibilityReasonKey = (typeof eligibilityReasonKeys)[number];

type KeyUnder<Prefix extends string> = Extract<EligibilityReasonKey, `eligibility:${Prefix}.${string}`>;

/** Where (part of) a complaint goes. `organisation` is present exactly when the route is another organisation's. */
export type EligibilityDestination =
  | { route: "other-organisation"; organisation: OtherOrganisation; reasonKey: KeyUnder<"route.otherOrganisation"> }
  | {
      route: Exclude<EligibilityRoute, "other-organisation">;
      organisation?: undefined;
      reasonKey: Exclude<KeyUnder<"route">, KeyUnder<"route.otherOrganisation">>;
    };

export type EligibilityOtherPart = EligibilityDestination & { topics: Topic[] };

export interface EligibilityFlag {
  flag: EligibilityFlagName;
  reasonKey: KeyUnder<"flag">;
}

/** The wizard's answers; every one is optional because the person may skip any question. */
export interface EligibilityInput {
  role?: Role | undefined;
  childSituation?: ChildSituation | undefined;
  topics?: readonly Topic[] | undefined;
  when?: WhenOption | undefined;
  /** Empty or missing means no other proceedings. */
  proceedings?: readonly Proceeding[] | undefined;
}

/** The eligibility answers a sent complaint carries: who is complaining plus the `eligibility` section. */
export function eligibilityInputOf(complaint: Pick<Complaint, "role" | "eligibility">): EligibilityInput {
  return { role: complaint.role, ...complaint.eligibility };
}

/** The main route is for the part the council's children's complaints process can look at; `otherParts` say where the rest goes. */
export type EligibilityAssessment = EligibilityDestination & {
  otherParts: EligibilityOtherPart[];
  flags: EligibilityFlag[];
};

const statutory = (reasonKey: KeyUnder<"route.statutory">): EligibilityDestination => ({ route: "statutory", reasonKey });
const councilDecides = (reasonKey: KeyUnder<"route.councilDecides">): EligibilityDestination => ({ route: "council-decides", reasonKey });
const localProcedure = (reasonKey: KeyUnder<"route.localProcedure">): EligibilityDestination => ({ route: "local-procedure", reasonKey });
const otherOrganisation = (organisation: OtherOrganisation): EligibilityDestination => ({
  route: "other-organisation",
  organisation,
  reasonKey: `eligibility:route.otherOrganisation.${organisation}`,
});

/**
 * Where each topic goes. `by-person` topics are the S000 list (docs/domain.md §2 "Typical topics"): who is
 * complaining decides the route. A `Record` so a new topic in complaint.ts cannot compile without a decision.
 */
const topicRoutes: Record<Topic, EligibilityDestination | "by-person"> = {
  decision: "by-person",
  "service-quality": "by-person",
  delay: "by-person",
  "service-not-provided": "by-person",
  "service-change": "by-person",
  staff: "by-person",
  assessment: "by-person",
  policy: "by-person",
  "care-planning": "by-person",
  // "Other" is unknown: the person's route is the most helpful guess, and the council says if it belongs elsewhere.
  other: "by-person",
  // s47 enquiries and conferences are outside the statutory procedure (LGOfs, S001) but conferences have
  // the council's own complaints process (FRG). It is still the council, so the app can send it there.
  "child-protection": localProcedure("eligibility:route.localProcedure.childProtection"),
  // s7/s37 reports: LGOfs excludes them, S000 lets the social work behind a report be complained about.
  // docs/domain.md §2 says treat as "council decides".
  "court-report": councilDecides("eligibility:route.councilDecides.courtReport"),
  // The topic joins SEN and school. Concerns start with the school (its own procedure, S003); the text
  // says that SEN support the council arranges (EHC plans) goes to the council's SEN team instead.
  "sen-or-school": otherOrganisation("school"),
  // The council's non-statutory/corporate procedure (S003, S001; S001 also lists Youth Offending).
  "early-help": localProcedure("eligibility:route.localProcedure.earlyHelp"),
  "youth-justice": localProcedure("eligibility:route.localProcedure.youthJustice"),
  // Other agencies use their own procedure (S003); a court's decision can't be changed by a complaint (S004).
  health: otherOrganisation("health"),
  police: otherOrganisation("police"),
  "court-decision": otherOrganisation("court"),
};

/** Council-handled routes first, because the app sends to the council and it can pass the rest on. */
const routeRank: Record<EligibilityRoute, number> = {
  statutory: 0,
  "council-decides": 1,
  "local-procedure": 2,
  "other-organisation": 3,
};

type SituationGroup = "eligible" | "care-leaver" | "none" | "not-sure";

/** Looked after / in need (s26(3)), special guardianship (s26(3C)) and adoption (s26(3B)) all make a child eligible. */
const situationGroups: Record<ChildSituation, SituationGroup> = {
  "looked-after": "eligible",
  "child-in-need": "eligible",
  "special-guardianship": "eligible",
  adoption: "eligible",
  // s24D covers the care leaver, not their family, so who is asking matters.
  "care-leaver": "care-leaver",
  none: "none",
  "not-sure": "not-sure",
};

/** Adults who may complain about a child because of the child's situation (s26(3)(b), (c)); advocates act for the child. */
const situationalAdultKeys = {
  parent: "eligibility:route.statutory.parent",
  "parental-responsibility": "eligibility:route.statutory.parentalResponsibility",
  advocate: "eligibility:route.statutory.advocate",
} as const satisfies Partial<Record<Role, KeyUnder<"route.statutory">>>;

/** Who is complaining decides the route for the topics the statutory procedure covers (docs/domain.md §1). */
function destinationForPerson(role: Role | undefined, situation: ChildSituation | undefined): EligibilityDestination {
  // A missing answer is treated like "not sure": the person skipped a question, which is not a "no".
  const group = situation === undefined ? "not-sure" : situationGroups[situation];
  switch (role) {
    // Categories 4–7 are eligible because of who they are, whatever they said about the child:
    // a prospective adopter may have no child yet, and a foster carer's child is looked after by definition.
    case "care-leaver":
      return statutory("eligibility:route.statutory.careLeaver");
    case "foster-carer":
      return statutory("eligibility:route.statutory.fosterCarer");
    case "special-guardian":
      return statutory("eligibility:route.statutory.specialGuardian");
    case "adoption":
      return statutory("eligibility:route.statutory.adoption");
    // Category 8: "sufficient interest" is the council's discretion, whatever the child's situation.
    case "interested-person":
      return councilDecides("eligibility:route.councilDecides.interested");
    case "young-person":
      if (group === "care-leaver") return statutory("eligibility:route.statutory.careLeaver");
      // Not looked after or in need: the council decides, and may find the child is in need after all.
      if (group === "none") return councilDecides("eligibility:route.councilDecides.noService.youngPerson");
      // Most children who get help from children's social care are children in need; the council must check.
      if (group === "not-sure") return statutory("eligibility:route.statutory.notSure.youngPerson");
      return statutory("eligibility:route.statutory.youngPerson");
    case "parent":
    case "parental-responsibility":
    case "advocate":
      // An advocate acts for the care leaver, who is eligible (s24D) and has the s26A right to one.
      if (group === "care-leaver" && role !== "advocate") {
        return councilDecides("eligibility:route.councilDecides.forCareLeaver");
      }
      // Parent of a child not in need: council decides rather than "local procedure", because the
      // council may find the child is in need (every disabled child is), which makes it statutory.
      if (group === "none") return councilDecides("eligibility:route.councilDecides.noService.forChild");
      if (group === "not-sure") return statutory("eligibility:route.statutory.notSure.forChild");
      return statutory(situationalAdultKeys[role]);
    case undefined:
      // Nobody said who they are: the most helpful guess is that they or the child can use the statutory route.
      if (group === "none") return councilDecides("eligibility:route.councilDecides.noService.forChild");
      return statutory("eligibility:route.statutory.notSure.whoYouAre");
  }
}

/**
 * Someone other than the child or care leaver. Categories 2–7 may complain in their own right but
 * the child's views still come first; advocates and category 8 need the child's agreement (S000, S003).
 */
const actingForChildKeys: Record<Role, KeyUnder<"flag.actingForChild"> | undefined> = {
  "young-person": undefined,
  "care-leaver": undefined,
  parent: "eligibility:flag.actingForChild.ownRight",
  "parental-responsibility": "eligibility:flag.actingForChild.ownRight",
  "foster-carer": "eligibility:flag.actingForChild.ownRight",
  "special-guardian": "eligibility:flag.actingForChild.ownRight",
  adoption: "eligibility:flag.actingForChild.ownRight",
  advocate: "eligibility:flag.actingForChild.needsAgreement",
  "interested-person": "eligibility:flag.actingForChild.needsAgreement",
};

/**
 * s26A gives only children and care leavers a free advocate, and the app offers one every time
 * (docs/domain.md, Decisions), whatever the route. An adult acting for a child is told the child can have
 * one. An advocate already is one, so telling them would be noise.
 */
const advocacyKeys: Record<Role, KeyUnder<"flag.advocacyRight"> | undefined> = {
  "young-person": "eligibility:flag.advocacyRight.self",
  "care-leaver": "eligibility:flag.advocacyRight.self",
  parent: "eligibility:flag.advocacyRight.child",
  "parental-responsibility": "eligibility:flag.advocacyRight.child",
  "foster-carer": "eligibility:flag.advocacyRight.child",
  "special-guardian": "eligibility:flag.advocacyRight.child",
  adoption: "eligibility:flag.advocacyRight.child",
  advocate: undefined,
  "interested-person": "eligibility:flag.advocacyRight.child",
};

/** The warning about other proceedings naming only the ones ticked (Regs 2006 reg 8), or none when nothing was ticked. */
function otherProceedingsKey(proceedings: readonly Proceeding[] | undefined): KeyUnder<"flag.otherProceedings"> | undefined {
  const court = proceedings?.includes("court") ?? false;
  const police = proceedings?.includes("police") ?? false;
  const disciplinary = proceedings?.includes("disciplinary") ?? false;
  if (court && police && disciplinary) return "eligibility:flag.otherProceedings.all";
  if (court && police) return "eligibility:flag.otherProceedings.courtPolice";
  if (court && disciplinary) return "eligibility:flag.otherProceedings.courtDisciplinary";
  if (police && disciplinary) return "eligibility:flag.otherProceedings.policeDisciplinary";
  if (court) return "eligibility:flag.otherProceedings.court";
  if (police) return "eligibility:flag.otherProceedings.police";
  if (disciplinary) return "eligibility:flag.otherProceedings.disciplinary";
  return undefined;
}

function flagsFor(answers: EligibilityInput): EligibilityFlag[] {
  const flags: EligibilityFlag[] = [];
  // Reg 9: the one-year limit is the council's discretion. "Not sure" gets no warning: guessing
  // "too late" could put a child off complaining about something that is in time.
  if (answers.when === "over-12-months") {
    flags.push({ flag: "older-than-12-months", reasonKey: "eligibility:flag.olderThan12Months" });
  }
  // Reg 8: the council may decline or pause the part that could prejudice other proceedings.
  const proceedings = otherProceedingsKey(answers.proceedings);
  if (proceedings) flags.push({ flag: "other-proceedings", reasonKey: proceedings });
  const acting = answers.role === undefined ? undefined : actingForChildKeys[answers.role];
  if (acting) flags.push({ flag: "acting-for-child", reasonKey: acting });
  // Unknown role: the person may be a child, so the offer is phrased "if you are a child or care leaver".
  const advocacy = answers.role === undefined ? "eligibility:flag.advocacyRight.ifChild" : advocacyKeys[answers.role];
  if (advocacy) flags.push({ flag: "advocacy-right", reasonKey: advocacy });
  return flags;
}

/** Likely route and warnings for a children's social care complaint (CA 1989 s26(3)–(3C), s24D, s26A; Regs 2006 regs 8, 9; docs/domain.md §1–2). */
export function assessEligibility(answers: EligibilityInput): EligibilityAssessment {
  // Walk the enum, not the input, so duplicates collapse and the same set of topics always gives the same result.
  const chosen = topicOrder.filter((topic) => answers.topics?.includes(topic) ?? false);
  // No topic yet: the person's route is the best guess.
  let hasPersonTopic = chosen.length === 0;
  // Topics that go elsewhere, one part per explanation (so topics sharing a destination share a part).
  const byReason = new Map<EligibilityReasonKey, { destination: EligibilityDestination; topics: Topic[] }>();
  for (const topic of chosen) {
    const destination = topicRoutes[topic];
    if (destination === "by-person") {
      hasPersonTopic = true;
      continue;
    }
    const part = byReason.get(destination.reasonKey) ?? { destination, topics: [] };
    part.topics.push(topic);
    byReason.set(destination.reasonKey, part);
  }
  // Stable sort: equal ranks keep topic-enum order.
  const elsewhere = [...byReason.values()].sort((a, b) => routeRank[a.destination.route] - routeRank[b.destination.route]);

  // With nothing for the statutory procedure, the most helpful other part becomes the main route.
  const lead = hasPersonTopic ? undefined : elsewhere.shift();
  const main = lead ? lead.destination : destinationForPerson(answers.role, answers.childSituation);
  return {
    ...main,
    otherParts: elsewhere.map(({ destination, topics }) => ({ ...destination, topics })),
    flags: flagsFor(answers),
  };
}
