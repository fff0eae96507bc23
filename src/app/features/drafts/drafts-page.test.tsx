import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DraftAnswers } from "../../../domain/draft";
import { db } from "../../lib/db";
import type * as DraftRepositoryModule from "../../lib/draft-repository";
import { draftRepository, type LoadedDraft } from "../../lib/draft-repository";
import { exampleBorough, renderAt } from "../../../../test/setup/render-app";

// Nothing produces a locked draft yet (the PIN lock is being built): these are added to every list.
const extra = vi.hoisted(() => ({ locked: [] as LoadedDraft[] }));
vi.mock("../../lib/draft-repository", async (importOriginal) => {
  const actual = await importOriginal<typeof DraftRepositoryModule>();
  return {
    ...actual,
    draftRepository: (...args: Parameters<typeof actual.draftRepository>) => {
      const repository = actual.draftRepository(...args);
      return { ...repository, list: async () => [...(await repository.list()), ...extra.locked] };
    },
  };
});

const council = exampleBorough;
const drafts = draftRepository();

const youngPerson: Partial<DraftAnswers> = {
  role: "young-person",
  childSituation: "looked-after",
  topics: ["decision"],
  when: "under-12-months",
  proceedings: [],
};

interface DraftSetup {
  created: string;
  changed?: string;
  label?: string;
  step?: string;
  answers?: Partial<DraftAnswers>;
}

async function addDraft({ created, changed, label, step, answers = {} }: DraftSetup) {
  const draft = await drafts.create(council.id, new Date(created));
  if (step || changed || Object.keys(answers).length > 0) {
    await drafts.saveAnswers(draft.id, answers, step, new Date(changed ?? created));
  }
  if (label) await drafts.rename(draft.id, label);
  return draft;
}

/** The card (list item) whose heading is this name. */
async function card(name: string) {
  const heading = await screen.findByRole("heading", { level: 2, name });
  const item = heading.closest("li");
  if (!item) throw new Error(`No card for ${name}`);
  return item;
}

const cardTitles = () => screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);

beforeEach(async () => {
  extra.locked = [];
  await Promise.all(db.tables.map((table) => table.clear()));
});

