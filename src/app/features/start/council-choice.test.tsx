import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import birmingham from "../../../../public/councils/birmingham-childrens-trust.json";
import cambridgeshire from "../../../../public/councils/cambridgeshire.json";
import exampleBorough from "../../../../test/fixtures/councils/example-borough.json";
import realIndex from "../../../../public/councils/index.json";
import norfolk from "../../../../public/councils/norfolk.json";
import testIndex from "../../../../test/fixtures/councils/index.json";
import northmoor from "../../../../test/fixtures/councils/northmoor.json";
import riverside from "../../../../test/fixtures/councils/riverside.json";
import { parseCouncilSettings, type CouncilSettings } from "../../../domain/council";
import { CouncilProvider, useCouncil, type CouncilState } from "../../components/council-provider";
import { db } from "../../lib/db";
import { draftRepository } from "../../lib/draft-repository";
import { routes } from "../../router";

/** The index the e2e build serves (SPEAK_UP_TEST_COUNCILS, src/server/councils.ts): the made-up councils first, their default. */
const index = { default: testIndex.default, councils: [...testIndex.councils, ...realIndex.councils] };

/** The council files the service worker precaches, served as fetch would serve them. */
const files: Record<string, unknown> = {
  "/councils/index.json": index,
  "/councils/example-borough.json": exampleBorough,
  "/councils/northmoor.json": northmoor,
  "/councils/riverside.json": riverside,
  "/councils/birmingham-childrens-trust.json": birmingham,
  "/councils/cambridgeshire.json": cambridgeshire,
  "/councils/norfolk.json": norfolk,
};

const drafts = draftRepository();

function renderAt(path: string, provider: { initial?: ReturnType<typeof parseCouncilSettings> } = {}) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <CouncilProvider initial={provider.initial} councils={provider.initial ? index.councils : undefined}>
      <RouterProvider router={router} />
    </CouncilProvider>,
  );
  return router;
}

