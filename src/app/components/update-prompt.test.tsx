import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from "vitest";
import { watchForUpdates, type ContainerLike, type RegistrationLike, type WorkerLike } from "../lib/pwa";
import { FLUSH_TIMEOUT_MS, saveBeforeUpdate } from "../lib/save-before-update";
import { reportStorageProblem } from "../lib/storage-health";
import { UpdatePrompt } from "./update-prompt";

const READY = "A new version of Speak Up is ready";

/** What happened, in order: drafts saved, SKIP_WAITING posted, page reloaded. */
let events: string[];

class FakeWorker extends EventTarget implements WorkerLike {
  state = "installed";
  readonly messages: unknown[] = [];
  postMessage(message: unknown): void {
    this.messages.push(message);
    events.push(`message ${JSON.stringify(message)}`);
  }
  moveTo(state: string): void {
    this.state = state;
    this.dispatchEvent(new Event("statechange"));
  }
}

class FakeRegistration extends EventTarget implements RegistrationLike {
  waiting: FakeWorker | null = null;
  installing: FakeWorker | null = null;
  readonly update = vi.fn(async () => undefined);
  /** The browser found a new version and installed it: it now waits. */
  install(worker = new FakeWorker()): FakeWorker {
    worker.state = "installing";
    this.installing = worker;
    this.dispatchEvent(new Event("updatefound"));
    this.installing = null;
    this.waiting = worker;
    worker.moveTo("installed");
    return worker;
  }
}

class FakeContainer extends EventTarget implements ContainerLike {
  controller: unknown = { scriptURL: "/sw.js" };
  /** The waiting version took over (this tab's Update now, or another tab's). */
  takeOver(): void {
    act(() => {
      this.dispatchEvent(new Event("controllerchange"));
    });
  }
}

let registration: FakeRegistration;
let container: FakeContainer;
let reload: Mock<() => void>;
let stops: Array<() => void>;

function watch(): void {
  act(() => {
    stops.push(watchForUpdates(registration, { container, reload }));
  });
}

function installNewVersion(): FakeWorker {
  let worker: FakeWorker | undefined;
  act(() => {
    worker = registration.install();
  });
  return worker!;
}

beforeEach(() => {
  events = [];
  stops = [];
  registration = new FakeRegistration();
  container = new FakeContainer();
  reload = vi.fn(() => {
    events.push("reload");
  });
});

afterEach(() => {
  act(() => {
    for (const stop of stops) stop();
  });
});

