import { createBrowserRouter } from "react-router";
import { Layout } from "./components/layout";
import { LoadFailedPage, NotFoundPage } from "./components/status-pages";
import { ComplaintRoute, ComplaintsRoute, DeleteWaitingRoute, NextStageRoute } from "./routes/complaints-routes";
import { CouncilRoute } from "./routes/council-route";
import { DeleteDraftRoute, DraftsRoute, RenameDraftRoute } from "./routes/drafts-routes";
import { GlossaryRoute, WhatHappensRoute } from "./routes/info-routes";
import { DeleteEverythingRoute, PinOfferRoute, SetPinRoute, SettingsRoute, UnlockRoute } from "./routes/settings-routes";
import { StartRoute } from "./routes/start-route";
import { ConfirmationRoute, StepRoute } from "./routes/wizard-routes";

export const routes = [
  {
    element: <Layout />,
    children: [
      {
        // A page that fails while drawing shows "Sorry, something went wrong" inside the layout,
        // so Exit this page and the help links stay.
        errorElement: <LoadFailedPage retry={() => window.location.reload()} />,
        children: [
      { path: "/", element: <StartRoute /> },
      { path: "/council", element: <CouncilRoute /> },
      { path: "/drafts", element: <DraftsRoute /> },
      { path: "/drafts/:id/rename", element: <RenameDraftRoute /> },
      { path: "/drafts/:id/delete", element: <DeleteDraftRoute /> },
      { path: "/complaint/sent/:reference", element: <ConfirmationRoute /> },
      { path: "/complaints", element: <ComplaintsRoute /> },
      { path: "/complaints/waiting/:id/delete", element: <DeleteWaitingRoute /> },
      { path: "/complaints/:reference", element: <ComplaintRoute /> },
      { path: "/complaints/:reference/next-stage", element: <NextStageRoute /> },
      { path: "/complaint/:stepId", element: <StepRoute /> },
      { path: "/settings", element: <SettingsRoute /> },
      { path: "/settings/pin", element: <SetPinRoute /> },
      { path: "/settings/shared-phone", element: <PinOfferRoute /> },
      { path: "/settings/delete-everything", element: <DeleteEverythingRoute /> },
      { path: "/unlock", element: <UnlockRoute /> },
      { path: "/what-happens", element: <WhatHappensRoute /> },
      { path: "/words", element: <GlossaryRoute /> },
      { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
