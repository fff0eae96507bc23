import { act, Profiler, Suspense, useState, type ReactElement } from "react";
import { createRoot, hydrateRoot, type Root } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { FirstRenderProvider, useDrawnAfterHydration } from "./first-render";

const BUILD_DAY = "2026-12-01";

function Drawn({ label }: { label: string }) {
  const after = useDrawnAfterHydration();
  return <p data-label={label}>{after ? "drawn after" : "drawn while hydrating"}</p>;
}

function Page({ onDraw }: { onDraw: () => void }) {
  const [more, setMore] = useState(false);
  return (
    <>
      <Profiler id="page" onRender={onDraw}>
        <Drawn label="first" />
      </Profiler>
      {more ? <Drawn label="later" /> : null}
      <button type="button" onClick={() => setMore(true)}>
        More
      </button>
    </>
  );
}

describe("useDrawnAfterHydration (issue 9: hydrating draws nothing twice)", () => {
  let root: Root | undefined;
  // React's act() with its own roots, as Testing Library sets up for its renders.
  const global = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  const actBefore = global.IS_REACT_ACT_ENVIRONMENT;
  beforeAll(() => {
    global.IS_REACT_ACT_ENVIRONMENT = true;
  });
  afterAll(() => {
    global.IS_REACT_ACT_ENVIRONMENT = actBefore;
  });
  afterEach(() => {
    act(() => root?.unmount());
    root = undefined;
    document.body.innerHTML = "";
  });

  /**
   * Draw `app` as the build does, into a new container, then hydrate it there: how many times its
   * Profiler reported a drawing, and every error React recovered from (a mismatch among them).
   */
  async function drawThenHydrate(app: (onDraw: () => void) => ReactElement): Promise<{ container: HTMLElement; draws: number; errors: unknown[] }> {
    const container = document.createElement("div");
    document.body.append(container);
    container.innerHTML = renderToString(app(() => {}));
    let draws = 0;
    const errors: unknown[] = [];
    await act(async () => {
      root = hydrateRoot(
        container,
        app(() => draws++),
        { onRecoverableError: (error) => errors.push(error) },
      );
    });
    return { container, draws, errors };
  }

  it("is false at build time and while hydrating, draws the hydrated part once, and is true for a part drawn later", async () => {
    const app = (onDraw: () => void) => (
      <FirstRenderProvider day={BUILD_DAY}>
        <Page onDraw={onDraw} />
      </FirstRenderProvider>
    );
    expect(renderToString(app(() => {}))).toContain("drawn while hydrating");

    const { container, draws, errors } = await drawThenHydrate(app);
    expect(errors).toEqual([]);
    // A hook whose answer changes once hydrated (useSyncExternalStore with a different server
    // snapshot) would draw it again straight away, in the task that puts the page on screen.
    expect(draws).toBe(1);
    expect(container.querySelector('[data-label="first"]')?.textContent).toBe("drawn while hydrating");

    await act(async () => container.querySelector("button")?.click());
    expect(container.querySelector('[data-label="later"]')?.textContent).toBe("drawn after");
  });

  it("waits for a page that hydrates in a boundary of its own, after the layout around it (layout.tsx)", async () => {
    // A fresh copy of the module: nothing hydrated yet in this page.
    vi.resetModules();
    const fresh = await import("./first-render");
    function Later({ label }: { label: string }) {
      const after = fresh.useDrawnAfterHydration();
      return <p data-label={label}>{after ? "drawn after" : "drawn while hydrating"}</p>;
    }
    const app = (onDraw: () => void) => (
      <fresh.FirstRenderProvider day={BUILD_DAY} pageHydratesLater>
        <Later label="layout" />
        <Suspense fallback={null}>
          <Profiler id="page" onRender={onDraw}>
            <Later label="page" />
          </Profiler>
          <fresh.PageHydrated />
        </Suspense>
      </fresh.FirstRenderProvider>
    );
    const { container, draws, errors } = await drawThenHydrate(app);
    // Drawn as at build time, in its own later commit: no mismatch, and drawn once.
    expect(errors).toEqual([]);
    expect(draws).toBe(1);
    expect(container.querySelector('[data-label="layout"]')?.textContent).toBe("drawn while hydrating");
    expect(container.querySelector('[data-label="page"]')?.textContent).toBe("drawn while hydrating");
    // Once the page is hydrated, anything new is drawn after.
    const after = document.createElement("div");
    document.body.append(after);
    const other = createRoot(after);
    await act(async () =>
      other.render(
        <fresh.FirstRenderProvider day={BUILD_DAY}>
          <Later label="new" />
        </fresh.FirstRenderProvider>,
      ),
    );
    expect(after.querySelector('[data-label="new"]')?.textContent).toBe("drawn after");
    act(() => other.unmount());
  });

  it("is true in a page drawn in the browser (no build day)", async () => {
    const container = document.createElement("div");
    document.body.append(container);
    root = createRoot(container);
    await act(async () =>
      root?.render(
        <FirstRenderProvider day={undefined}>
          <Drawn label="first" />
        </FirstRenderProvider>,
      ),
    );
    expect(container.querySelector('[data-label="first"]')?.textContent).toBe("drawn after");
  });
});
