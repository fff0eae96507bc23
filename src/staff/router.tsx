import type { RouteObject } from "react-router";
import { RequireSession, StaffLayout, StaffNotFound } from "./components/staff-layout";
import { AuditPage } from "./pages/audit-page";
import { CasePage } from "./pages/case-page";
import { InboxPage } from "./pages/inbox-page";
import { RecordEventPage } from "./pages/record-event-page";
import { AnnualReportPage, ExportsPage } from "./pages/reports-pages";
import { SetupPage } from "./pages/setup-page";
import { SignedOutPage, SignInPage } from "./pages/sign-in-page";
import { InvitePage, RemoveAccountPage, TeamPage } from "./pages/team-pages";

/** Every staff page, under the /staff basename (main.tsx). Staff use a desktop on a council network: one bundle, no lazy pages. */
export const staffRoutes: RouteObject[] = [
  {
    element: <StaffLayout />,
    children: [
      { path: "/sign-in", element: <SignInPage /> },
      { path: "/setup", element: <SetupPage /> },
      { path: "/signed-out", element: <SignedOutPage /> },
      {
        element: <RequireSession />,
        children: [
          { path: "/", element: <InboxPage /> },
          { path: "/complaints/:reference", element: <CasePage /> },
          { path: "/complaints/:reference/record/:type", element: <RecordEventPage /> },
          { path: "/team", element: <TeamPage /> },
          { path: "/team/invite", element: <InvitePage /> },
          { path: "/team/:id/remove", element: <RemoveAccountPage /> },
          { path: "/audit", element: <AuditPage /> },
          { path: "/exports", element: <ExportsPage /> },
          { path: "/report", element: <AnnualReportPage /> },
          { path: "*", element: <StaffNotFound /> },
        ],
      },
    ],
  },
];
