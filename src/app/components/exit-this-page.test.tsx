import { act, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EXIT_URL, ExitThisPage } from "./exit-this-page";

afterEach(() => {
  vi.useRealTimers();
  document.body.classList.remove("exiting");
});

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

  it("tells screen-reader users about the Shift shortcut", () => {
    render(<ExitThisPage navigate={vi.fn()} />);
    expect(screen.getByRole("button", { name: "Exit this page" })).toHaveAccessibleDescription(
      "Press Shift 3 times to leave this page quickly.",
    );
  });

  it("leaves when Shift is pressed 3 times within 5 seconds", () => {
    vi.useFakeTimers();
    const navigate = vi.fn();
    render(<ExitThisPage navigate={navigate} />);
    act(() => {
      fireEvent.keyDown(document, { key: "Shift" });
      vi.advanceTimersByTime(2000);
      fireEvent.keyDown(document, { key: "Shift" });
      vi.advanceTimersByTime(2000);
      fireEvent.keyDown(document, { key: "Shift" });
    });
    expect(navigate).toHaveBeenCalledWith(EXIT_URL);
  });

  it("does not leave when the presses are spread over more than 5 seconds, or the key is held down", () => {
    vi.useFakeTimers();
    const navigate = vi.fn();
    render(<ExitThisPage navigate={navigate} />);
    act(() => {
      fireEvent.keyDown(document, { key: "Shift" });
      vi.advanceTimersByTime(3000);
      fireEvent.keyDown(document, { key: "Shift" });
      vi.advanceTimersByTime(3000);
      fireEvent.keyDown(document, { key: "Shift" });
      fireEvent.keyDown(document, { key: "Shift", repeat: true });
      fireEvent.keyDown(document, { key: "a" });
    });
    expect(navigate).not.toHaveBeenCalled();
  });
});