describe("Update prompt", () => {
  it("shows nothing while there is no new version", () => {
    watch();
    render(<UpdatePrompt />);
    expect(screen.queryByRole("region")).not.toBeInTheDocument();
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });

  it("shows a labelled banner with Update now and Later when a new version is waiting, and says so to screen readers", () => {
    watch();
    render(<UpdatePrompt />);
    // The status message is in the page before the update is found, so screen readers read the change.
    const status = screen.getByRole("status");
    expect(status).toBeEmptyDOMElement();
    installNewVersion();
    const banner = screen.getByRole("region", { name: READY });
    expect(banner).toContainElement(screen.getByRole("button", { name: "Update now" }));
    expect(banner).toContainElement(screen.getByRole("button", { name: "Later" }));
    expect(status).toHaveTextContent(READY);
    // It never takes focus away from what the person is doing.
    expect(banner).not.toContainElement(document.activeElement as HTMLElement);
  });

  it("says nothing on a first visit: the first version to install is no update (it passes through waiting with no controller)", () => {
    container.controller = null;
    watch();
    render(<UpdatePrompt />);
    installNewVersion();
    expect(screen.queryByRole("region")).not.toBeInTheDocument();
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
    // It then takes over by itself; a later version is an update.
    container.controller = { scriptURL: "/sw.js" };
    container.takeOver();
    installNewVersion();
    expect(screen.getByRole("region", { name: READY })).toBeInTheDocument();
  });

  it("says plainly when Update now does not take over in time, and keeps the page usable", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      act(() => {
        stops.push(watchForUpdates(registration, { container, reload, timeoutMs: 3000 }));
      });
      render(<UpdatePrompt />);
      installNewVersion();
      await userEvent.click(screen.getByRole("button", { name: "Update now" }));
      expect(screen.getByRole("region", { name: "Updating Speak Up" })).toBeInTheDocument();
      await act(async () => {
        await vi.advanceTimersByTimeAsync(3500);
      });
      const failed = screen.getByRole("region", { name: "Speak Up could not update" });
      expect(failed).toHaveTextContent("Nothing has changed and your writing is safe.");
      expect(reload).not.toHaveBeenCalled();
      // Try again asks the waiting version once more; Later hides it.
      expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
      await userEvent.click(screen.getByRole("button", { name: "Later" }));
      expect(screen.queryByRole("region")).not.toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it("shows the banner for a version that was already waiting when the page opened", () => {
    registration.waiting = new FakeWorker();
    watch();
    render(<UpdatePrompt />);
    expect(screen.getByRole("region", { name: READY })).toBeInTheDocument();
  });

  it("Update now saves every open draft first, then asks the new version to take over, and reloads only once it has", async () => {
    let finishSaving: () => void = () => undefined;
    const unregister = saveBeforeUpdate(async () => {
      events.push("saving");
      await new Promise<void>((resolve) => {
        finishSaving = resolve;
      });
      events.push("saved");
    });
    try {
      watch();
      render(<UpdatePrompt />);
      const worker = installNewVersion();
      await userEvent.click(screen.getByRole("button", { name: "Update now" }));
      expect(screen.getByRole("region", { name: "Updating Speak Up" })).toBeInTheDocument();
      // Still saving: nothing sent to the new version yet.
      expect(events).toEqual(["saving"]);
      await act(async () => finishSaving());
      await waitFor(() => expect(worker.messages).toEqual([{ type: "SKIP_WAITING" }]));
      expect(events).toEqual(["saving", "saved", 'message {"type":"SKIP_WAITING"}']);
      // Not reloaded until the new version controls the page.
      expect(reload).not.toHaveBeenCalled();
      container.takeOver();
      expect(reload).toHaveBeenCalledOnce();
    } finally {
      unregister();
    }
  });

  it("does not update when a draft could not be saved, so nothing typed is lost", async () => {
    let phoneFull = true;
    const unregister = saveBeforeUpdate(async () => {
      reportStorageProblem(phoneFull ? "quota-full" : "none");
    });
    try {
      watch();
      render(<UpdatePrompt />);
      const worker = installNewVersion();
      await userEvent.click(screen.getByRole("button", { name: "Update now" }));
      expect(await screen.findByRole("region", { name: "Speak Up has not updated yet" })).toBeInTheDocument();
      expect(worker.messages).toEqual([]);
      expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
      // Space was made on the phone: Try again saves, then updates.
      phoneFull = false;
      await userEvent.click(screen.getByRole("button", { name: "Try again" }));
      await waitFor(() => expect(worker.messages).toEqual([{ type: "SKIP_WAITING" }]));
    } finally {
      unregister();
    }
  });

  it.each([
    ["this tab", () => installNewVersion()],
    ["another tab updated", () => container.takeOver()],
  ])("does not reload when a save never finishes (%s), so its words are not lost", async (_name, arrive) => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const unregister = saveBeforeUpdate(() => new Promise(() => undefined));
    try {
      watch();
      render(<UpdatePrompt />);
      const worker = registration.waiting;
      arrive();
      await userEvent.click(screen.getByRole("button", { name: /^(Update now|Open the page again)$/ }));
      await act(async () => {
        await vi.advanceTimersByTimeAsync(FLUSH_TIMEOUT_MS + 1_000);
      });
      expect(screen.getByRole("region", { name: "Speak Up has not updated yet" })).toBeInTheDocument();
      expect(registration.waiting?.messages ?? worker?.messages ?? []).toEqual([]);
      await act(async () => {
        await vi.advanceTimersByTimeAsync(60_000);
      });
      expect(reload).not.toHaveBeenCalled();
    } finally {
      unregister();
      vi.useRealTimers();
    }
  });

  it("Later hides it, keeps focus in the page, and never reloads", async () => {
    watch();
    render(
      <main tabIndex={-1}>
        <UpdatePrompt />
      </main>,
    );
    const worker = installNewVersion();
    await userEvent.click(screen.getByRole("button", { name: "Later" }));
    expect(screen.queryByRole("region", { name: READY })).not.toBeInTheDocument();
    expect(screen.getByRole("main")).toHaveFocus();
    expect(worker.messages).toEqual([]);
    // Checking again (the app shown again) finds the same version: still hidden.
    act(() => {
      document.dispatchEvent(new Event("visibilitychange"));
    });
    expect(registration.update).toHaveBeenCalled();
    expect(screen.queryByRole("region", { name: READY })).not.toBeInTheDocument();
    expect(reload).not.toHaveBeenCalled();
  });

  it("comes back for a newer version after Later", async () => {
    watch();
    render(<UpdatePrompt />);
    const first = installNewVersion();
    await userEvent.click(screen.getByRole("button", { name: "Later" }));
    act(() => first.moveTo("redundant"));
    installNewVersion();
    expect(screen.getByRole("region", { name: READY })).toBeInTheDocument();
  });

  it("is reachable with the keyboard, and Enter on Update now updates", async () => {
    watch();
    render(
      <>
        <a href="#main">Skip to main content</a>
        <main id="main">
          <UpdatePrompt />
        </main>
      </>,
    );
    const worker = installNewVersion();
    const user = userEvent.setup();
    await user.tab();
    await user.tab();
    expect(screen.getByRole("button", { name: "Update now" })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole("button", { name: "Later" })).toHaveFocus();
    await user.tab({ shift: true });
    await user.keyboard("{Enter}");
    await waitFor(() => expect(worker.messages).toEqual([{ type: "SKIP_WAITING" }]));
    // The button has gone: focus stays on the banner's heading, not lost.
    expect(screen.getByRole("heading", { name: "Updating Speak Up" })).toHaveFocus();
  });

  it("in another tab: not reloaded when one tab updates, but asked to open the page again", async () => {
    let saved = 0;
    const unregister = saveBeforeUpdate(async () => {
      saved += 1;
    });
    try {
      watch();
      render(<UpdatePrompt />);
      installNewVersion();
      // The other tab pressed Update now: the new version takes over this tab too.
      container.takeOver();
      expect(reload).not.toHaveBeenCalled();
      const banner = screen.getByRole("region", { name: "Speak Up has been updated" });
      expect(banner).toHaveTextContent("Speak Up was updated in another tab.");
      expect(screen.getByRole("status")).toHaveTextContent("Speak Up has been updated");
      await userEvent.click(screen.getByRole("button", { name: "Open the page again" }));
      await waitFor(() => expect(reload).toHaveBeenCalledOnce());
      expect(saved).toBe(1);
    } finally {
      unregister();
    }
  });

  it("in another tab: Later keeps the old version running until the person chooses", async () => {
    watch();
    render(<UpdatePrompt />);
    installNewVersion();
    container.takeOver();
    await userEvent.click(screen.getByRole("button", { name: "Later" }));
    expect(screen.queryByRole("region")).not.toBeInTheDocument();
    expect(reload).not.toHaveBeenCalled();
  });

  it("on a first visit, the new service worker taking the page is no update", () => {
    container.controller = null;
    watch();
    render(<UpdatePrompt />);
    container.takeOver();
    expect(screen.queryByRole("region")).not.toBeInTheDocument();
    expect(reload).not.toHaveBeenCalled();
  });

  it("checks for a new version when the app is shown again and every hour", () => {
    vi.useFakeTimers();
    try {
      watch();
      expect(registration.update).not.toHaveBeenCalled();
      vi.advanceTimersByTime(60 * 60 * 1000);
      expect(registration.update).toHaveBeenCalledTimes(1);
      document.dispatchEvent(new Event("visibilitychange"));
      expect(registration.update).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
