import { act, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { carryOn, hasExited } from "../lib/exit-state";
import { EXIT_URL, ExitThisPage } from "./exit-this-page";

afterEach(() => {
  vi.useRealTimers();
  document.body.classList.remove("exiting");
  carryOn();
});

/** Shift pressed and released on its own. */
function pressShift() {
  fireEvent.keyDown(document, { key: "Shift", shiftKey: true });
  fireEvent.keyUp(document, { key: "Shift" });
}

describe("Exit this page", () => {
  it("leaves for a neutral site with the button, hiding the page and calling onExit first", async () => {
    const navigate = vi.fn();
    const onExit = vi.fn();
    render(<ExitThisPage navigate={navigate} onExit={onExit} />);
    await userEvent.click(screen.getByRole("button", { name: "Exit this page" }));
    expect(onExit).toHaveBeenCalledOnce();
    expect(navigate).toHaveBeenCalledWith(EXIT_URL);
    expect(document.body).toHaveClass("exiting");
    expect(screen.getByRole("status")).toHaveTextContent("Leaving this page now.");
  });

  it("remembers the exit for this tab before leaving, so a return shows the neutral page", async () => {
    const navigate = vi.fn(() => {
      expect(hasExited()).toBe(true);
      expect(window.sessionStorage.getItem("speakup:exited")).toBe("1");
    });
    render(<ExitThisPage navigate={navigate} />);
    await userEvent.click(screen.getByRole("button", { name: "Exit this page" }));
    expect(navigate).toHaveBeenCalledOnce();
  });

  it("shows the page again when the browser brings it back from its back-forward cache", async () => {
    render(<ExitThisPage navigate={vi.fn()} />);
    await userEvent.click(screen.getByRole("button", { name: "Exit this page" }));
    act(() => {
      window.dispatchEvent(new PageTransitionEvent("pageshow", { persisted: true }));
    });
    expect(document.body).not.toHaveClass("exiting");
    expect(screen.getByRole("status")).toHaveTextContent("");
    // The neutral page stays until Carry on.
    expect(hasExited()).toBe(true);
  });

  it("tells screen-reader users about the Shift shortcut", () => {
    render(<ExitThisPage navigate={vi.fn()} />);
    expect(screen.getByRole("button", { name: "Exit this page" })).toHaveAccessibleDescription("Press Shift 3 times to leave this page quickly.");
  });

  it("does not count a Shift held to type capitals, or Shift with Tab", async () => {
    const navigate = vi.fn();
    render(<ExitThisPage navigate={navigate} />);
    // Shift is held down for each capital and the colon, as a person types it.
    await userEvent.keyboard("{Shift>}S{/Shift}he said{Shift>}:{/Shift} {Shift>}I{/Shift} {Shift>}M{/Shift}iss {Shift>}N{/Shift}ana");
    await userEvent.keyboard("{Shift>}{Tab}{/Shift}{Shift>}{Tab}{/Shift}{Shift>}{Tab}{/Shift}");
    expect(navigate).not.toHaveBeenCalled();
    expect(screen.getByRole("status")).toHaveTextContent("");
  });

  it("does not count a Shift held for Shift+click", async () => {
    const navigate = vi.fn();
    const user = userEvent.setup();
    render(<ExitThisPage navigate={navigate} />);
    for (let i = 0; i < 3; i++) {
      await user.keyboard("{Shift>}");
      await user.pointer({ keys: "[MouseLeft]", target: document.body });
      await user.keyboard("{/Shift}");
    }
    expect(navigate).not.toHaveBeenCalled();
  });

  it("leaves when Shift is pressed 3 times within 5 seconds, saying how many presses are left", () => {
    vi.useFakeTimers();
    const navigate = vi.fn();
    render(<ExitThisPage navigate={navigate} />);
    const status = screen.getByRole("status");
    act(() => pressShift());
    expect(status).toHaveTextContent("Shift, press 2 more times to exit.");
    act(() => vi.advanceTimersByTime(2000));
    act(() => pressShift());
    expect(status).toHaveTextContent("Shift, press 1 more time to exit.");
    act(() => vi.advanceTimersByTime(2000));
    act(() => pressShift());
    expect(navigate).toHaveBeenCalledWith(EXIT_URL);
    expect(status).toHaveTextContent("Leaving this page now.");
  });

  it("counts a Shift held down (key repeat) as one press", () => {
    const navigate = vi.fn();
    render(<ExitThisPage navigate={navigate} />);
    act(() => {
      fireEvent.keyDown(document, { key: "Shift", shiftKey: true });
      fireEvent.keyDown(document, { key: "Shift", shiftKey: true, repeat: true });
      fireEvent.keyDown(document, { key: "Shift", shiftKey: true, repeat: true });
      fireEvent.keyUp(document, { key: "Shift" });
      pressShift();
    });
    expect(navigate).not.toHaveBeenCalled();
    expect(screen.getByRole("status")).toHaveTextContent("Shift, press 1 more time to exit.");
  });

  it("starts again after 5 seconds, and says so", () => {
    vi.useFakeTimers();
    const navigate = vi.fn();
    render(<ExitThisPage navigate={navigate} />);
    act(() => pressShift());
    act(() => vi.advanceTimersByTime(3000));
    act(() => pressShift());
    act(() => vi.advanceTimersByTime(2000));
    expect(screen.getByRole("status")).toHaveTextContent("Exit this page timed out.");
    act(() => pressShift());
    expect(navigate).not.toHaveBeenCalled();
    expect(screen.getByRole("status")).toHaveTextContent("Shift, press 2 more times to exit.");
  });

  it("starts again when any other key is pressed between presses", () => {
    const navigate = vi.fn();
    render(<ExitThisPage navigate={navigate} />);
    act(() => {
      pressShift();
      pressShift();
      fireEvent.keyDown(document, { key: "a" });
      fireEvent.keyUp(document, { key: "a" });
    });
    expect(screen.getByRole("status")).toHaveTextContent("");
    act(() => pressShift());
    expect(navigate).not.toHaveBeenCalled();
    expect(screen.getByRole("status")).toHaveTextContent("Shift, press 2 more times to exit.");
  });
});
