import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { CouncilProvider } from "./components/council-provider";
import { initI18n } from "./lib/i18n";
import { startOutboxSync } from "./lib/outbox-sync";
import { startAutoLock } from "./lib/pin-session";
import { listenForInstallPrompt, registerServiceWorker } from "./lib/pwa";
import { createRouter } from "./router";
import "./styles.css";

// The only module with start-up side effects (style.md layout).
async function start(): Promise<void> {
  await initI18n();
  const container = document.getElementById("root");
  if (!container) throw new Error("index.html has no #root element");
  createRoot(container).render(
    <StrictMode>
      <CouncilProvider>
        <RouterProvider router={createRouter()} />
      </CouncilProvider>
    </StrictMode>,
  );
  // The PIN key is dropped after 5 minutes hidden (drafts issue); Exit this page drops it at once.
  startAutoLock();
  // Anything saved on this phone and not sent yet goes now, and again when the connection comes back.
  startOutboxSync();
  // Offline app and updates that wait for "Update now" (issue 6); the "Add to home screen" hint.
  registerServiceWorker();
  listenForInstallPrompt();
}

void start();
