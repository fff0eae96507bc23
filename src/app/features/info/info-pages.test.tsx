import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseCouncilSettings } from "../../../domain/council";
import exampleFile from "../../../../test/fixtures/councils/example-borough.json";
import northmoorFile from "../../../../test/fixtures/councils/northmoor.json";
import { renderAt } from "../../../../test/setup/render-app";

const northmoor = parseCouncilSettings("northmoor.json", northmoorFile);

/** A paragraph or list item whose whole text is exactly `text` (links and all). */
function exactly(text: string) {
  return screen.getByText((_, el) => (el?.tagName === "P" || el?.tagName === "LI") && el.textContent === text);
}

describe("What happens after I complain", () => {
  beforeEach(() => {
    // Thursday 3 December 2026, 10am in London: only Date is faked, so promises and timers still run.
    vi.useFakeTimers({ now: new Date("2026-12-03T10:00:00Z"), toFake: ["Date"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("gives the real Stage 1 dates if the complaint is sent today, skipping Christmas", async () => {
    renderAt("/what-happens");
    expect(await screen.findByRole("heading", { level: 1, name: "What happens after I complain" })).toBeInTheDocument();
    expect(screen.getByText("If you send your complaint today, Thursday 3 December 2026:")).toBeInTheDocument();
    expect(screen.getByText("The council should reply by Thursday 17 December 2026.")).toBeInTheDocument();
    expect(screen.getByText("If your complaint is complicated, they can take until Tuesday 5 January 2027.")).toBeInTheDocument();
    // Example Borough promises no acknowledgement period, so no date is made up.
    expect(screen.queryByText(/tell you they got it by/)).not.toBeInTheDocument();
    // Set in an effect, which may run just after the heading is drawn.
    await waitFor(() => expect(document.title).toBe("What happens after I complain – Speak Up"));
  });

  it("explains every stage with this council's numbers of working days", async () => {
    renderAt("/what-happens");
    await screen.findByRole("heading", { level: 1, name: "What happens after I complain" });
    expect(screen.getByRole("heading", { level: 2, name: "What is a working day?" })).toBeInTheDocument();
    expect(screen.getByText(/^A working day is Monday to Friday, but not a bank holiday/)).toBeInTheDocument();

    expect(screen.getByRole("heading", { name: "Stage 1: the council tries to sort it out" })).toBeInTheDocument();
    expect(exactly("They have 10 working days to reply to you.")).toBeInTheDocument();
    expect(screen.getByText(/can take up to 20 working days\./)).toBeInTheDocument();
    expect(exactly("Try to ask within 20 working days of getting the answer.")).toBeInTheDocument();

    expect(screen.getByRole("heading", { name: "Stage 2: someone looks into it in detail" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "investigating officer" })).toHaveAttribute("href", "/words#investigating-officer");
    expect(screen.getByRole("link", { name: "independent person" })).toHaveAttribute("href", "/words#independent-person");
    expect(exactly("They have 25 working days to finish.")).toBeInTheDocument();
    expect(screen.getByText(/can take up to 65 working days\./)).toBeInTheDocument();
    expect(exactly("The time starts when the council gets your request for Stage 2.")).toBeInTheDocument();

    expect(screen.getByRole("heading", { name: "Stage 3: a review panel" })).toBeInTheDocument();
    expect(exactly("Try to ask within 20 working days of getting the Stage 2 answer.")).toBeInTheDocument();
    const panel = screen.getByRole("link", { name: "review panel" });
    expect(panel).toHaveAttribute("href", "/words#review-panel");
    expect(panel.closest("p")).toHaveTextContent(/^A review panel is 3 people who do not work for the council\./);
    expect(exactly("The panel should meet within 30 working days of the council getting your request.")).toBeInTheDocument();
    expect(exactly("After the meeting, the panel has 5 working days to write down what it thinks.")).toBeInTheDocument();
    expect(exactly("Then the council has 15 working days to send you its final answer.")).toBeInTheDocument();
  });

  it("explains the Ombudsman: free, independent, usually last, with a tap-to-call number", async () => {
    renderAt("/what-happens");
    await screen.findByRole("heading", { level: 1, name: "What happens after I complain" });
    expect(screen.getByRole("heading", { name: "After the council: the Ombudsman" })).toBeInTheDocument();
    expect(exactly("The Ombudsman does not work for the council. It checks if the council did something wrong. It is free.")).toBeInTheDocument();
    expect(screen.getByText(/usually looks at your complaint after the council has finished/)).toBeInTheDocument();
    expect(screen.getByText(/can look sooner if the council's complaint process has broken down or stopped/)).toBeInTheDocument();
    expect(screen.getByText(/^Try to contact the Ombudsman within 12 months of the council's final answer\./)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "0300 061 0614" })).toHaveAttribute("href", "tel:03000610614");
  });

  it("for Northmoor, counts the Stage 2 window in calendar days and shows its acknowledgement date", async () => {
    renderAt("/what-happens", northmoor);
    await screen.findByRole("heading", { level: 1, name: "What happens after I complain" });
    expect(exactly("Try to ask within 28 days of getting the answer. Count every day, even weekends and bank holidays.")).toBeInTheDocument();
    expect(screen.queryByText(/28 working days/)).not.toBeInTheDocument();
    // Stage 3 keeps the default: 20 working days.
    expect(exactly("Try to ask within 20 working days of getting the Stage 2 answer.")).toBeInTheDocument();
    // 5 working days after Thursday 3 December 2026.
    expect(screen.getByText("The council should tell you they got it by Thursday 10 December 2026.")).toBeInTheDocument();
  });

  it("tells children and care leavers about their free advocate and lists the council's providers to call", async () => {
    renderAt("/what-happens", northmoor);
    const heading = await screen.findByRole("heading", { name: "You can have a free advocate" });
    const box = heading.parentElement!;
    expect(within(box).getByRole("link", { name: "advocate" })).toHaveAttribute("href", "/words#advocate");
    expect(within(box).getByRole("link", { name: "care leaver" })).toHaveAttribute("href", "/words#care-leaver");
    const providers = within(box).getAllByRole("listitem");
    expect(providers.map((li) => li.textContent)).toEqual([
      "Northmoor Advocacy for Children: call 01632 960 450",
      "Coram Voice Always Heard: call 0808 800 5792",
    ]);
    expect(within(providers[0]!).getByRole("link", { name: "01632 960 450" })).toHaveAttribute("href", "tel:01632960450");
    expect(within(providers[1]!).getByRole("link", { name: "0808 800 5792" })).toHaveAttribute("href", "tel:08088005792");
  });

  it("follows the Stage 2 and Stage 3 settings: clock from the agreed summary, Stage 3 window in calendar days", async () => {
    const council = parseCouncilSettings("custom", {
      ...exampleFile,
      timescales: { stage2ClockStart: "agreed-summary", stage3RequestWindow: { value: 1, unit: "calendar-days" } },
    });
    renderAt("/what-happens", council);
    await screen.findByRole("heading", { level: 1, name: "What happens after I complain" });
    expect(exactly("The time starts when you and the council agree what your complaint is about.")).toBeInTheDocument();
    expect(screen.getByText(/^Try to ask within 1 day of getting the Stage 2 answer\./)).toBeInTheDocument();
  });

  it("takes you to the meaning of a word, focused, when you follow its link", async () => {
    const router = renderAt("/what-happens");
    await userEvent.click(await screen.findByRole("link", { name: "review panel" }));
    await screen.findByRole("heading", { level: 1, name: "Words you might not know" });
    expect(router.state.location.pathname).toBe("/words");
    expect(router.state.location.hash).toBe("#review-panel");
    expect(screen.getByText("Review panel", { selector: "dt" })).toHaveFocus();
  });
});

const TERMS: ReadonlyArray<[id: string, term: string]> = [
  ["looked-after", "Looked after, or in care"],
  ["child-in-need", "Child in need"],
  ["care-leaver", "Care leaver"],
  ["special-guardianship", "Special guardianship"],
  ["advocate", "Advocate"],
  ["independent-person", "Independent person"],
  ["investigating-officer", "Investigating officer"],
  ["review-panel", "Review panel"],
  ["ombudsman", "Ombudsman"],
  ["working-day", "Working day"],
  ["stage-1", "Stage 1"],
  ["stage-2", "Stage 2"],
  ["stage-3", "Stage 3"],
  ["representative", "Representative, or acting for a child"],
];

describe("Words you might not know", () => {
  it("lists every word, each with a definition, in a definition list", async () => {
    renderAt("/words");
    expect(await screen.findByRole("heading", { level: 1, name: "Words you might not know" })).toBeInTheDocument();
    const terms = screen.getAllByRole("term");
    expect(terms.map((dt) => dt.textContent)).toEqual(TERMS.map(([, term]) => term));
    const definitions = screen.getAllByRole("definition");
    expect(definitions).toHaveLength(TERMS.length);
    for (const dd of definitions) expect(dd.textContent?.trim()).not.toBe("");
    expect(document.title).toBe("Words you might not know – Speak Up");
  });

  it.each(TERMS)("gives %s an id other pages can link to", async (id, term) => {
    renderAt("/words");
    const dt = await screen.findByText(term, { selector: "dt" });
    expect(dt).toHaveAttribute("id", id);
    expect(dt.nextElementSibling?.tagName).toBe("DD");
  });

  it("explains an advocate in plain words", async () => {
    renderAt("/words");
    const dt = await screen.findByText("Advocate", { selector: "dt" });
    expect(dt.nextElementSibling).toHaveTextContent(/^A person who is on your side and helps you say what you want\./);
  });

  it("focuses the word named in the address when the page opens", async () => {
    renderAt("/words#ombudsman");
    await screen.findByRole("heading", { level: 1, name: "Words you might not know" });
    expect(screen.getByText("Ombudsman", { selector: "dt" })).toHaveFocus();
  });
});

describe("help links on every page", () => {
  it("reach both pages from the start page and move focus to the new heading", async () => {
    const router = renderAt("/");
    const nav = await screen.findByRole("navigation", { name: "Help with complaining" });
    await userEvent.click(within(nav).getByRole("link", { name: "What happens after I complain" }));
    expect(await screen.findByRole("heading", { level: 1, name: "What happens after I complain" })).toHaveFocus();
    expect(router.state.location.pathname).toBe("/what-happens");

    await userEvent.click(within(screen.getByRole("navigation", { name: "Help with complaining" })).getByRole("link", { name: "Words you might not know" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Words you might not know" })).toHaveFocus();
    expect(router.state.location.pathname).toBe("/words");
  });

  it("keep the skip link and Exit this page first, and sit outside main", async () => {
    renderAt("/words");
    const nav = await screen.findByRole("navigation", { name: "Help with complaining" });
    const skip = screen.getByRole("link", { name: "Skip to main content" });
    const exit = screen.getByRole("button", { name: "Exit this page" });
    expect(skip.compareDocumentPosition(nav) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(exit.compareDocumentPosition(nav) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByRole("main")).not.toContainElement(nav);
  });
});
