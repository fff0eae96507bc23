import { createBrowserRouter } from "react-router";
import { Layout } from "./components/layout";
import { NotFoundPage } from "./components/status-pages";
import { CouncilRoute } from "./routes/council-route";
import { GlossaryRoute, WhatHappensRoute } from "./routes/info-routes";
import { StartRoute } from "./routes/start-route";
import { ConfirmationRoute, StepRoute } from "./routes/wizard-routes";

export const routes = [
  {
    element: <Layout />,
    children: [
      { path: "/", element: <StartRoute /> },
      { path: "/council", element: <CouncilRoute /> },
      { path: "/complaint/sent/:reference", element: <ConfirmationRoute /> },
      { path: "/complaint/:stepId", element: <StepRoute /> },
      { path: "/what-happens", element: <WhatHappensRoute /> },
      { path: "/words", element: <GlossaryRoute /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
