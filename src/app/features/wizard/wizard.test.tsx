import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { parseCouncilSettings } from "../../../domain/council";
import councilFile from "../../../../public/councils/example-borough.json";
import { CouncilProvider } from "../../components/council-provider";
import { db } from "../../lib/db";
import { draftRepository } from "../../lib/draft-repository";
import { routes } from "../../router";

const council = parseCouncilSettings("example-borough.json", councilFile);
const drafts = draftRepository();

function renderAt(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <CouncilProvider initial={council}>
      <RouterProvider router={router} />
    </CouncilProvider>,
  );
  return router;
}

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
});

describe("start page", () => {
  it("shows what to do in danger before any question or button", async () => {
    renderAt("/");
    const danger = await screen.findByRole("heading", { name: "Are you in danger now?" });
    const start = await screen.findByRole("button", { name: "Start now" });
    expect(danger.compareDocumentPosition(start) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByText((_, el) => el?.tagName === "LI" && /call 999\.$/.test(el.textContent ?? ""))).toBeInTheDocument();
    expect(screen.getByText((_, el) => el?.tagName === "LI" && /0800 1111/.test(el.textContent ?? ""))).toBeInTheDocument();
    expect(screen.getByText(/01632 960 200/)).toBeInTheDocument();
    expect(screen.getByText(/01632 960 999/)).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "You can have a free advocate" })).toBeInTheDocument();
  });

  it("starts a new draft and goes to the first question", async () => {
    const router = renderAt("/");
    await userEvent.click(await screen.findByRole("button", { name: "Start now" }));
    await screen.findByRole("heading", { name: "What happened?" });
    expect(router.state.location.pathname).toBe("/complaint/what-happened");
    expect((await drafts.current())?.status).toBe("ok");
  });

  it("offers to carry on with a saved draft on the page it was left", async () => {
    const draft = await drafts.create(council.id);
    await drafts.saveAnswers(draft.id, { whatHappened: "Half written" }, "what-happened");
    const router = renderAt("/");
    await userEvent.click(await screen.findByRole("button", { name: "Carry on with your complaint" }));
    expect(await screen.findByLabelText("What happened?")).toHaveValue("Half written");
    expect(router.state.location.pathname).toBe("/complaint/what-happened");
  });
});

describe("What happened? question page", () => {
  beforeEach(async () => {
    await drafts.create(council.id);
  });

  it("shows the GOV.UK error pattern when nothing is typed", async () => {
    renderAt("/complaint/what-happened");
    await userEvent.click(await screen.findByRole("button", { name: "Continue" }));
    const summaryTitle = await screen.findByRole("heading", { name: "There is a problem" });
    const summary = summaryTitle.parentElement!;
    expect(summary).toHaveFocus();
    const link = screen.getByRole("link", { name: "Tell us what happened" });
    expect(link).toHaveAttribute("href", "#field-whatHappened");
    const field = screen.getByLabelText("What happened?");
    expect(field).toHaveAttribute("aria-invalid", "true");
    // jsdom's accessible-name code drops the space between inline spans; real Chromium is checked in e2e.
    expect(field).toHaveAccessibleDescription(expect.stringMatching(/Error: ?Tell us what happened$/));
    await waitFor(() => expect(document.title).toBe("Error: What happened? – Speak Up"));
    await userEvent.click(link);
    expect(field).toHaveFocus();
  });

  it("saves what is typed to IndexedDB without pressing Continue", async () => {
    renderAt("/complaint/what-happened");
    await userEvent.type(await screen.findByLabelText("What happened?"), "They moved me");
    await screen.findByText("Saved on this phone");
    const current = await drafts.current();
    expect(current?.status === "ok" && current.draft.answers.whatHappened).toBe("They moved me");
  });

  it("goes to check answers when the answer is valid", async () => {
    const router = renderAt("/complaint/what-happened");
    await userEvent.type(await screen.findByLabelText("What happened?"), "They moved me");
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    await screen.findByRole("heading", { name: "Check your answers before you send" });
    expect(router.state.location.pathname).toBe("/complaint/check");
    expect(screen.getByText("They moved me")).toBeInTheDocument();
  });

  it("says how long the answer may be when it is too long, and keeps the text", async () => {
    const current = await drafts.current();
    const id = current?.status === "ok" ? current.draft.id : "";
    await drafts.saveAnswers(id, { whatHappened: "a".repeat(10_001) });
    renderAt("/complaint/what-happened");
    await userEvent.click(await screen.findByRole("button", { name: "Continue" }));
    expect(await screen.findByRole("link", { name: /10,000 characters or fewer/ })).toBeInTheDocument();
    expect(screen.getByLabelText("What happened?")).toHaveValue("a".repeat(10_001));
  });
});

describe("check answers", () => {
  it("links each answer to its page and comes back to check after a change", async () => {
    const draft = await drafts.create(council.id);
    await drafts.saveAnswers(draft.id, { whatHappened: "Nobody asked me" });
    const router = renderAt("/complaint/check");
    await userEvent.click(await screen.findByRole("link", { name: /^Change ?What happened\?$/ }));
    const field = await screen.findByLabelText("What happened?");
    await userEvent.type(field, " first");
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    await screen.findByText("Nobody asked me first");
    expect(router.state.location.pathname).toBe("/complaint/check");
  });

  it("sends nothing and shows the problem when the answer is missing", async () => {
    await drafts.create(council.id);
    renderAt("/complaint/check");
    await userEvent.click(await screen.findByRole("button", { name: "Send complaint" }));
    expect(await screen.findByRole("link", { name: "Tell us what happened" })).toHaveAttribute("href", "#change-what-happened");
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
