import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import type { DraftAnswers } from "../../../domain/draft";
import Dexie from "dexie";
import { db } from "../../lib/db";
import { draftRepository } from "../../lib/draft-repository";
import { settingsRepository } from "../../lib/settings-repository";
import { exampleBorough, renderAt } from "../../../../test/setup/render-app";
import { AUTOSAVE_DELAY_MS } from "./use-autosave";

const council = exampleBorough;
const drafts = draftRepository();

async function currentAnswers(): Promise<DraftAnswers> {
  const current = await drafts.current();
  if (current?.status !== "ok") throw new Error("no draft");
  return current.draft.answers;
}

async function newDraft(answers: Partial<DraftAnswers> = {}) {
  const draft = await drafts.create(council.id);
  if (Object.keys(answers).length > 0) await drafts.saveAnswers(draft.id, answers);
  return draft;
}

const continueButton = () => screen.getByRole("button", { name: "Continue" });

/** Everything a young person in care needs to answer before "What happened?". */
const youngPersonAnswers: Partial<DraftAnswers> = {
  role: "young-person",
  inDanger: "no",
  childSituation: "looked-after",
  topics: ["decision"],
  when: "under-12-months",
  proceedings: [],
};

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
});

describe("start page", () => {
  it("shows what to do in danger before any question or button", async () => {
    renderAt("/");
    const danger = await screen.findByRole("heading", { name: "Are you in danger now?" });
    const start = await screen.findByRole("button", { name: "Start now" });
    expect(danger.compareDocumentPosition(start) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByText((_, el) => el?.tagName === "LI" && /Call 999\.$/.test(el.textContent ?? ""))).toBeInTheDocument();
    expect(screen.getByText((_, el) => el?.tagName === "LI" && /0800 1111/.test(el.textContent ?? ""))).toBeInTheDocument();
    expect(screen.getByText(/01632 960 200/)).toBeInTheDocument();
    expect(screen.getByText(/01632 960 999/)).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "You can have a free advocate" })).toBeInTheDocument();
  });

  it("starts a new draft and goes to the first question", async () => {
    const router = renderAt("/");
    await userEvent.click(await screen.findByRole("button", { name: "Start now" }));
    // The wizard's code and words load when it is first opened: allow for a slow machine.
    await screen.findByRole("heading", { name: "Who is filling this in?" }, { timeout: 5_000 });
    expect(router.state.location.pathname).toBe("/complaint/who");
    expect((await drafts.current())?.status).toBe("ok");
  });

  it("offers to carry on with a saved draft on the page it was left", async () => {
    const draft = await newDraft(youngPersonAnswers);
    await drafts.saveAnswers(draft.id, { whatHappened: "Half written" }, "what-happened");
    const router = renderAt("/");
    await userEvent.click(await screen.findByRole("button", { name: "Carry on with your complaint" }));
    expect(await screen.findByLabelText("Tell us what happened, in your own words")).toHaveValue("Half written");
    expect(router.state.location.pathname).toBe("/complaint/what-happened");
  });
});

