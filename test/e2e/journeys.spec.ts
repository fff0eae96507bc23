import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, openPage, type WatchedPage } from "./support/browser";
import { CHILD_NOT_IN_DANGER, countComplaints, JourneyRunner, NOT_IN_DANGER, SKIP_PIN_OFFER, storedComplaint, type PageStep } from "./support/journey";

const baseUrl = inject("baseUrl");
const dbFile = inject("dbFile");

const START: PageStep = { heading: "Make a complaint about children's social care", path: "/", button: "Start now" };
const NO_PROCEEDINGS: PageStep = {
  heading: "Is any of this happening at the moment?",
  path: "/complaint/other-proceedings",
  mistake: `Choose what is happening, or choose "None of these, or I don't know"`,
  actions: [{ checkbox: "None of these, or I don't know" }],
};

describe("complaint journeys in real Chromium, each to a reference from the real server", () => {
  let browser: Browser;
  let context: BrowserContext;
  let watched: WatchedPage;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    // During every journey the browser asks nothing of any other origin, and logs no error.
    expect(watched.foreignRequests).toEqual([]);
    expect(watched.errors).toEqual([]);
    await context.close();
  });

  async function open(options: { width?: number } = {}) {
    context = await browser.newContext({ viewport: { width: options.width ?? 1024, height: 800 } });
    watched = await openPage(context, baseUrl);
    await watched.page.goto(baseUrl);
    return watched.page;
  }

  it("a 14-year-old in care, moved without being asked — done with the keyboard alone", async () => {
    const page = await open();
    const before = countComplaints(dbFile);
    const journey = new JourneyRunner(page, { keyboardOnly: true });
    const story = "They moved me to a new foster home and nobody asked me. I had to leave my school and my friends.";
    await journey.run([
      START,
      {
        heading: "Who is filling this in?",
        path: "/complaint/who",
        mistake: "Choose who is filling this in",
        actions: [{ radio: "I'm the child or young person" }],
      },
      SKIP_PIN_OFFER,
      NOT_IN_DANGER,
      { heading: "Which of these is true for you?", actions: [{ radio: "I'm in care" }] },
      { heading: "What is your complaint about?", actions: [{ checkbox: "A decision the council made" }] },
      { heading: "When did it happen?", actions: [{ radio: "In the last 12 months" }] },
      NO_PROCEEDINGS,
      {
        heading: "What happens next for you",
        actions: [{ see: /Stage 2: if you are still unhappy, you can ask for an investigation/ }],
      },
      {
        heading: "What happened?",
        mistake: "Tell us what happened",
        actions: [
          { fill: "Tell us what happened, in your own words", value: story },
          { fill: "What date, or roughly when? (optional)", value: "In September" },
          { fill: "Who was involved? (optional)", value: "My social worker" },
        ],
      },
      {
        heading: "What would put things right for you? (optional)",
        actions: [{ fill: /What would put things right/, value: "Ask me next time. Let me see my friends." }],
      },
      { heading: /easier for you to take part/ },
      { heading: "Would you like a free advocate?", actions: [{ radio: "Yes, please" }] },
      {
        heading: "How should the council contact you about your complaint?",
        actions: [{ radio: "Email" }, { fill: "Email address", value: "jay@example.org" }],
      },
    ]);
    const reference = await journey.send();
    await page.getByText(/The council should reply by \w+day \d{1,2} \w+ \d{4}\./).waitFor();
    await page.getByRole("heading", { name: "Getting your free advocate" }).waitFor();

    expect(countComplaints(dbFile)).toBe(before + 1);
    expect(storedComplaint(dbFile, reference)).toMatchObject({
      role: "young-person",
      eligibility: { childSituation: "looked-after", topics: ["decision"], when: "under-12-months", proceedings: [] },
      whatHappened: { text: story, when: "In September", who: "My social worker" },
      wantsAdvocate: "yes",
      contact: { method: "email", email: "jay@example.org" },
      saysInDanger: false,
    });
  });

  it("a foster carer about months of delay to an assessment", async () => {
    const page = await open();
    const journey = new JourneyRunner(page);
    await journey.run([
      START,
      { heading: "Who is filling this in?", actions: [{ radio: "I'm the child's foster carer" }] },
      SKIP_PIN_OFFER,
      CHILD_NOT_IN_DANGER,
      { heading: "Which of these is true for the child?", actions: [{ radio: "They are in care" }] },
      {
        heading: "What is your complaint about?",
        mistake: "Choose at least one thing your complaint is about",
        actions: [{ checkbox: "Waiting too long" }, { checkbox: "An assessment, or who can get help" }],
      },
      { heading: "When did it happen?", actions: [{ radio: "It is still happening" }] },
      NO_PROCEEDINGS,
      { heading: "What happens next for you", actions: [{ see: /the child's voice comes first/ }] },
      {
        heading: "Does the child know about this complaint, and do they agree with it?",
        mistake: "Choose whether the child knows about this complaint and agrees",
        actions: [{ radio: "I haven't asked them yet" }],
      },
      // Not asked yet (issue 15): what the carer knows of the child's wishes, not "their own words".
      { heading: /^What do you know about what the child wants\?/, path: "/complaint/childs-words", actions: [{ see: /The council may ask the child too/ }] },
      {
        heading: "About the child",
        actions: [
          { fill: "The child's first name or initials (optional)", value: "M" },
          { fill: "How old are they? (optional)", value: "7" },
        ],
      },
      {
        heading: "What happened?",
        actions: [
          {
            fill: "Tell us what happened, in your own words",
            value: "M was meant to have a health and education assessment in March. It is November and nobody has done it.",
          },
        ],
      },
      { heading: "What would put things right? (optional)", actions: [{ fill: /What would put things right/, value: "A date for the assessment." }] },
      { heading: /easier for you or the child to take part/ },
      { heading: "Would the child like a free advocate?", actions: [{ radio: "I'm not sure yet" }] },
      {
        heading: "How should the council contact you about your complaint?",
        actions: [{ radio: "Phone" }, { fill: "Phone number", value: "not a number" }],
        mistake: "Choose how you would like the council to contact you",
      },
    ]);
    // The phone number typed was not a number: the page says how to fix it, and keeps the text.
    await page
      .locator(".error-summary")
      .getByRole("link", { name: /phone number/i })
      .waitFor();
    await journey.checkPage("contact with a bad phone number");
    expect(await page.getByLabel("Phone number").inputValue()).toBe("not a number");
    await page.getByLabel("Phone number").fill("07700 900 982");
    await page.getByRole("button", { name: "Continue" }).click();
    const reference = await journey.send();
    expect(storedComplaint(dbFile, reference)).toMatchObject({
      role: "foster-carer",
      child: { name: "M", age: 7 },
      eligibility: { topics: ["delay", "assessment"], when: "still-happening" },
      representation: { childAgreement: "not-asked-yet" },
      contact: { method: "phone", phone: "07700 900 982" },
    });
  });

  it("an advocate for a 9-year-old who agreed, with the child's own words", async () => {
    const page = await open();
    const journey = new JourneyRunner(page);
    const words = "I want to go back to my nan's on Saturdays like before.";
    await journey.run([
      START,
      { heading: "Who is filling this in?", actions: [{ radio: "I'm an advocate, or someone else helping a child to complain" }] },
      SKIP_PIN_OFFER,
      CHILD_NOT_IN_DANGER,
      { heading: "Which of these is true for the child?", actions: [{ radio: "They get help from children's services" }] },
      { heading: "What is your complaint about?", actions: [{ checkbox: "A decision the council made" }] },
      { heading: "When did it happen?", actions: [{ radio: "In the last 12 months" }] },
      NO_PROCEEDINGS,
      { heading: "What happens next for you", actions: [{ see: /The council will check that they agree/ }] },
      { heading: "Does the child know about this complaint, and do they agree with it?", actions: [{ radio: "Yes, they know and they agree" }] },
      {
        heading: "How you checked with the child",
        mistake: "Tell us how you checked with the child",
        actions: [
          { fill: "How did you check with the child?", value: "We met at school with her teacher." },
          { fill: "When did you check? (optional)", value: "2026-11-20" },
        ],
      },
      { heading: /What does the child want\?/, actions: [{ fill: /What does the child want\?/, value: words }] },
      {
        heading: "About the child",
        actions: [
          { fill: "The child's first name or initials (optional)", value: "Lily" },
          { fill: "How old are they? (optional)", value: "9" },
        ],
      },
      {
        heading: "What happened?",
        actions: [{ fill: "Tell us what happened, in your own words", value: "Lily's visits to her grandmother were stopped without asking her." }],
      },
      { heading: "What would put things right? (optional)" },
      {
        heading: /easier for you or the child to take part/,
        actions: [{ fill: /easier for you or the child to take part/, value: "Lily has dyslexia. Please send easy read letters." }],
      },
      // The advocate is the child's advocate (issue 15): not asked whether the child wants one,
      // and not offered "Through my advocate".
      {
        heading: "How should the council contact you about your complaint?",
        actions: [{ radio: "Email" }, { fill: "Email address", value: "sam@advocacy.example" }],
      },
    ]);

    // Change the child's words from check answers: the Change link comes back to check answers.
    await page.getByRole("heading", { level: 1, name: "Check your answers before you send" }).waitFor();
    await page.getByText(words).waitFor();
    await page.getByRole("link", { name: /^Change What does the child want\?/ }).click();
    await page.getByRole("heading", { level: 1, name: /What does the child want\?/ }).waitFor();
    await page.getByLabel(/What does the child want\?/).fill(`${words} And I want to keep my phone.`);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("heading", { level: 1, name: "Check your answers before you send" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/complaint/check");

    const reference = await journey.send();
    expect(storedComplaint(dbFile, reference)).toMatchObject({
      role: "advocate",
      child: { name: "Lily", age: 9 },
      representation: {
        childAgreement: "agrees",
        howChecked: "We met at school with her teacher.",
        checkedOn: "2026-11-20",
        childsWords: `${words} And I want to keep my phone.`,
      },
      adjustments: "Lily has dyslexia. Please send easy read letters.",
      wantsAdvocate: "already-have",
      contact: { method: "email", email: "sam@advocacy.example" },
    });
  });

  it("a complaint about a school ends at 'another organisation' and shows where to go — at 320 px wide", async () => {
    const page = await open({ width: 320 });
    const journey = new JourneyRunner(page, { noSidewaysScroll: true });
    const schoolAdvice = /Talk to the school first, then use the school's own complaints process/;
    await journey.checkPage("start page at 320px");
    await journey.run([
      START,
      { heading: "Who is filling this in?", actions: [{ radio: "I'm the child's parent" }] },
      SKIP_PIN_OFFER,
      CHILD_NOT_IN_DANGER,
      { heading: "Which of these is true for the child?", mistake: /Choose the answer that fits best/, actions: [{ radio: "I'm not sure" }] },
      { heading: "What is your complaint about?", actions: [{ checkbox: "School, or special educational needs (SEN)" }] },
      { heading: "When did it happen?", actions: [{ radio: "More than 12 months ago" }] },
      NO_PROCEEDINGS,
      { heading: "What happens next for you", actions: [{ see: schoolAdvice }, { see: /Complaints usually need to be made within a year/ }] },
      { heading: "Does the child know about this complaint, and do they agree with it?", actions: [{ radio: "They can't be asked" }] },
      {
        heading: "Why can't the child be asked?",
        mistake: "Tell us why the child can't be asked",
        actions: [{ fill: "Why can't the child be asked?", value: "He is 4." }],
      },
      { heading: "About the child" },
      {
        heading: "What happened?",
        actions: [{ fill: "Tell us what happened, in your own words", value: "The school would not let my son join the trip because of his needs." }],
      },
      { heading: "What would put things right? (optional)" },
      { heading: /easier for you or the child to take part/ },
      { heading: "Would the child like a free advocate?", actions: [{ radio: "No, thank you" }] },
      {
        heading: "How should the council contact you about your complaint?",
        actions: [{ radio: "Don't contact me" }, { see: /nobody can reply to you/ }],
      },
    ]);
    const reference = await journey.send();
    await page.getByRole("heading", { name: "Some of this may need to go somewhere else" }).waitFor();
    await page.getByText(schoolAdvice).waitFor();
    expect(storedComplaint(dbFile, reference)).toMatchObject({
      role: "parent",
      eligibility: { childSituation: "not-sure", topics: ["sen-or-school"], when: "over-12-months" },
      representation: { childAgreement: "cannot-ask", whyCannotAsk: "He is 4." },
      contact: { method: "none" },
    });
  });
});
