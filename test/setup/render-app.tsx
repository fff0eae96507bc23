import { render } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import councilFile from "../../test/fixtures/councils/example-borough.json";
import { CouncilProvider } from "../../src/app/components/council-provider";
import { routes } from "../../src/app/router";
import { parseCouncilSettings, type CouncilSettings } from "../../src/domain/council";

/** The default council's settings, as the app loads them. */
export const exampleBorough: CouncilSettings = parseCouncilSettings("example-borough.json", councilFile);

/** The whole app (every route, in its layout) at `path`, with `council`'s settings already loaded. Returns the router to check where it went. */
export function renderAt(path: string, council: CouncilSettings = exampleBorough) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <CouncilProvider initial={council}>
      <RouterProvider router={router} />
    </CouncilProvider>,
  );
  return router;
}