describe("the first question with no draft yet (it is drawn at build time for everyone)", () => {
  it("asks it at once, and starts a complaint for the chosen council with the first answer", async () => {
    await settingsRepository().rememberPinOffered();
    const router = renderAt("/complaint/who");
    await userEvent.click(await screen.findByRole("radio", { name: /I'm the child or young person/ }));
    await waitFor(async () => expect((await currentAnswers()).role).toBe("young-person"));
    const current = await drafts.current();
    expect(current?.status === "ok" && current.draft.councilId).toBe(council.id);
    await userEvent.click(continueButton());
    await screen.findByRole("group", { name: "Is anyone hurting you, or are you in danger now?" });
    expect(router.state.location.pathname).toBe("/complaint/safety");
    expect(await drafts.count()).toBe(1);
  });

  it("starts nothing when the page is only looked at", async () => {
    const router = renderAt("/complaint/who");
    await screen.findByRole("group", { name: "Who is filling this in?" });
    await router.navigate("/");
    await screen.findByRole("button", { name: "Start now" });
    expect(await drafts.count()).toBe(0);
    expect(await drafts.current()).toBeUndefined();
  });

  it("still asks the other questions only of a draft that exists", async () => {
    renderAt("/complaint/safety");
    expect(await screen.findByRole("heading", { name: "There is nothing to check yet" })).toBeInTheDocument();
  });
});

describe("radio question: who is filling this in", () => {
  beforeEach(async () => {
    await newDraft();
  });

  it("asks one question with its legend as the page heading, and says how to fix a missing answer", async () => {
    renderAt("/complaint/who");
    const group = await screen.findByRole("group", { name: "Who is filling this in?" });
    expect(screen.getByRole("heading", { level: 1, name: "Who is filling this in?" })).toBeInTheDocument();
    expect(within(group).getAllByRole("radio")).toHaveLength(9);
    await userEvent.click(continueButton());
    const summary = (await screen.findByRole("heading", { name: "There is a problem" })).parentElement!;
    expect(summary).toHaveFocus();
    const link = within(summary).getByRole("link", { name: "Choose who is filling this in" });
    expect(link).toHaveAttribute("href", "#field-role");
    await waitFor(() => expect(document.title).toBe("Error: Who is filling this in? – Speak Up"));
    await userEvent.click(link);
    expect(within(group).getAllByRole("radio")[0]).toHaveFocus();
  });

  it("saves the choice straight away, asks once whether anyone else uses this phone, and goes on to the child's situation", async () => {
    const router = renderAt("/complaint/who");
    await userEvent.click(await screen.findByRole("radio", { name: /I'm the child or young person/ }));
    await waitFor(async () => expect((await currentAnswers()).role).toBe("young-person"));
    await userEvent.click(continueButton());
    await screen.findByRole("heading", { level: 1, name: "Does anyone else use this phone?" });
    await userEvent.click(screen.getByRole("button", { name: "No, skip this" }));
    await screen.findByRole("group", { name: "Is anyone hurting you, or are you in danger now?" });
    expect(router.state.location.pathname).toBe("/complaint/safety");

    // Asked once on this device: the next time through, straight on.
    await router.navigate("/complaint/who");
    await userEvent.click(await screen.findByRole("radio", { name: /I'm the child's parent/ }));
    await userEvent.click(continueButton());
    await screen.findByRole("group", { name: "Is the child in danger now?" });
    expect(router.state.location.pathname).toBe("/complaint/safety");
  });

  it("does not offer the PIN lock when an answer is changed from check answers", async () => {
    await newDraft(youngPersonAnswers);
    const router = renderAt("/complaint/who?return=check");
    await userEvent.click(await screen.findByRole("radio", { name: /I'm the child or young person/ }));
    await userEvent.click(continueButton());
    await waitFor(() => expect(router.state.location.pathname).toBe("/complaint/check"));
    expect(await settingsRepository().shouldOfferPinLock()).toBe(true);
  });

  it("words the next question about the child when someone acts for them", async () => {
    await settingsRepository().rememberPinOffered();
    renderAt("/complaint/who");
    await userEvent.click(await screen.findByRole("radio", { name: /I'm an advocate/ }));
    await userEvent.click(continueButton());
    await userEvent.click(within(await screen.findByRole("group", { name: "Is the child in danger now?" })).getByRole("radio", { name: "No" }));
    await userEvent.click(continueButton());
    const group = await screen.findByRole("group", { name: "Which of these is true for the child?" });
    expect(within(group).getByRole("radio", { name: /They are in care/ })).toBeInTheDocument();
  });
});

describe("the safety question (issue 16)", () => {
  const question = "Is anyone hurting you, or are you in danger now?";
  const urgentHelp = () => screen.queryByRole("region", { name: "Get help now" });

  it("shows who to call at once under Yes, as links to tap, and still carries on", async () => {
    await newDraft({ role: "young-person" });
    const router = renderAt("/complaint/safety");
    const group = await screen.findByRole("group", { name: question });
    expect(urgentHelp()).toBeNull();
    await userEvent.click(within(group).getByRole("radio", { name: "Yes" }));
    const help = await screen.findByRole("region", { name: "Get help now" });
    expect(within(help).getByText(/not the quickest way to get help/)).toBeInTheDocument();
    const hrefs = within(help)
      .getAllByRole("link")
      .map((link) => link.getAttribute("href"));
    expect(hrefs).toEqual(["tel:999", "tel:08001111", "tel:01632960200", `tel:${(council.emergency.outOfHours ?? "").replace(/\s/g, "")}`]);
    await waitFor(async () => expect((await currentAnswers()).inDanger).toBe("yes"));
    await userEvent.click(continueButton());
    await screen.findByRole("group", { name: "Which of these is true for you?" });
    expect(router.state.location.pathname).toBe("/complaint/situation");
  });

  it("shows nothing more under No, and goes to the same next question", async () => {
    await newDraft({ role: "young-person" });
    const router = renderAt("/complaint/safety");
    await userEvent.click(within(await screen.findByRole("group", { name: question })).getByRole("radio", { name: "No" }));
    expect(urgentHelp()).toBeNull();
    expect(screen.queryByRole("link", { name: "999" })).toBeNull();
    await userEvent.click(continueButton());
    await screen.findByRole("group", { name: "Which of these is true for you?" });
    expect(router.state.location.pathname).toBe("/complaint/situation");
    expect((await currentAnswers()).inDanger).toBe("no");
  });

  it("hides the help again when the answer changes from Yes to No", async () => {
    await newDraft({ role: "young-person" });
    renderAt("/complaint/safety");
    const group = await screen.findByRole("group", { name: question });
    await userEvent.click(within(group).getByRole("radio", { name: "Yes" }));
    await screen.findByRole("region", { name: "Get help now" });
    await userEvent.click(within(group).getByRole("radio", { name: "No" }));
    expect(urgentHelp()).toBeNull();
  });

  it("asks for yes or no, gently, when nothing is chosen", async () => {
    await newDraft({ role: "young-person" });
    renderAt("/complaint/safety");
    await screen.findByRole("group", { name: question });
    await userEvent.click(continueButton());
    expect(await screen.findByRole("link", { name: "Choose yes or no" })).toBeInTheDocument();
  });

  it("asks about the child, and words the help for them, when someone acts for a child", async () => {
    await newDraft({ role: "foster-carer" });
    renderAt("/complaint/safety");
    await userEvent.click(within(await screen.findByRole("group", { name: "Is the child in danger now?" })).getByRole("radio", { name: "Yes" }));
    const help = await screen.findByRole("region", { name: "Get help for the child now" });
    expect(within(help).getByText(/The child can talk to Childline/)).toBeInTheDocument();
    expect(within(help).getByText(/you said the child may be in danger/)).toBeInTheDocument();
  });
});

describe("checkbox questions", () => {
  it("needs at least one topic", async () => {
    await newDraft({ role: "young-person", childSituation: "looked-after" });
    renderAt("/complaint/about");
    await userEvent.click(await screen.findByRole("button", { name: "Continue" }));
    expect(await screen.findByRole("link", { name: "Choose at least one thing your complaint is about" })).toBeInTheDocument();
  });

  it("unticks the others when 'None of these' is chosen, and the other way round", async () => {
    await newDraft({ role: "young-person", childSituation: "looked-after", topics: ["decision"], when: "under-12-months" });
    renderAt("/complaint/other-proceedings");
    const court = await screen.findByRole("checkbox", { name: "A court case about you or your family" });
    const none = screen.getByRole("checkbox", { name: "None of these, or I don't know" });
    await userEvent.click(court);
    await userEvent.click(none);
    expect(none).toBeChecked();
    expect(court).not.toBeChecked();
    await userEvent.click(court);
    expect(court).toBeChecked();
    expect(none).not.toBeChecked();
    await userEvent.click(none);
    await waitFor(async () => expect((await currentAnswers()).proceedings).toEqual([]));
  });
});

describe("what happens next for you", () => {
  it("explains the three stages for a statutory complaint and lets the person carry on", async () => {
    await newDraft(youngPersonAnswers);
    const router = renderAt("/complaint/what-happens-next");
    expect(await screen.findByRole("heading", { level: 1, name: "What happens next for you" })).toBeInTheDocument();
    expect(screen.getByText(/Stage 2: if you are still unhappy, you can ask for an investigation/)).toBeInTheDocument();
    await userEvent.click(continueButton());
    await screen.findByRole("heading", { name: "What happened?" });
    expect(router.state.location.pathname).toBe("/complaint/what-happened");
  });

  it("warns only about the proceedings ticked: a court case alone names no police or disciplinary process (issue 11, bug 7)", async () => {
    await newDraft({ ...youngPersonAnswers, proceedings: ["court"] });
    renderAt("/complaint/what-happens-next");
    expect(await screen.findByText(/^There is also a court case\. The council might pause part of your complaint/)).toBeInTheDocument();
    expect(screen.queryByText(/police investigation|disciplinary/)).not.toBeInTheDocument();
  });

  it("names the organisation to contact for a school complaint, and still lets them carry on", async () => {
    await newDraft({ ...youngPersonAnswers, topics: ["sen-or-school"] });
    renderAt("/complaint/what-happens-next");
    await screen.findByRole("heading", { level: 1, name: "What happens next for you" });
    expect(screen.getByText(/Talk to the school first, then use the school's own complaints process/)).toBeInTheDocument();
    expect(screen.getByText(/You can carry on and send your complaint to Example Borough Council/)).toBeInTheDocument();
    expect(continueButton()).toBeEnabled();
  });
});

describe("words about the person filling this in (issue 11, bug 7)", () => {
  it("says 'you' to a young person in the hints about their situation, and 'they' about a child", async () => {
    await newDraft({ role: "young-person" });
    renderAt("/complaint/situation");
    expect(await screen.findByText(/The council is responsible for where you live/)).toBeInTheDocument();
    expect(screen.getByText("You used to be in care, and the council still helps you as you grow up.")).toBeInTheDocument();
    expect(screen.queryByText(/where they live|bring them up|helps them/)).not.toBeInTheDocument();
  });

  it("offers a young person 'A court case about you or your family', and someone acting for a child 'about the child'", async () => {
    await newDraft({ role: "parent", childSituation: "looked-after", topics: ["decision"], when: "under-12-months" });
    renderAt("/complaint/other-proceedings");
    expect(await screen.findByRole("checkbox", { name: "A court case about the child" })).toBeInTheDocument();
  });
});

describe("acting for a child", () => {
  const advocateAnswers: Partial<DraftAnswers> = { ...youngPersonAnswers, role: "advocate" };

  it("asks whether the child agrees, then how it was checked, then the child's own words", async () => {
    await newDraft(advocateAnswers);
    const router = renderAt("/complaint/what-happens-next");
    await userEvent.click(await screen.findByRole("button", { name: "Continue" }));
    await userEvent.click(await screen.findByRole("radio", { name: /Yes, they know and they agree/ }));
    await userEvent.click(continueButton());
    expect(await screen.findByRole("heading", { name: "How you checked with the child" })).toBeInTheDocument();
    await userEvent.click(continueButton());
    expect(await screen.findByRole("link", { name: "Tell us how you checked with the child" })).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText("How did you check with the child?"), "We met at school");
    await userEvent.type(screen.getByLabelText(/When did you check\?/), "2026-11-20");
    await userEvent.click(continueButton());
    const words = await screen.findByLabelText(/What does the child want\? Use their own words if you can/);
    expect(router.state.location.pathname).toBe("/complaint/childs-words");
    await userEvent.type(words, "I want to stay at my school");
    await userEvent.click(continueButton());
    await screen.findByRole("heading", { name: "About the child" });
    await userEvent.type(screen.getByLabelText(/How old are they\?/), "nine");
    await userEvent.click(continueButton());
    expect(await screen.findByRole("link", { name: "Enter the age as a number, like 9" })).toBeInTheDocument();
    expect(screen.getByLabelText(/How old are they\?/)).toHaveValue("nine");
    const answers = await currentAnswers();
    expect(answers).toMatchObject({
      childAgreement: "agrees",
      howChecked: "We met at school",
      checkedOn: "2026-11-20",
      childsWords: "I want to stay at my school",
    });
  });

  it("asks why the child can't be asked, and skips how it was checked and the child's words", async () => {
    await newDraft({ ...advocateAnswers });
    const router = renderAt("/complaint/child-agreement");
    await userEvent.click(await screen.findByRole("radio", { name: /They can't be asked/ }));
    await userEvent.click(continueButton());
    const why = await screen.findByLabelText("Why can't the child be asked?");
    expect(router.state.location.pathname).toBe("/complaint/why-cannot-ask");
    await userEvent.click(continueButton());
    expect(await screen.findByRole("link", { name: "Tell us why the child can't be asked" })).toBeInTheDocument();
    await userEvent.type(why, "She is 2 years old");
    await userEvent.click(continueButton());
    await screen.findByRole("heading", { name: "About the child" });
    expect(router.state.location.pathname).toBe("/complaint/about-the-child");
  });

  it("skips the child's agreement for a young person speaking for themself", async () => {
    await newDraft(youngPersonAnswers);
    const router = renderAt("/complaint/what-happened");
    await screen.findByRole("heading", { name: "What happened?" });
    await userEvent.click(screen.getByRole("link", { name: "Back" }));
    await screen.findByRole("heading", { level: 1, name: "What happens next for you" });
    expect(router.state.location.pathname).toBe("/complaint/what-happens-next");
  });

  it("clears the child's agreement and words when the person changes to the young person", async () => {
    await newDraft({ ...advocateAnswers, childAgreement: "agrees", howChecked: "We talked", childsWords: "Help me", childName: "AB" });
    renderAt("/complaint/who?return=check");
    await userEvent.click(await screen.findByRole("radio", { name: /I'm the child or young person/ }));
    await userEvent.click(continueButton());
    await screen.findByRole("heading", { name: "Check your answers before you send" });
    const answers = await currentAnswers();
    expect(answers.role).toBe("young-person");
    expect(answers.childAgreement).toBeUndefined();
    expect(answers.howChecked).toBeUndefined();
    expect(answers.childsWords).toBeUndefined();
    expect(answers.childName).toBeUndefined();
    expect(screen.queryByText("Help me")).not.toBeInTheDocument();
  });
});

describe("What happened? question page", () => {
  beforeEach(async () => {
    await newDraft(youngPersonAnswers);
  });

  it("shows the GOV.UK error pattern when nothing is typed", async () => {
    renderAt("/complaint/what-happened");
    await userEvent.click(await screen.findByRole("button", { name: "Continue" }));
    const summaryTitle = await screen.findByRole("heading", { name: "There is a problem" });
    const summary = summaryTitle.parentElement!;
    expect(summary).toHaveFocus();
    const link = screen.getByRole("link", { name: "Tell us what happened" });
    expect(link).toHaveAttribute("href", "#field-whatHappened");
    const field = screen.getByLabelText("Tell us what happened, in your own words");
    expect(field).toHaveAttribute("aria-invalid", "true");
    // jsdom's accessible-name code drops the space between inline spans; real Chromium is checked in e2e.
    expect(field).toHaveAccessibleDescription(expect.stringMatching(/Error: ?Tell us what happened$/));
    await waitFor(() => expect(document.title).toBe("Error: What happened? – Speak Up"));
    await userEvent.click(link);
    expect(field).toHaveFocus();
  });

  it("saves what is typed to IndexedDB without pressing Continue", async () => {
    renderAt("/complaint/what-happened");
    await userEvent.type(await screen.findByLabelText("Tell us what happened, in your own words"), "They moved me");
    await screen.findByText("Saved on this phone");
    expect((await currentAnswers()).whatHappened).toBe("They moved me");
  });

  it("keeps when and who as optional prompts", async () => {
    const router = renderAt("/complaint/what-happened");
    await userEvent.type(await screen.findByLabelText("Tell us what happened, in your own words"), "They moved me");
    await userEvent.type(screen.getByLabelText(/What date, or roughly when\? \(optional\)/), "last summer");
    await userEvent.click(continueButton());
    await screen.findByRole("heading", { name: "What would put things right for you? (optional)" });
    expect(router.state.location.pathname).toBe("/complaint/put-right");
    expect((await currentAnswers()).whatHappenedWhen).toBe("last summer");
  });

  it("says how long the answer may be when it is too long, and keeps the text", async () => {
    const current = await drafts.current();
    const id = current?.status === "ok" ? current.draft.id : "";
    await drafts.saveAnswers(id, { whatHappened: "a".repeat(10_001) });
    renderAt("/complaint/what-happened");
    await userEvent.click(await screen.findByRole("button", { name: "Continue" }));
    expect(await screen.findByRole("link", { name: /10,000 characters or fewer\. You have typed 10,001/ })).toBeInTheDocument();
    expect(screen.getByLabelText("Tell us what happened, in your own words")).toHaveValue("a".repeat(10_001));
  });

  it("counts an emoji once, as the server does, when it says how long the answer is", async () => {
    const current = await drafts.current();
    const id = current?.status === "ok" ? current.draft.id : "";
    await drafts.saveAnswers(id, { whatHappened: "😢".repeat(10_001) });
    renderAt("/complaint/what-happened");
    await userEvent.click(await screen.findByRole("button", { name: "Continue" }));
    expect(await screen.findByRole("link", { name: /10,000 characters or fewer\. You have typed 10,001\./ })).toBeInTheDocument();
  });

  it("refuses a pasted answer holding a character that cannot be saved, saying what to do", async () => {
    const current = await drafts.current();
    const id = current?.status === "ok" ? current.draft.id : "";
    await drafts.saveAnswers(id, { whatHappened: "They moved me\u0000" });
    renderAt("/complaint/what-happened");
    await userEvent.click(await screen.findByRole("button", { name: "Continue" }));
    expect(await screen.findByRole("link", { name: /hidden character we cannot save\. Try typing it again/ })).toBeInTheDocument();
  });

  it("treats an answer of only a zero-width space as empty", async () => {
    const current = await drafts.current();
    const id = current?.status === "ok" ? current.draft.id : "";
    await drafts.saveAnswers(id, { whatHappened: "\u200b" });
    renderAt("/complaint/what-happened");
    await userEvent.click(await screen.findByRole("button", { name: "Continue" }));
    expect(await screen.findByRole("link", { name: "Tell us what happened" })).toBeInTheDocument();
  });
});

describe("the same draft open in two tabs", () => {
  it("shows changes saved by the other tab, and keeps both tabs' changes to different fields", async () => {
    const draft = await newDraft({ ...youngPersonAnswers, whatHappened: "Start" });
    renderAt("/complaint/what-happened");
    const here = await screen.findByLabelText("Tell us what happened, in your own words");
    const who = screen.getByLabelText(/Who was involved\?/);
    await userEvent.type(here, " typed here");
    await waitFor(async () => expect((await currentAnswers()).whatHappened).toBe("Start typed here"));
    // The other tab saves a different field: it shows here, and this tab's text stays.
    await drafts.saveAnswers(draft.id, { whatHappenedWho: "My social worker" });
    await waitFor(() => expect(who).toHaveValue("My social worker"));
    expect(here).toHaveValue("Start typed here");
    expect(await currentAnswers()).toMatchObject({ whatHappened: "Start typed here", whatHappenedWho: "My social worker" });
    // The other tab then changes this field: the last write wins, and shows in both tabs.
    await drafts.saveAnswers(draft.id, { whatHappened: "Other tab's story" });
    await waitFor(() => expect(here).toHaveValue("Other tab's story"));
  });

  it("never puts back this tab's own older text while a newer change is being saved (found in CI)", async () => {
    await newDraft({ ...youngPersonAnswers, whatHappened: "Start" });
    renderAt("/complaint/what-happened");
    const who = await screen.findByLabelText(/Who was involved\?/);
    // Hold every write to the drafts until released, as a slow phone might.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const blocker = db.transaction("rw", db.drafts, () => Dexie.waitFor(held));
    await userEvent.type(who, "x");
    // The save of "x" starts (after at most 300 ms) and waits behind the held write.
    await new Promise((resolve) => setTimeout(resolve, AUTOSAVE_DELAY_MS + 50));
    await userEvent.clear(who);
    // Watch everything the box shows from now on.
    const shown = new Set<string>();
    const watch = setInterval(() => shown.add((who as HTMLInputElement).value), 0);
    release();
    await blocker;
    await waitFor(async () => expect((await currentAnswers()).whatHappenedWho ?? "").toBe(""));
    await new Promise((resolve) => setTimeout(resolve, 50));
    clearInterval(watch);
    expect(shown).toEqual(new Set([""]));
  });
});

describe("how to contact you", () => {
  beforeEach(async () => {
    await newDraft({ ...youngPersonAnswers, whatHappened: "x", wantsAdvocate: "yes" });
  });

  it("shows the email box only under Email, and checks the address", async () => {
    renderAt("/complaint/contact");
    await screen.findByRole("group", { name: "How should the council contact you about your complaint?" });
    expect(screen.queryByLabelText("Email address")).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("radio", { name: "Email" }));
    const email = screen.getByLabelText("Email address");
    await userEvent.type(email, "not an email");
    await userEvent.click(continueButton());
    const link = await screen.findByRole("link", { name: /email address/i });
    expect(link).toHaveAttribute("href", "#field-email");
    await userEvent.clear(email);
    await userEvent.type(email, "sam@example.org");
    await userEvent.click(continueButton());
    await screen.findByRole("heading", { name: "Check your answers before you send" });
  });

  it("warns that nobody can reply when 'Don't contact me' is chosen, but allows it", async () => {
    const router = renderAt("/complaint/contact");
    await userEvent.click(await screen.findByRole("radio", { name: "Don't contact me" }));
    expect(screen.getByText(/nobody can reply to you/)).toBeInTheDocument();
    await userEvent.click(continueButton());
    await screen.findByRole("heading", { name: "Check your answers before you send" });
    expect(router.state.location.pathname).toBe("/complaint/check");
  });

  it("clears the email when another way is chosen", async () => {
    renderAt("/complaint/contact");
    await userEvent.click(await screen.findByRole("radio", { name: "Email" }));
    await userEvent.type(screen.getByLabelText("Email address"), "sam@example.org");
    await userEvent.click(screen.getByRole("radio", { name: "Phone" }));
    await userEvent.type(screen.getByLabelText("Phone number"), "07700 900 982");
    await userEvent.click(continueButton());
    await screen.findByRole("heading", { name: "Check your answers before you send" });
    const answers = await currentAnswers();
    expect(answers.email).toBeUndefined();
    expect(answers.phone).toBe("07700 900 982");
  });
});

describe("before Send: when the council reads it, and what to do if it can't wait (issue 16)", () => {
  it("says the council's office hours from its settings, and who to call now, as numbers to tap", async () => {
    await newDraft({ ...youngPersonAnswers, whatHappened: "Nobody listened." });
    renderAt("/complaint/check");
    const before = await screen.findByTestId("before-send");
    expect(within(before).getByText("Example Borough reads complaints Monday to Friday, 9am to 5pm.")).toBeInTheDocument();
    expect(
      within(before)
        .getAllByRole("link")
        .map((link) => link.getAttribute("href")),
    ).toEqual(["tel:999", "tel:08001111", "tel:01632960999", "/who-sees"]);
  });

  it("says office hours in general when the council has not set its hours", async () => {
    const { contact, ...rest } = council;
    const noHours = { ...rest, contact: { ...contact, hours: undefined } };
    await newDraft({ ...youngPersonAnswers, whatHappened: "Nobody listened." });
    renderAt("/complaint/check", noHours);
    const before = await screen.findByTestId("before-send");
    expect(within(before).getByText("Example Borough reads complaints in office hours, not at night or at weekends.")).toBeInTheDocument();
  });
});

describe("check answers", () => {
  it("links each answer to its page and comes back to check after a change", async () => {
    await newDraft({ ...youngPersonAnswers, whatHappened: "Nobody asked me" });
    const router = renderAt("/complaint/check");
    await userEvent.click(await screen.findByRole("link", { name: /^Change ?Tell us what happened, in your own words$/ }));
    const field = await screen.findByLabelText("Tell us what happened, in your own words");
    await userEvent.type(field, " first");
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    await screen.findByText("Nobody asked me first");
    expect(router.state.location.pathname).toBe("/complaint/check");
  });

  it("shows the answers in the person's words and 'None of these' for an empty list", async () => {
    await newDraft({ ...youngPersonAnswers, whatHappened: "x" });
    renderAt("/complaint/check");
    await screen.findByRole("heading", { name: "Check your answers before you send" });
    expect(screen.getByText("I'm in care")).toBeInTheDocument();
    expect(screen.getByText("None of these")).toBeInTheDocument();
  });

  it("sends nothing and shows each problem linked to its Change link", async () => {
    await newDraft();
    renderAt("/complaint/check");
    await userEvent.click(await screen.findByRole("button", { name: "Send complaint" }));
    expect(await screen.findByRole("link", { name: "Choose who is filling this in" })).toHaveAttribute("href", "#change-who");
    expect(screen.getByRole("link", { name: "Tell us what happened" })).toHaveAttribute("href", "#change-what-happened");
    expect(await db.outbox.count()).toBe(0);
  });

  it("says there is nothing to check when there is no draft", async () => {
    renderAt("/complaint/check");
    expect(await screen.findByRole("heading", { name: "There is nothing to check yet" })).toBeInTheDocument();
  });
});

it("shows a not found page for an unknown step", async () => {
  renderAt("/complaint/no-such-step");
  expect(await screen.findByRole("heading", { name: "Page not found" })).toBeInTheDocument();
});

describe("focus through the first questions on a first visit", () => {
  it("puts focus on the next question's heading after the first Continue, and never shows Loading… once it is drawn", async () => {
    // Asked once per device; asked already here, so Continue goes from question to question.
    await settingsRepository().rememberPinOffered();
    const router = renderAt("/complaint/who");
    await userEvent.click(await screen.findByRole("radio", { name: /young person/i }));
    await userEvent.click(continueButton());
    const heading = await screen.findByRole("heading", { level: 1, name: "Is anyone hurting you, or are you in danger now?" });
    await waitFor(() => expect(heading).toHaveFocus());
    // Still the same heading a moment later: the page was not drawn again behind a loading page.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heading).toBeInTheDocument();
    expect(heading).toHaveFocus();
    expect(screen.queryByText("Loading…")).toBeNull();
    expect(router.state.location.pathname).toBe("/complaint/safety");
  });
});
