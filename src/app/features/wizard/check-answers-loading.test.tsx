import { screen } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "../../lib/db";
import { draftRepository } from "../../lib/draft-repository";
import { exampleBorough, renderAt } from "../../../../test/setup/render-app";

/** Check your answers' code arrives only when the test lets it (the page loads it with React.lazy). */
const gate = vi.hoisted(() => {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open: () => open() };
});
vi.mock("./check-answers-page", async (importOriginal) => {
  await gate.opened;
  return importOriginal();
});

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
});

describe("Check your answers while its code loads", () => {
  it("says the page is loading, never an empty page, then shows the answers", async () => {
    const drafts = draftRepository();
    const draft = await drafts.create(exampleBorough.id);
    await drafts.saveAnswers(draft.id, { role: "young-person", whatHappened: "They moved me without asking." });
    renderAt("/complaint/check");
    const loading = () => screen.getAllByRole("status").filter((status) => status.classList.contains("loading"));
    await vi.waitFor(() => expect(loading()).toHaveLength(1));
    // Long enough for the draft to be read: what is waiting now is the page's own code.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(loading()).toHaveLength(1);
    gate.open();
    expect(await screen.findByRole("heading", { level: 1, name: "Check your answers before you send" })).toBeInTheDocument();
  });
});