describe("Your drafts", () => {
  it("lists 20 drafts, the most recently changed first, with names, dates and how far each got", async () => {
    // Draft i is changed at 10:00 + i minutes on 20 November 2026 (GMT, so London time is the same).
    const kinds = [
      { step: "what-happened", answers: { ...youngPerson, whatHappened: "Half written" } },
      { step: "check", answers: youngPerson },
      {},
      { step: "who", answers: { role: "advocate" as const } },
    ];
    for (let i = 0; i < 20; i += 1) {
      const minute = String(i).padStart(2, "0");
      await addDraft({
        created: `2026-11-0${(i % 3) + 1}T09:00:00.000Z`,
        changed: `2026-11-20T10:${minute}:00.000Z`,
        label: i % 2 === 0 ? `Child ${i}` : undefined,
        ...kinds[i % 4],
      });
    }
    renderAt("/drafts");
    expect(await screen.findByRole("heading", { level: 1, name: "Your drafts" })).toBeInTheDocument();
    await screen.findByRole("heading", { level: 2, name: "Child 18" });
    expect(document.title).toBe("Your drafts – Speak Up");

    const titles = cardTitles();
    expect(titles).toHaveLength(20);
    expect(titles.slice(0, 4)).toEqual([
      "Draft started on 2 November 2026", // i = 19
      "Child 18",
      // Its answers say what it is about: named from them (issue 15).
      "About a decision", // i = 17
      "Child 16",
    ]);
    expect(titles.at(-1)).toBe("Child 0");

    const first = await card("Child 0");
    expect(first).toHaveTextContent("Last changed 20 November 2026 at 10:00am");
    expect(first).toHaveTextContent("Got as far as: What happened?");
    expect(await card("Child 16")).toHaveTextContent("Got as far as: What happened?");
    expect(await card("Child 18")).toHaveTextContent("Not started yet");
    const ready = screen.getAllByRole("heading", { level: 2 })[18]!.closest("li")!; // i = 1
    expect(ready).toHaveTextContent("About a decision");
    expect(ready).toHaveTextContent("Last changed 20 November 2026 at 10:01am");
    expect(ready).toHaveTextContent("Ready to check and send");
    const advocate = screen.getAllByRole("heading", { level: 2 })[0]!.closest("li")!; // i = 19
    expect(advocate).toHaveTextContent("Got as far as: Who is filling this in?");

    // Every action says which draft it is for, and no two read the same to a screen reader.
    const actions = [...screen.getAllByRole("link"), ...screen.getAllByRole("button")]
      .map((element) => element.textContent ?? "")
      .filter((name) => /^(Open|Rename|Delete) /.test(name));
    expect(actions).toHaveLength(60);
    expect(new Set(actions).size).toBe(60);
    expect(within(first).getByRole("button", { name: "Open draft Child 0" })).toBeInTheDocument();
    expect(within(first).getByRole("link", { name: "Rename draft Child 0" })).toBeInTheDocument();
    expect(within(first).getByRole("link", { name: "Delete draft Child 0" })).toBeInTheDocument();
    expect(within(ready).getByRole("button", { name: "Open draft About a decision, last changed 20 November 2026 at 10:01am" })).toBeInTheDocument();
    // No control inside another.
    expect(document.querySelector("a a, a button, button a, button button")).toBeNull();
  });

  it("shows a change made in another tab at once", async () => {
    const draft = await addDraft({ created: "2026-11-20T10:00:00.000Z", label: "JB" });
    renderAt("/drafts");
    await card("JB");
    await drafts.rename(draft.id, "KM");
    expect(await screen.findByRole("heading", { level: 2, name: "KM" })).toBeInTheDocument();
  });

  it("opens a draft on the page it was left, and makes it the current draft", async () => {
    const draft = await addDraft({
      created: "2026-11-20T10:00:00.000Z",
      label: "JB",
      step: "what-happened",
      answers: { ...youngPerson, whatHappened: "Half written" },
    });
    await addDraft({ created: "2026-11-20T11:00:00.000Z", label: "KM" });
    const router = renderAt("/drafts");
    await userEvent.click(within(await card("JB")).getByRole("button", { name: "Open draft JB" }));
    expect(await screen.findByLabelText("Tell us what happened, in your own words")).toHaveValue("Half written");
    expect(router.state.location.pathname).toBe("/complaint/what-happened");
    expect(await drafts.current()).toMatchObject({ status: "ok", draft: { id: draft.id } });
  });

  describe("renaming", () => {
    it("asks one question, and says what is wrong with a name that is too long, keeping what was typed", async () => {
      const draft = await addDraft({ created: "2026-11-20T10:00:00.000Z", label: "JB" });
      const router = renderAt("/drafts");
      await userEvent.click(within(await card("JB")).getByRole("link", { name: "Rename draft JB" }));
      const input = await screen.findByRole("textbox", { name: "What would you like to call this draft?" });
      expect(router.state.location.pathname).toBe(`/drafts/${draft.id}/rename`);
      expect(screen.getByRole("heading", { level: 1, name: "What would you like to call this draft?" })).toBeInTheDocument();
      expect(input).toHaveValue("JB");
      expect(input).toHaveAccessibleDescription("For example, the child's initials. Don't use a full name if other people use this phone.");

      const tooLong = "A".repeat(61);
      await userEvent.clear(input);
      await userEvent.click(input);
      await userEvent.paste(tooLong);
      await userEvent.click(screen.getByRole("button", { name: "Continue" }));
      const summary = (await screen.findByRole("heading", { name: "There is a problem" })).parentElement!;
      expect(summary).toHaveFocus();
      expect(within(summary).getByRole("link", { name: "The name must be 60 characters or fewer" })).toHaveAttribute("href", "#draft-label");
      expect(input).toHaveValue(tooLong);
      expect(input).toHaveAttribute("aria-invalid", "true");
      await waitFor(() => expect(document.title).toBe("Error: What would you like to call this draft? – Speak Up"));
      expect(router.state.location.pathname).toBe(`/drafts/${draft.id}/rename`);
      expect(await drafts.get(draft.id)).toMatchObject({ draft: { label: "JB" } });
    });

    it("saves a good name and goes back to the list, which shows it", async () => {
      const draft = await addDraft({ created: "2026-11-20T10:00:00.000Z", label: "JB" });
      const router = renderAt(`/drafts/${draft.id}/rename`);
      const input = await screen.findByRole("textbox", { name: "What would you like to call this draft?" });
      await userEvent.clear(input);
      await userEvent.type(input, "  Jo B  ");
      await userEvent.click(screen.getByRole("button", { name: "Continue" }));
      expect(await screen.findByRole("heading", { level: 2, name: "Jo B" })).toBeInTheDocument();
      expect(router.state.location.pathname).toBe("/drafts");
      expect(screen.queryByRole("heading", { level: 2, name: "JB" })).not.toBeInTheDocument();
    });

    it("clears the name when the box is left empty", async () => {
      const draft = await addDraft({ created: "2026-11-20T10:00:00.000Z", label: "JB" });
      renderAt(`/drafts/${draft.id}/rename`);
      await userEvent.clear(await screen.findByRole("textbox", { name: "What would you like to call this draft?" }));
      await userEvent.click(screen.getByRole("button", { name: "Continue" }));
      expect(await screen.findByRole("heading", { level: 2, name: "Draft started on 20 November 2026" })).toBeInTheDocument();
    });

    it("says when the draft is not on this phone", async () => {
      renderAt(`/drafts/${crypto.randomUUID()}/rename`);
      expect(await screen.findByRole("heading", { level: 1, name: "We cannot find that draft" })).toBeInTheDocument();
      expect(screen.getByRole("link", { name: "Go to your drafts" })).toHaveAttribute("href", "/drafts");
    });
  });

  describe("deleting", () => {
    it("asks first, and keeps the draft after No, keep it", async () => {
      const draft = await addDraft({ created: "2026-11-20T10:00:00.000Z", label: "JB" });
      const router = renderAt("/drafts");
      await userEvent.click(within(await card("JB")).getByRole("link", { name: "Delete draft JB" }));
      expect(await screen.findByRole("heading", { level: 1, name: "Are you sure you want to delete this draft?" })).toBeInTheDocument();
      expect(router.state.location.pathname).toBe(`/drafts/${draft.id}/delete`);
      expect(screen.getByText("JB")).toBeInTheDocument();
      expect(screen.getByText(/You cannot undo this/)).toBeInTheDocument();
      expect(screen.getByRole("button", { name: "Yes, delete this draft" })).toHaveClass("button--warning");

      await userEvent.click(screen.getByRole("link", { name: "No, keep it" }));
      expect(await screen.findByRole("heading", { level: 2, name: "JB" })).toBeInTheDocument();
      expect(router.state.location.pathname).toBe("/drafts");
      expect(screen.queryByText("Draft deleted")).not.toBeInTheDocument();
      expect((await drafts.get(draft.id))?.status).toBe("ok");
    });

    it("deletes it after Yes, and says so in a status message", async () => {
      const kept = await addDraft({ created: "2026-11-20T09:00:00.000Z", label: "KM" });
      const draft = await addDraft({ created: "2026-11-20T10:00:00.000Z", label: "JB" });
      const router = renderAt("/drafts");
      await userEvent.click(within(await card("JB")).getByRole("link", { name: "Delete draft JB" }));
      await userEvent.click(await screen.findByRole("button", { name: "Yes, delete this draft" }));

      const message = await screen.findByText("Draft deleted");
      expect(message.closest('[role="status"]')).not.toBeNull();
      expect(router.state.location.pathname).toBe("/drafts");
      expect(screen.getByRole("heading", { level: 1, name: "Your drafts" })).toBeInTheDocument();
      await waitFor(() => expect(cardTitles()).toEqual(["KM"]));
      expect(await drafts.get(draft.id)).toBeUndefined();
      // It was the current draft, so there is none now; the other draft is untouched.
      expect(await drafts.current()).toBeUndefined();
      expect((await drafts.get(kept.id))?.status).toBe("ok");
      // The note is forgotten, so a reload or Back does not say it again.
      await waitFor(() => expect(router.state.location.state).toBeNull());
    });
  });

  it("lists a draft that needs checking, and lets it be deleted", async () => {
    await addDraft({ created: "2026-11-20T10:00:00.000Z", label: "JB" });
    await db.drafts.put({ id: "old-1", schemaVersion: 0, updatedAt: "2026-11-21T10:00:00.000Z", answers: "broken" } as never);
    renderAt("/drafts");
    const broken = await card("This draft needs checking");
    expect(cardTitles()).toEqual(["This draft needs checking", "JB"]);
    expect(broken).toHaveTextContent("Last changed 21 November 2026 at 10:00am");
    expect(broken).toHaveTextContent("saved by an older version");
    expect(within(broken).queryByRole("button", { name: /^Open/ })).not.toBeInTheDocument();
    expect(within(broken).queryByRole("link", { name: /^Rename/ })).not.toBeInTheDocument();

    await userEvent.click(within(broken).getByRole("link", { name: "Delete draft that needs checking" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Are you sure you want to delete this draft?" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Yes, delete this draft" }));
    expect(await screen.findByText("Draft deleted")).toBeInTheDocument();
    await waitFor(() => expect(cardTitles()).toEqual(["JB"]));
    expect(await db.drafts.get("old-1")).toBeUndefined();
  });

  it("shows a locked draft with its label if it has one, and a link to unlock it", async () => {
    extra.locked = [
      { status: "locked", id: "locked-1", updatedAt: "2026-11-20T15:45:00.000Z", label: "KM" },
      { status: "locked", id: "locked-2", updatedAt: "2026-11-19T08:30:00.000Z" },
    ];
    renderAt("/drafts");
    const labelled = await card("Locked draft: KM");
    expect(labelled).toHaveTextContent("Last changed 20 November 2026 at 3:45pm");
    expect(within(labelled).getByRole("link", { name: "Unlock to open it locked draft KM" })).toHaveAttribute("href", "/unlock?next=/drafts");
    const unlabelled = await card("Locked draft");
    expect(within(unlabelled).getByRole("link", { name: "Unlock to open it locked draft" })).toHaveAttribute("href", "/unlock?next=/drafts");
    expect(screen.queryByRole("button", { name: /^Open/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /^(Rename|Delete)/ })).not.toBeInTheDocument();
  });

  it("says when there are no drafts, and starts one", async () => {
    const router = renderAt("/drafts");
    expect(await screen.findByText("You have no drafts on this phone.")).toBeInTheDocument();
    expect(screen.queryByRole("heading", { level: 2 })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Start now" }));
    await screen.findByRole("heading", { name: "Who is filling this in?" });
    expect(router.state.location.pathname).toBe("/complaint/who");
    expect((await drafts.current())?.status).toBe("ok");
  });
});

describe("start page", () => {
  it("offers to carry on, start a new one, or see all the drafts", async () => {
    await addDraft({ created: "2026-11-20T09:00:00.000Z", label: "KM" });
    await addDraft({ created: "2026-11-20T10:00:00.000Z", label: "JB" });
    await addDraft({ created: "2026-11-20T11:00:00.000Z", step: "who" });
    const router = renderAt("/");
    expect(await screen.findByRole("button", { name: "Carry on with your complaint" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Start a new one" })).toBeInTheDocument();
    const link = await screen.findByRole("link", { name: "Your drafts (3)" });
    // Safety first: the danger box comes before all of it.
    const danger = screen.getByRole("heading", { name: "Are you in danger now?" });
    expect(danger.compareDocumentPosition(link) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await userEvent.click(link);
    expect(await screen.findByRole("heading", { level: 1, name: "Your drafts" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/drafts");
  });

  it("has no drafts link when there are no drafts", async () => {
    renderAt("/");
    await screen.findByRole("button", { name: "Start now" });
    expect(screen.queryByRole("link", { name: /Your drafts/ })).not.toBeInTheDocument();
  });
});
