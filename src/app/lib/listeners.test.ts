import { describe, expect, it } from "vitest";
import { listeners } from "./listeners";

describe("listeners", () => {
  it("tells every listener until it stops listening", () => {
    const store = listeners();
    const heard: string[] = [];
    const stopA = store.subscribe(() => heard.push("a"));
    store.subscribe(() => heard.push("b"));
    store.notify();
    stopA();
    store.notify();
    expect(heard).toEqual(["a", "b", "b"]);
  });

  it("still tells the others when one stops listening while it is told", () => {
    const store = listeners();
    const heard: string[] = [];
    const stop = store.subscribe(() => {
      heard.push("first");
      stop();
    });
    store.subscribe(() => heard.push("second"));
    store.notify();
    store.notify();
    expect(heard).toEqual(["first", "second", "second"]);
  });
});
