import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "../lib/db";
import { HOME_SCREEN_NOTICE_KEY, NOTICE_HIDDEN_DAYS } from "../lib/notice-dismissal";
import { listenForInstallPrompt } from "../lib/pwa";
import { askToPersist, resetStoragePersistenceForTests } from "../lib/storage-persistence";
import { InstallHint } from "./install-hint";

const PHONE = "Add Speak Up to your home screen";
const COMPUTER = "Install Speak Up on this computer";
const DAY_MS = 24 * 60 * 60 * 1000;

/** Chromium's `beforeinstallprompt`, with the person's answer to the browser's prompt. */
function installPromptEvent(outcome: "accepted" | "dismissed" = "accepted") {
  const event = new Event("beforeinstallprompt", { cancelable: true });
  const prompt = vi.fn(async () => undefined);
  Object.assign(event, { prompt, userChoice: Promise.resolve({ outcome }) });
  return { event, prompt };
}

/** What the device's media queries say: installed or not, a touch screen or a mouse. */
function device({ standalone = false, touch = true }: { standalone?: boolean; touch?: boolean } = {}) {
  Object.defineProperty(window, "matchMedia", {
    configurable: true,
    value: (query: string) => ({
      matches: (standalone && query === "(display-mode: standalone)") || (touch && query === "(pointer: coarse)"),
      media: query,
    }),
  });
}

function offerInstall() {
  const offered = installPromptEvent();
  act(() => {
    window.dispatchEvent(offered.event);
  });
  return offered;
}

async function browserWillNotKeepData() {
  Object.defineProperty(navigator, "storage", { value: { persisted: async () => false, persist: async () => false }, configurable: true });
  await act(async () => {
    await askToPersist();
  });
}

let stop: () => void;
beforeEach(async () => {
  device();
  window.localStorage.clear();
  await db.settings.clear();
  resetStoragePersistenceForTests();
  stop = listenForInstallPrompt(window);
});
afterEach(() => {
  act(() => stop());
  Reflect.deleteProperty(navigator, "storage");
});

describe("the one message about keeping Speak Up on this device", () => {
  it("is not shown where the browser neither offers to install nor refuses to keep the drafts", () => {
    render(<InstallHint />);
    expect(screen.queryByRole("region")).not.toBeInTheDocument();
  });

  it("explains in plain words and shows the browser's prompt when the button is pressed", async () => {
    render(<InstallHint />);
    const { event, prompt } = offerInstall();
    // The browser's own mini banner is held back: the hint's button shows the prompt instead.
    expect(event.defaultPrevented).toBe(true);
    const hint = screen.getByRole("region", { name: PHONE });
    expect(hint).toHaveTextContent("Then your phone keeps your drafts safe, and Speak Up opens without the internet.");
    await userEvent.click(screen.getByRole("button", { name: "Add to home screen" }));
    expect(prompt).toHaveBeenCalledOnce();
    // The prompt can be shown only once: the hint goes.
    expect(screen.queryByRole("region", { name: PHONE })).not.toBeInTheDocument();
  });

  it("never says phone on a computer", () => {
    device({ touch: false });
    render(<InstallHint />);
    offerInstall();
    const hint = screen.getByRole("region", { name: COMPUTER });
    expect(hint).toHaveTextContent("Then this computer keeps your drafts safe");
    expect(hint).not.toHaveTextContent(/phone/i);
    expect(screen.getByRole("button", { name: "Install Speak Up" })).toBeInTheDocument();
  });

  it("is one message, not two, when the browser both offers to install and will not keep the drafts", async () => {
    render(<InstallHint />);
    offerInstall();
    await browserWillNotKeepData();
    expect(screen.getAllByRole("region")).toHaveLength(1);
  });

  it("says how to add it from the browser's menu when the browser will not keep the drafts and offers no button", async () => {
    render(<InstallHint />);
    await browserWillNotKeepData();
    const hint = screen.getByRole("region", { name: PHONE });
    expect(hint).toHaveTextContent("Open your browser's menu and choose Add to Home screen or Install app.");
    expect(screen.queryByRole("button", { name: "Add to home screen" })).not.toBeInTheDocument();
  });

  it("Not now hides it on this device for 30 days, and it comes back after", async () => {
    const view = render(<InstallHint />);
    offerInstall();
    await userEvent.click(screen.getByRole("button", { name: "Not now" }));
    expect(screen.queryByRole("region", { name: PHONE })).not.toBeInTheDocument();
    view.unmount();

    // The next visit: the browser offers again, and the hint stays hidden.
    act(() => stop());
    stop = listenForInstallPrompt(window);
    const again = render(<InstallHint />);
    offerInstall();
    expect(screen.queryByRole("region", { name: PHONE })).not.toBeInTheDocument();
    again.unmount();

    // 30 days and a moment later, it is offered once more.
    const hiddenAt = Number(window.localStorage.getItem(HOME_SCREEN_NOTICE_KEY));
    window.localStorage.setItem(HOME_SCREEN_NOTICE_KEY, String(hiddenAt - NOTICE_HIDDEN_DAYS * DAY_MS - 1000));
    render(<InstallHint />);
    expect(screen.getByRole("region", { name: PHONE })).toBeInTheDocument();
  });

  it("is not shown when Speak Up already runs from the home screen", () => {
    device({ standalone: true });
    render(<InstallHint />);
    offerInstall();
    expect(screen.queryByRole("region", { name: PHONE })).not.toBeInTheDocument();
  });

  it("goes when the app is installed from the browser's menu", () => {
    render(<InstallHint />);
    offerInstall();
    expect(screen.getByRole("region", { name: PHONE })).toBeInTheDocument();
    act(() => {
      window.dispatchEvent(new Event("appinstalled"));
    });
    expect(screen.queryByRole("region", { name: PHONE })).not.toBeInTheDocument();
  });
});
