import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "../lib/db";
import { reportStorageProblem, type StorageProblem } from "../lib/storage-health";
import { resetStoragePersistenceForTests } from "../lib/storage-persistence";
import { Layout } from "./layout";
import { StorageWarning } from "./storage-problem";
import { CopyableTextProvider, useCopyableText } from "./storage-warning";

const WRITTEN = "Tell us what happened, in your own words\nMy social worker did not come.";

function QuestionPage({ text }: { text: string }) {
  useCopyableText(() => text);
  return <h1>What happened?</h1>;
}

/** `null`: a page that offers nothing to copy (e.g. the start page). */
function renderWarning(text: string | null = WRITTEN) {
  return render(
    <CopyableTextProvider>
      <StorageWarning />
      {text === null ? null : <QuestionPage text={text} />}
    </CopyableTextProvider>,
  );
}

function problem(value: StorageProblem) {
  act(() => reportStorageProblem(value));
}

/** jsdom has no `navigator.clipboard` or `navigator.storage`: give it one for a test. */
function setNavigator(name: "clipboard" | "storage", value: unknown) {
  Object.defineProperty(navigator, name, { value, configurable: true });
}

beforeEach(async () => {
  await db.settings.clear();
  resetStoragePersistenceForTests();
});
afterEach(() => {
  act(() => reportStorageProblem("none"));
  Reflect.deleteProperty(navigator, "clipboard");
  Reflect.deleteProperty(navigator, "storage");
});

describe("storage warning", () => {
  it("shows nothing while saving works", () => {
    renderWarning();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });

  it.each<[StorageProblem, string, RegExp]>([
    ["unavailable", "Your writing is not being saved", /private window[\s\S]*only kept while this page is open\. Copy it before you close the page\./],
    ["quota-full", "Your phone is full", /no space left[\s\S]*copy your writing so you do not lose it/],
    ["failed", "Your last changes are not saved yet", /try again when you type[\s\S]*copy your writing/],
  ])("says plainly what is wrong when the problem is %s", async (value, heading, body) => {
    renderWarning();
    problem(value);
    // The warning's code loads when a problem first appears (it is not part of the first page).
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("heading", { name: heading })).toBeInTheDocument();
    expect(alert).toHaveTextContent(body);
    expect(screen.getByRole("region", { name: heading })).toContainElement(screen.getByRole("button", { name: "Copy what you have written" }));
  });

  it("goes away when a save works again", () => {
    renderWarning();
    problem("quota-full");
    problem("none");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("copies what the page says was written, and says so", async () => {
    const writeText = vi.fn(async () => undefined);
    setNavigator("clipboard", { writeText });
    renderWarning();
    problem("unavailable");
    await userEvent.click(screen.getByRole("button", { name: "Copy what you have written" }));
    expect(writeText).toHaveBeenCalledExactlyOnceWith(WRITTEN);
    expect(screen.getByRole("status")).toHaveTextContent("Copied. You can paste it into a note or a message.");
    expect(screen.queryByRole("textbox")).not.toBeInTheDocument();
  });

  it("copies the latest text, read when the button is pressed", async () => {
    const writeText = vi.fn(async () => undefined);
    setNavigator("clipboard", { writeText });
    const view = renderWarning("first");
    problem("quota-full");
    view.rerender(
      <CopyableTextProvider>
        <StorageWarning />
        <QuestionPage text="second" />
      </CopyableTextProvider>,
    );
    await userEvent.click(screen.getByRole("button", { name: "Copy what you have written" }));
    expect(writeText).toHaveBeenCalledExactlyOnceWith("second");
  });

  it("says there is nothing to copy yet, rather than copying nothing", async () => {
    const writeText = vi.fn(async () => undefined);
    setNavigator("clipboard", { writeText });
    renderWarning("  ");
    problem("quota-full");
    await userEvent.click(screen.getByRole("button", { name: "Copy what you have written" }));
    expect(writeText).not.toHaveBeenCalled();
    expect(screen.getByRole("status")).toHaveTextContent("You have not written anything yet.");
  });

  it("offers no copy button on a page with nothing to copy", () => {
    renderWarning(null);
    problem("unavailable");
    expect(screen.getByRole("alert")).toBeInTheDocument();
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });

  it.each([
    ["there is no clipboard", undefined],
    ["the browser refuses to copy", { writeText: () => Promise.reject(new DOMException("Not allowed", "NotAllowedError")) }],
  ])("shows the text selected in a box to copy by hand when %s", async (_, clipboard) => {
    setNavigator("clipboard", clipboard);
    renderWarning();
    problem("quota-full");
    await userEvent.click(screen.getByRole("button", { name: "Copy what you have written" }));
    const box = await screen.findByRole<HTMLTextAreaElement>("textbox", { name: "What you have written" });
    expect(box).toHaveValue(WRITTEN);
    expect(box).toHaveAttribute("readonly");
    expect(box).toHaveAccessibleDescription(/Press and hold it, then choose Copy\./);
    // Focus and selection follow the box's first render.
    await waitFor(() => expect(box).toHaveFocus());
    await waitFor(() => expect([box.selectionStart, box.selectionEnd]).toEqual([0, WRITTEN.length]));
    expect(screen.getByRole("status")).toHaveTextContent("");
    // Pressing again selects it all again (the person may have tapped inside the box).
    box.setSelectionRange(3, 3);
    await userEvent.click(screen.getByRole("button", { name: "Copy what you have written" }));
    await waitFor(() => expect([box.selectionStart, box.selectionEnd]).toEqual([0, WRITTEN.length]));
  });
});

describe("in the layout", () => {
  it("comes first in <main>, with the copy button for the page shown", async () => {
    const router = createMemoryRouter([{ element: <Layout />, children: [{ path: "/", element: <QuestionPage text={WRITTEN} /> }] }]);
    render(<RouterProvider router={router} />);
    await screen.findByRole("heading", { name: "What happened?" });
    problem("unavailable");
    // The warning loads once the page is on screen (layout.tsx), then shows a problem already found.
    const warning = await screen.findByRole("region", { name: "Your writing is not being saved" });
    const main = screen.getByRole("main");
    expect(main.firstElementChild).toBe(warning);
    expect(within(main).getByRole("button", { name: "Copy what you have written" })).toBeInTheDocument();
  });
});
