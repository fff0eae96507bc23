import { cleanup, render, screen } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, describe, expect, it } from "vitest";
import northmoor from "../../../../test/fixtures/councils/northmoor.json";
import { parseCouncilSettings } from "../../../domain/council";
import { CouncilProvider } from "../../components/council-provider";
import { draftRepository } from "../../lib/draft-repository";
import { hasStoredData } from "../../lib/stored-data";
import { routes } from "../../router";

const council = parseCouncilSettings("northmoor.json", northmoor);

afterEach(() => {
  cleanup();
});

describe("the start page on a first visit (nothing stored on the device)", () => {
  it("offers Start without making the drafts' database, and shows Carry on once a draft started in another tab and this one is looked at again", async () => {
    expect(await hasStoredData()).toBe(false);
    render(
      <CouncilProvider initial={council}>
        <RouterProvider router={createMemoryRouter(routes, { initialEntries: ["/"] })} />
      </CouncilProvider>,
    );
    expect(await screen.findByRole("button", { name: "Start now" })).toBeEnabled();
    expect(await hasStoredData()).toBe(false);

    // Another tab starts a draft; this tab is looked at again.
    await draftRepository().create(council.id);
    window.dispatchEvent(new Event("focus"));
    expect(await screen.findByRole("button", { name: "Carry on with your complaint" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Start now" })).toBeNull();
  });
});
