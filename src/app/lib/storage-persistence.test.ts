import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "./db";
import { settingsRepository } from "./settings-repository";
import { askToPersist, persistenceStore, resetStoragePersistenceForTests } from "./storage-persistence";

const settings = settingsRepository();

/** A browser's `navigator.storage`: `persisted()` says `kept`, `persist()` answers `grant`. */
function stubStorage({ kept = false, grant = false }: { kept?: boolean; grant?: boolean } = {}) {
  const storage = { persisted: vi.fn(async () => kept), persist: vi.fn(async () => grant) };
  vi.stubGlobal("navigator", { storage });
  return storage;
}

function stubInstalled(installed: boolean) {
  vi.stubGlobal("matchMedia", (query: string) => ({ matches: installed && query === "(display-mode: standalone)" }));
}

/** A new page load: what was asked on the last page is forgotten, the device's settings stay. */
const reload = () => resetStoragePersistenceForTests();

beforeEach(async () => {
  await db.settings.clear();
  reload();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("askToPersist", () => {
  it("is unsupported where the browser has no Storage API, and shows no notice", async () => {
    vi.stubGlobal("navigator", {});
    expect(await askToPersist()).toBe("unsupported");
    expect(persistenceStore.getSnapshot()).toEqual({ result: "unsupported", noticeDismissed: false });
    expect(await settings.storagePersistence()).toBeUndefined();
  });

  it("does not ask when the data is already kept", async () => {
    const storage = stubStorage({ kept: true });
    expect(await askToPersist()).toBe("persisted");
    expect(storage.persist).not.toHaveBeenCalled();
  });

  it.each([
    [true, "persisted"],
    [false, "denied"],
  ] as const)("asks once and remembers the answer (browser says %s → %s)", async (grant, result) => {
    const storage = stubStorage({ grant });
    const listener = vi.fn();
    const unsubscribe = persistenceStore.subscribe(listener);
    const [first, second] = await Promise.all([askToPersist(), askToPersist()]);
    unsubscribe();
    expect([first, second]).toEqual([result, result]);
    expect(storage.persist).toHaveBeenCalledOnce();
    expect(listener).toHaveBeenCalledOnce();
    expect(persistenceStore.getSnapshot()).toEqual({ result, noticeDismissed: false });
    expect(await settings.storagePersistence()).toMatchObject({ answer: result, askedInstalled: false, noticeDismissed: false });
  });

  it("asks once per device: after a no, a later page does not ask again", async () => {
    stubStorage();
    await askToPersist();
    reload();
    const later = stubStorage();
    expect(await askToPersist()).toBe("denied");
    expect(later.persist).not.toHaveBeenCalled();
  });

  it("asks once more when the app is opened from the home screen, where browsers often say yes", async () => {
    stubStorage();
    stubInstalled(false);
    await askToPersist();
    reload();
    const installed = stubStorage({ grant: true });
    stubInstalled(true);
    expect(await askToPersist()).toBe("persisted");
    expect(installed.persist).toHaveBeenCalledOnce();
    expect(await settings.storagePersistence()).toMatchObject({ answer: "persisted", askedInstalled: true });
    reload();
    const after = stubStorage();
    expect(await askToPersist()).toBe("denied");
    expect(after.persist).not.toHaveBeenCalled();
  });

  it("says unsupported, and never rejects, when the browser throws", async () => {
    vi.stubGlobal("navigator", { storage: { persisted: async () => false, persist: async () => Promise.reject(new Error("nope")) } });
    await expect(askToPersist()).resolves.toBe("unsupported");
  });

  it("asks again when the remembered answer cannot be read", async () => {
    await db.settings.put({ key: "storagePersistence", value: { answer: "maybe" } });
    const storage = stubStorage();
    expect(await askToPersist()).toBe("denied");
    expect(storage.persist).toHaveBeenCalledOnce();
  });
});
