import Dexie from "dexie";
import { afterEach, describe, expect, it, vi } from "vitest";
import { classifyStorageError, reportStorageProblem, storageProblemStore, type StorageProblem } from "./storage-health";

const named = (name: string, extra: object = {}) => Object.assign(new Error(`${name} happened`), { name }, extra);
const domQuota = new DOMException("The quota has been exceeded.", "QuotaExceededError");

describe("classifyStorageError", () => {
  it.each<[string, unknown, Exclude<StorageProblem, "none">]>([
    ["the browser's QuotaExceededError", domQuota, "quota-full"],
    ["Dexie.QuotaExceededError", new Dexie.QuotaExceededError("full"), "quota-full"],
    ["a transaction aborted because the quota is full (Dexie AbortError, inner)", new Dexie.AbortError("aborted", domQuota), "quota-full"],
    ["a database that would not open because the disk is full", new Dexie.OpenFailedError(domQuota), "quota-full"],
    ["a quota error given as the standard cause", new Error("save failed", { cause: domQuota }), "quota-full"],
    ["one failure of a bulk write", named("BulkError", { failures: [new Error("x"), domQuota] }), "quota-full"],
    ["Firefox's old quota name", named("NS_ERROR_DOM_QUOTA_REACHED"), "quota-full"],
    ["no IndexedDB at all (Dexie.MissingAPIError)", new Dexie.MissingAPIError(), "unavailable"],
    ["a private window refusing to write (InvalidStateError)", new DOMException("no", "InvalidStateError"), "unavailable"],
    ["a closed database (Dexie.DatabaseClosedError)", new Dexie.DatabaseClosedError(), "unavailable"],
    ["a database that would not open (Dexie.OpenFailedError)", new Dexie.OpenFailedError(named("UnknownError")), "unavailable"],
    ["the browser's UnknownError", new DOMException("Internal error", "UnknownError"), "unavailable"],
    ["an AbortError with no reason", new Dexie.AbortError("aborted"), "failed"],
    ["a draft that is not on this device any more", new Error("Draft 1 is not on this device any more"), "failed"],
    ["a ConstraintError", new DOMException("exists", "ConstraintError"), "failed"],
    ["something that is not an error", "oops", "failed"],
    ["nothing", undefined, "failed"],
  ])("%s → %s", (_, error, expected) => {
    expect(classifyStorageError(error)).toBe(expected);
  });

  it("is not fooled by an error that wraps itself", () => {
    const looped = named("AbortError");
    Object.assign(looped, { inner: looped });
    expect(classifyStorageError(looped)).toBe("failed");
  });

  it("classifies what a real Dexie says when there is no IndexedDB", async () => {
    const database = new Dexie("no-indexeddb", { indexedDB: undefined, IDBKeyRange: undefined });
    database.version(1).stores({ drafts: "id" });
    const error: unknown = await database.open().catch((e: unknown) => e);
    expect(classifyStorageError(error)).toBe("unavailable");
  });
});

describe("storage problem store", () => {
  afterEach(() => reportStorageProblem("none"));

  it("starts with no problem, tells subscribers of each change once, and stops when unsubscribed", () => {
    expect(storageProblemStore.getSnapshot()).toBe("none");
    const listener = vi.fn();
    const unsubscribe = storageProblemStore.subscribe(listener);
    reportStorageProblem("quota-full");
    reportStorageProblem("quota-full");
    expect(storageProblemStore.getSnapshot()).toBe("quota-full");
    expect(listener).toHaveBeenCalledOnce();
    reportStorageProblem("none");
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    reportStorageProblem("unavailable");
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
