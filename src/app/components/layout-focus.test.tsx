import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useEffect, useState } from "react";
import { createMemoryRouter, Link, RouterProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { exampleBorough } from "../../../test/setup/render-app";
import { CouncilProvider } from "./council-provider";
import { Layout } from "./layout";
import { LoadingPage } from "./status-pages";

/** A page that says it is loading until `ready` resolves (its draft being read, its code arriving), then draws its heading. */
function SlowPage({ ready }: { ready: Promise<void> }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    void ready.then(() => setShown(true));
  }, [ready]);
  return shown ? <h1>Second page</h1> : <LoadingPage />;
}

function renderPages() {
  let release = () => {};
  const ready = new Promise<void>((resolve) => (release = resolve));
  const router = createMemoryRouter(
    [
      {
        element: <Layout />,
        children: [
          {
            path: "/first",
            element: (
              <>
                <h1>First page</h1>
                <Link to="/second">Continue</Link>
              </>
            ),
          },
          { path: "/second", element: <SlowPage ready={ready} /> },
          // The help links' page, reached from outside main.
          { path: "/words", element: <SlowPage ready={ready} /> },
        ],
      },
    ],
    { initialEntries: ["/first"] },
  );
  render(
    <CouncilProvider initial={exampleBorough}>
      <RouterProvider router={router} />
    </CouncilProvider>,
  );
  return { release };
}

describe("focus after moving to a page that is still loading", () => {
  it("goes to the page's heading once it is drawn", async () => {
    const { release } = renderPages();
    await userEvent.click(await screen.findByRole("link", { name: "Continue" }));
    expect(await screen.findByText("Loading…")).toBeInTheDocument();
    release();
    expect(await screen.findByRole("heading", { level: 1, name: "Second page" })).toHaveFocus();
  });

  it("goes to the heading after a link outside main too (the help links)", async () => {
    const { release } = renderPages();
    await screen.findByRole("heading", { level: 1, name: "First page" });
    await userEvent.click(screen.getByRole("link", { name: "Words you might not know" }));
    expect(await screen.findByText("Loading…")).toBeInTheDocument();
    release();
    expect(await screen.findByRole("heading", { level: 1, name: "Second page" })).toHaveFocus();
  });

  it("stays where the person moved it while the page was loading", async () => {
    const { release } = renderPages();
    await userEvent.click(await screen.findByRole("link", { name: "Continue" }));
    expect(await screen.findByText("Loading…")).toBeInTheDocument();
    const exit = screen.getByRole("button", { name: "Exit this page" });
    exit.focus();
    release();
    await screen.findByRole("heading", { level: 1, name: "Second page" });
    expect(exit).toHaveFocus();
  });
});
