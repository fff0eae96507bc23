import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { draftRepository } from "../lib/draft-repository";
import { carryOn, hasExited, markExited } from "../lib/exit-state";
import { exampleBorough, renderAt } from "../../../test/setup/render-app";

const drafts = draftRepository();
const WORDS = "Canary words nobody else should read";
const LABEL = "Tell us what happened, in your own words";

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  const draft = await drafts.create(exampleBorough.id);
  await drafts.saveAnswers(
    draft.id,
    { role: "young-person", childSituation: "looked-after", topics: ["decision"], when: "under-12-months", proceedings: [], whatHappened: WORDS },
    "what-happened",
  );
});
afterEach(() => {
  carryOn();
  document.body.classList.remove("exiting");
});

describe("after Exit this page", () => {
  it("takes every typed word off the page before leaving, and shows only Carry on", async () => {
    renderAt("/complaint/what-happened");
    expect(await screen.findByLabelText(LABEL)).toHaveValue(WORDS);
    // The real exit would leave for another site: stop it there, as the document left behind is what Back may show.
    // What matters is the page at the moment it leaves, before React would get round to it.
    let pageWhenLeaving = "";
    const replace = window.location.replace;
    Object.defineProperty(window, "location", {
      configurable: true,
      value: { ...window.location, replace: () => (pageWhenLeaving = document.documentElement.outerHTML) },
    });
    try {
      await userEvent.click(screen.getByRole("button", { name: "Exit this page" }));
    } finally {
      Object.defineProperty(window, "location", { configurable: true, value: { ...window.location, replace } });
    }
    expect(pageWhenLeaving).toContain("Welcome back");
    expect(pageWhenLeaving).not.toContain("Canary words");
    expect(screen.getByRole("heading", { level: 1, name: "Welcome back" })).toBeInTheDocument();
    expect(hasExited()).toBe(true);
  });

  it("shows the neutral page on a fresh load of any page in a tab that left, until Carry on", async () => {
    markExited();
    renderAt("/complaint/what-happened");
    expect(await screen.findByRole("heading", { level: 1, name: "Welcome back" })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe("Welcome back – Speak Up"));
    expect(screen.queryByLabelText(LABEL)).toBeNull();
    expect(screen.getByRole("button", { name: "Exit this page" })).toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: "Carry on" }));
    expect(await screen.findByLabelText(LABEL)).toHaveValue(WORDS);
    expect(window.sessionStorage.getItem("speakup:exited")).toBeNull();
    expect(screen.getByRole("main")).toHaveFocus();
  });
});
