import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router";
import "../app/styles.css";
import { initStaffI18n } from "./lib/staff-words";
import { StaffSessionProvider } from "./lib/staff-session";
import { staffRoutes } from "./router";
import "./staff.css";

// The staff area's only module with start-up side effects: words, then the pages. No service
// worker: staff pages are never kept offline (docs/decisions/017-staff-area-bundle.md).
async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) throw new Error("src/staff/index.html has no #root element");
  await initStaffI18n();
  const router = createBrowserRouter(staffRoutes, { basename: "/staff" });
  createRoot(container).render(
    <StrictMode>
      <StaffSessionProvider>
        <RouterProvider router={router} />
      </StaffSessionProvider>
    </StrictMode>,
  );
}

void start();