/** The danger box's list item that holds this phone number. */
const dangerItem = (number: string) => screen.getByRole("link", { name: number }).closest("li");

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  vi.stubGlobal(
    "fetch",
    vi.fn(async (path: string) => {
      const body = files[path];
      return body === undefined ? new Response("Not found", { status: 404 }) : Response.json(body);
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("choosing a council", () => {
  it("shows the default council on the start page, with its numbers named", async () => {
    renderAt("/");
    expect(await screen.findByText("Your complaint will go to Example Borough Council.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Change council, now Example Borough Council" })).toHaveAttribute("href", "/council");
    expect(dangerItem("01632 960 200")).toHaveTextContent("Example Borough children's services: 01632 960 200.");
    expect(dangerItem("01632 960 999")).toHaveTextContent("Example Borough at night or at weekends: 01632 960 999.");
  });

  it("changes the council, shows its numbers and remembers it after a reload", async () => {
    const router = renderAt("/");
    await userEvent.click(await screen.findByRole("link", { name: /^Change council/ }));

    const group = await screen.findByRole("group", { name: "Which council is your complaint about?" });
    expect(screen.getByRole("heading", { level: 1, name: "Which council is your complaint about?" })).toBeInTheDocument();
    expect(screen.getByText(/ask your social worker or carer/)).toBeInTheDocument();
    expect(within(group).getAllByRole("radio")).toHaveLength(6);
    // Nothing chosen on this device yet: the default is in use but not pre-selected.
    for (const radio of within(group).getAllByRole("radio")) expect(radio).not.toBeChecked();
    expect(screen.getByRole("link", { name: "Back" })).toHaveAttribute("href", "/");
    await waitFor(() => expect(document.title).toBe("Which council is your complaint about? – Speak Up"));

    await userEvent.click(within(group).getByRole("radio", { name: "Northmoor County Council" }));
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));

    expect(await screen.findByText("Your complaint will go to Northmoor County Council.")).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/");
    expect(dangerItem("01632 960 400")).toHaveTextContent("Northmoor children's services");
    expect(dangerItem("01632 960 401")).toHaveTextContent("Northmoor at night or at weekends: 01632 960 401");
    expect(screen.queryByRole("link", { name: "01632 960 200" })).not.toBeInTheDocument();

    // A fresh provider reads the choice back from IndexedDB.
    cleanup();
    renderAt("/");
    expect(await screen.findByText("Your complaint will go to Northmoor County Council.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "01632 960 400" })).toBeInTheDocument();

    await userEvent.click(screen.getByRole("link", { name: "Change council, now Northmoor County Council" }));
    expect(await screen.findByRole("radio", { name: "Northmoor County Council" })).toBeChecked();
  });

  it("offers the real councils from the seed pages, with only the numbers their pages publish (issue 13)", async () => {
    renderAt("/council");
    const group = await screen.findByRole("group", { name: "Which council is your complaint about?" });
    expect(
      within(group)
        .getAllByRole("radio")
        .map((radio) => radio.closest("div")?.textContent),
    ).toEqual([
      "Example Borough Council",
      "Northmoor County Council",
      "Riverside Children's Trust",
      "Birmingham Children's Trust",
      "Cambridgeshire County Council",
      "Norfolk County Council",
    ]);
    await userEvent.click(within(group).getByRole("radio", { name: "Cambridgeshire County Council" }));
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));

    expect(await screen.findByText("Your complaint will go to Cambridgeshire County Council.")).toBeInTheDocument();
    expect(dangerItem("0345 045 5203")).toHaveTextContent("Cambridgeshire children's services: 0345 045 5203.");
    // Its page publishes no out-of-hours number: that line is left out, 999 and Childline stay.
    expect(screen.queryByText(/at night or at weekends/)).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "999" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "0800 1111" })).toBeInTheDocument();
  });

  it("asks for a council when Continue is pressed with nothing chosen", async () => {
    const router = renderAt("/council");
    const group = await screen.findByRole("group", { name: "Which council is your complaint about?" });
    for (const radio of within(group).getAllByRole("radio")) expect(radio).not.toBeChecked();

    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    const summary = (await screen.findByRole("heading", { name: "There is a problem" })).parentElement!;
    expect(summary).toHaveFocus();
    const link = within(summary).getByRole("link", { name: "Choose the council your complaint is about" });
    expect(link).toHaveAttribute("href", "#councilId");
    expect(within(group).getByText("Choose the council your complaint is about")).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe("Error: Which council is your complaint about? – Speak Up"));
    await userEvent.click(link);
    expect(within(group).getAllByRole("radio")[0]).toHaveFocus();
    expect(router.state.location.pathname).toBe("/council");
    expect(await db.settings.get("councilId")).toBeUndefined();
  });

  it("sends the current draft to the council chosen", async () => {
    const draft = await drafts.create("example-borough");
    renderAt("/council");
    await userEvent.click(await screen.findByRole("radio", { name: "Northmoor County Council" }));
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    await screen.findByText("Your complaint will go to Northmoor County Council.");
    const current = await drafts.current();
    expect(current).toMatchObject({ status: "ok", draft: { id: draft.id, councilId: "northmoor" } });
  });

  it("starts new drafts for the council chosen", async () => {
    await db.settings.put({ key: "councilId", value: "riverside" });
    renderAt("/");
    await userEvent.click(await screen.findByRole("button", { name: "Start now" }));
    await screen.findByRole("heading", { name: "Who is filling this in?" });
    expect(await drafts.current()).toMatchObject({ status: "ok", draft: { councilId: "riverside" } });
  });

  it("falls back to the default council when the stored one is no longer offered", async () => {
    await db.settings.put({ key: "councilId", value: "gone-council" });
    renderAt("/");
    expect(await screen.findByText("Your complaint will go to Example Borough Council.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "01632 960 200" })).toBeInTheDocument();
    expect(vi.mocked(fetch)).not.toHaveBeenCalledWith("/councils/gone-council.json", expect.anything());
    await userEvent.click(screen.getByRole("link", { name: "Change council, now Example Borough Council" }));
    const group = await screen.findByRole("group", { name: "Which council is your complaint about?" });
    for (const radio of within(group).getAllByRole("radio")) expect(radio).not.toBeChecked();
  });

  it("says so and stays on the page when the council's settings cannot be loaded", async () => {
    renderAt("/council");
    await screen.findByRole("radio", { name: "Riverside Children's Trust" });
    delete files["/councils/riverside.json"];
    try {
      await userEvent.click(screen.getByRole("radio", { name: "Riverside Children's Trust" }));
      await userEvent.click(screen.getByRole("button", { name: "Continue" }));
      expect(await screen.findByRole("link", { name: "We could not change your council. Try again." })).toBeInTheDocument();
    } finally {
      files["/councils/riverside.json"] = riverside;
    }
    expect(await db.settings.get("councilId")).toBeUndefined();
  });

  it("lets tests that pass the council in still choose another", async () => {
    renderAt("/council", { initial: parseCouncilSettings("example-borough.json", exampleBorough) });
    await userEvent.click(await screen.findByRole("radio", { name: "Northmoor County Council" }));
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(await screen.findByText("Your complaint will go to Northmoor County Council.")).toBeInTheDocument();
    expect(await db.settings.get("councilId")).toEqual({ key: "councilId", value: "northmoor" });
  });

  it("keeps the very settings the page was drawn with when the device's council says the same (issue 9)", async () => {
    // A pre-rendered page hydrates with the default council (preview); the same settings read
    // afterwards must be the same object, so memoised pages are not drawn twice.
    const preview = JSON.parse(JSON.stringify(parseCouncilSettings("example-borough.json", exampleBorough))) as CouncilSettings;
    /** The state the provider, given the pre-rendered page's preview, settles on. */
    async function readyState(): Promise<CouncilState | undefined> {
      const seen: CouncilState[] = [];
      function Probe() {
        seen.push(useCouncil());
        return null;
      }
      render(
        <CouncilProvider preview={preview}>
          <Probe />
        </CouncilProvider>,
      );
      await waitFor(() => expect(seen.at(-1)?.status).toBe("ready"));
      return seen.at(-1);
    }
    const ready = await readyState();
    expect(ready?.status === "ready" && ready.council).toBe(preview);

    // Another council chosen on this device: its own settings, not the preview.
    cleanup();
    await db.settings.put({ key: "councilId", value: "northmoor" });
    const chosen = await readyState();
    expect(chosen?.status === "ready" && chosen.council.id).toBe("northmoor");
  });
});
