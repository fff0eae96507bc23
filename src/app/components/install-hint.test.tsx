import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { listenForInstallPrompt } from "../lib/pwa";
import { InstallHint } from "./install-hint";

const HEADING = "Add Speak Up to your home screen";

/** Chromium's `beforeinstallprompt`, with the person's answer to the browser's prompt. */
function installPromptEvent(outcome: "accepted" | "dismissed" = "accepted") {
  const event = new Event("beforeinstallprompt", { cancelable: true });
  const prompt = vi.fn(async () => undefined);
  Object.assign(event, { prompt, userChoice: Promise.resolve({ outcome }) });
  return { event, prompt };
}

function standalone(matches: boolean) {
  Object.defineProperty(window, "matchMedia", {
    configurable: true,
    value: (query: string) => ({ matches: matches && query === "(display-mode: standalone)", media: query }),
  });
}

let stop: () => void;
beforeEach(() => {
  standalone(false);
  stop = listenForInstallPrompt(window);
});
afterEach(() => {
  act(() => stop());
});

describe("Add to home screen hint", () => {
  it("is not shown where the browser does not offer to install", () => {
    render(<InstallHint />);
    expect(screen.queryByRole("region")).not.toBeInTheDocument();
  });

  it("explains in plain words and shows the browser's prompt when the button is pressed", async () => {
    render(<InstallHint />);
    const { event, prompt } = installPromptEvent();
    act(() => {
      window.dispatchEvent(event);
    });
    // The browser's own mini banner is held back: the hint's button shows the prompt instead.
    expect(event.defaultPrevented).toBe(true);
    const hint = screen.getByRole("region", { name: HEADING });
    expect(hint).toHaveTextContent("Your phone will keep your drafts safe and it opens without internet.");
    expect(screen.getByRole("heading", { level: 2, name: HEADING })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Add to home screen" }));
    expect(prompt).toHaveBeenCalledOnce();
    // The prompt can be shown only once: the hint goes.
    expect(screen.queryByRole("region", { name: HEADING })).not.toBeInTheDocument();
  });

  it("Not now hides it for the rest of the visit, on every page that shows it", async () => {
    const view = render(<InstallHint headingLevel={3} />);
    act(() => {
      window.dispatchEvent(installPromptEvent().event);
    });
    expect(screen.getByRole("heading", { level: 3, name: HEADING })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Not now" }));
    expect(screen.queryByRole("region", { name: HEADING })).not.toBeInTheDocument();
    view.unmount();
    render(<InstallHint />);
    expect(screen.queryByRole("region", { name: HEADING })).not.toBeInTheDocument();
  });

  it("is not shown when Speak Up already runs from the home screen", () => {
    standalone(true);
    render(<InstallHint />);
    act(() => {
      window.dispatchEvent(installPromptEvent().event);
    });
    expect(screen.queryByRole("region", { name: HEADING })).not.toBeInTheDocument();
  });

  it("goes when the app is installed from the browser's menu", () => {
    render(<InstallHint />);
    act(() => {
      window.dispatchEvent(installPromptEvent().event);
    });
    expect(screen.getByRole("region", { name: HEADING })).toBeInTheDocument();
    act(() => {
      window.dispatchEvent(new Event("appinstalled"));
    });
    expect(screen.queryByRole("region", { name: HEADING })).not.toBeInTheDocument();
  });
});
