import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { EXIT_EVENT, getKey, lock, setKey, startAutoLock, subscribe } from "./pin-session";

const FIVE_MINUTES = 5 * 60_000;

let key: CryptoKey;

beforeAll(async () => {
  // Any AES key will do here: deriving one from a PIN is tested in pin-crypto.test.ts.
  key = await globalThis.crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
});

function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => state });
  document.dispatchEvent(new Event("visibilitychange"));
}

afterEach(() => {
  lock();
});

afterAll(() => {
  // Back to jsdom's own visibilityState.
  Reflect.deleteProperty(document, "visibilityState");
});

describe("pin session", () => {
  it("tells subscribers about unlock and lock, until they unsubscribe", () => {
    const listener = vi.fn();
    const unsubscribe = subscribe(listener);

    setKey(key);
    expect(getKey()).toBe(key);
    expect(listener).toHaveBeenCalledTimes(1);

    lock();
    expect(getKey()).toBeUndefined();
    expect(listener).toHaveBeenCalledTimes(2);

    unsubscribe();
    setKey(key);
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe("startAutoLock", () => {
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    setVisibility("visible");
    setKey(key);
    stop = startAutoLock(document);
  });

  afterEach(() => {
    stop();
    setVisibility("visible");
    vi.useRealTimers();
  });

  it("locks when the page has been hidden for 5 minutes", () => {
    const listener = vi.fn();
    const unsubscribe = subscribe(listener);
    setVisibility("hidden");

    vi.advanceTimersByTime(FIVE_MINUTES - 1);
    expect(getKey()).toBe(key);

    vi.advanceTimersByTime(1);
    expect(getKey()).toBeUndefined();
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
  });

  it("does not lock when the page is visible again before 5 minutes", () => {
    setVisibility("hidden");
    vi.advanceTimersByTime(FIVE_MINUTES - 1000);
    setVisibility("visible");

    vi.advanceTimersByTime(FIVE_MINUTES * 2);
    expect(getKey()).toBe(key);
  });

  it("starts the 5 minutes again each time the page is hidden", () => {
    setVisibility("hidden");
    vi.advanceTimersByTime(FIVE_MINUTES - 1000);
    setVisibility("visible");
    setVisibility("hidden");

    vi.advanceTimersByTime(FIVE_MINUTES - 1000);
    expect(getKey()).toBe(key);
    vi.advanceTimersByTime(1000);
    expect(getKey()).toBeUndefined();
  });

  it("locks on return when the phone froze the timer while hidden", () => {
    setVisibility("hidden");
    // The clock moves on but the timer never runs, as in a frozen background page.
    vi.setSystemTime(Date.now() + FIVE_MINUTES);
    expect(getKey()).toBe(key);

    setVisibility("visible");
    expect(getKey()).toBeUndefined();
  });

  it("locks at once on Exit this page", () => {
    window.dispatchEvent(new Event(EXIT_EVENT));
    expect(getKey()).toBeUndefined();
  });

  it("stops watching when stopped", () => {
    stop();
    setVisibility("hidden");
    vi.advanceTimersByTime(FIVE_MINUTES * 2);
    window.dispatchEvent(new Event(EXIT_EVENT));
    expect(getKey()).toBe(key);
  });
});
