import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { Deferred } from "./deferred";

/** The next task: everything already queued as a task, and the microtasks after it, have run. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe("Deferred", () => {
  it("draws its placeholder, then what it loaded", async () => {
    render(<Deferred load={() => Promise.resolve(() => <p>Loaded</p>)} placeholder={<p>Waiting</p>} />);
    expect(screen.getByText("Waiting")).toBeTruthy();
    expect(await screen.findByText("Loaded")).toBeTruthy();
    expect(screen.queryByText("Waiting")).toBeNull();
  });

  it("keeps the placeholder when loading fails", async () => {
    const load = vi.fn(() => Promise.reject(new Error("offline")));
    render(<Deferred load={load} placeholder={<p>Waiting</p>} />);
    await vi.waitFor(() => expect(load).toHaveBeenCalled());
    await nextTask();
    expect(screen.getByText("Waiting")).toBeTruthy();
  });

  // Issue 9: every deferred part starting in the commit that drew the page made one long task.
  it("starts each load in a task of its own, after the page is drawn", async () => {
    // Whether the task that started the first load is still running.
    let inFirstLoadsTask = false;
    const first = vi.fn(() => {
      inFirstLoadsTask = true;
      setTimeout(() => (inFirstLoadsTask = false), 0);
      return Promise.resolve(() => <p>First</p>);
    });
    const second = vi.fn(() => {
      expect(inFirstLoadsTask).toBe(false);
      return Promise.resolve(() => <p>Second</p>);
    });
    render(
      <>
        <Deferred load={first} />
        <Deferred load={second} />
      </>,
    );
    expect(first).not.toHaveBeenCalled();
    expect(second).not.toHaveBeenCalled();
    expect(await screen.findByText("Second")).toBeTruthy();
    expect(screen.getByText("First")).toBeTruthy();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it("does not load a part that left the page before its turn", async () => {
    const load = vi.fn(() => Promise.resolve(() => <p>Loaded</p>));
    const drawn = render(<Deferred load={load} />);
    drawn.unmount();
    await nextTask();
    await nextTask();
    expect(load).not.toHaveBeenCalled();
  });
});
