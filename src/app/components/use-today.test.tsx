import { Profiler, useEffect } from "react";
import { hydrateRoot, type Root } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FirstRenderProvider } from "./first-render";
import { useToday } from "./use-today";

const BUILD_DAY = "2026-11-20";

function Today() {
  return <p>{useToday()}</p>;
}

/** True while React runs the hydrated page's effects, until the task that runs them has finished its script. */
let inEffectsTask = false;
function EffectsTaskMarker() {
  useEffect(() => {
    inEffectsTask = true;
    queueMicrotask(() => {
      inEffectsTask = false;
    });
  }, []);
  return null;
}

describe("useToday (issue 9: the day after a build)", () => {
  let root: Root | undefined;
  afterEach(() => {
    root?.unmount();
    root = undefined;
    document.body.innerHTML = "";
    vi.useRealTimers();
  });

  it("hydrates with the build day, then shows the real day in a later task, not in the one that puts the page on screen", async () => {
    // Only Date is faked: React's scheduler keeps its real timers.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-02T10:00:00Z"));
    const app = (onDraw: (phase: string) => void) => (
      <FirstRenderProvider day={BUILD_DAY}>
        <Profiler id="today" onRender={(_id, phase) => onDraw(phase)}>
          <Today />
        </Profiler>
        <EffectsTaskMarker />
      </FirstRenderProvider>
    );
    const container = document.createElement("div");
    document.body.append(container);
    container.innerHTML = renderToString(app(() => {}));
    expect(container.textContent).toBe(BUILD_DAY);

    const draws: { phase: string; inEffectsTask: boolean; shown: string }[] = [];
    const errors: unknown[] = [];
    root = hydrateRoot(
      container,
      app((phase) => draws.push({ phase, inEffectsTask, shown: container.textContent ?? "" })),
      { onRecoverableError: (error) => errors.push(error) },
    );
    await vi.waitFor(() => expect(container.textContent).toBe("2026-12-02"));
    expect(errors).toEqual([]);
    expect(draws[0]).toMatchObject({ phase: "mount", shown: BUILD_DAY });
    const redraws = draws.slice(1);
    expect(redraws.length).toBeGreaterThan(0);
    // A redraw forced from the effects (useSyncExternalStore with the build day as its server
    // answer) happens inside that task, before the browser may do anything else.
    expect(redraws.filter((draw) => draw.inEffectsTask)).toEqual([]);
  });

  it("is the real day at once on a page drawn in the browser", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-02T10:00:00Z"));
    const container = document.createElement("div");
    document.body.append(container);
    container.innerHTML = renderToString(
      <FirstRenderProvider day={undefined}>
        <Today />
      </FirstRenderProvider>,
    );
    expect(container.textContent).toBe("2026-12-02");
  });
});
