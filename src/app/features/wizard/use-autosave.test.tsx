import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DraftAnswers } from "../../../domain/draft";
import { db } from "../../lib/db";
import { draftRepository, type DraftRepository } from "../../lib/draft-repository";
import { reportStorageProblem, storageProblemStore } from "../../lib/storage-health";
import { resetStoragePersistenceForTests } from "../../lib/storage-persistence";
import { hasLocalChange, unsavedAnswers, useAutosave } from "./use-autosave";

const drafts = draftRepository();

/** The real repository, except that saving fails with `failWith` while it is set. */
function flakyRepository() {
  const control: { failWith: unknown } = { failWith: undefined };
  const repository: Pick<DraftRepository, "saveAnswers"> = {
    saveAnswers: vi.fn((...args: Parameters<DraftRepository["saveAnswers"]>) =>
      control.failWith === undefined ? drafts.saveAnswers(...args) : Promise.reject(control.failWith),
    ),
  };
  return { repository, control };
}

const phoneFull = () => new DOMException("The quota has been exceeded.", "QuotaExceededError");

/** A browser that will not promise to keep the data (`persist()` says no). */
function stubStorage() {
  const storage = { persisted: vi.fn(async () => false), persist: vi.fn(async () => false) };
  Object.defineProperty(navigator, "storage", { value: storage, configurable: true });
  return storage;
}

async function storedAnswers(id: string): Promise<{ answers: DraftAnswers; step: string | undefined }> {
  const loaded = await drafts.get(id);
  if (loaded?.status !== "ok") throw new Error("no draft");
  return { answers: loaded.draft.answers, step: loaded.draft.step };
}

/** Let the save started when the hook mounts finish. */
const settle = () => act(async () => {});

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  resetStoragePersistenceForTests();
  reportStorageProblem("none");
});
afterEach(() => {
  Reflect.deleteProperty(navigator, "storage");
});

describe("useAutosave when the phone is full", () => {
  it("says the phone is full, keeps what was typed, and saves all of it when saving works again", async () => {
    const storage = stubStorage();
    const draft = await drafts.create("example-borough");
    const { repository, control } = flakyRepository();
    const { result, unmount } = renderHook(() => useAutosave(draft.id, "what-happened", repository));
    await settle();

    control.failWith = phoneFull();
    await act(async () => {
      result.current.schedule({ whatHappened: "My social worker" });
      await result.current.flush();
    });
    expect(storageProblemStore.getSnapshot()).toBe("quota-full");
    expect(result.current.status).toBe("failed");
    expect(unsavedAnswers(draft.id)).toEqual({ whatHappened: "My social worker" });

    // Still full: the next change is kept too, and nothing typed before is dropped.
    await act(async () => {
      result.current.schedule({ whatHappened: "My social worker did not come" });
      await result.current.flush();
    });
    await act(async () => {
      result.current.schedule({ putRight: "Say sorry" });
      await result.current.flush();
    });
    expect(unsavedAnswers(draft.id)).toEqual({ whatHappened: "My social worker did not come", putRight: "Say sorry" });
    expect((await storedAnswers(draft.id)).answers).toEqual({});
    expect(storage.persist).not.toHaveBeenCalled();

    // Space freed: the next save carries everything still waiting.
    control.failWith = undefined;
    await act(async () => {
      result.current.schedule({ adjustments: "Big writing" });
      await result.current.flush();
    });
    expect(await storedAnswers(draft.id)).toEqual({
      answers: { whatHappened: "My social worker did not come", putRight: "Say sorry", adjustments: "Big writing" },
      step: "what-happened",
    });
    expect(unsavedAnswers(draft.id)).toEqual({});
    expect(storageProblemStore.getSnapshot()).toBe("none");
    expect(result.current.status).toBe("saved");
    unmount();
  });

  it("keeps answers that could not be saved when the person moves to the next step, and saves them there", async () => {
    const draft = await drafts.create("example-borough");
    const { repository, control } = flakyRepository();
    const first = renderHook(() => useAutosave(draft.id, "what-happened", repository));
    await settle();
    control.failWith = phoneFull();
    act(() => first.result.current.schedule({ whatHappened: "Typed, then Continue" }));
    // Leaving the step flushes; the save fails.
    first.unmount();
    await settle();
    expect(unsavedAnswers(draft.id)).toEqual({ whatHappened: "Typed, then Continue" });
    expect(storageProblemStore.getSnapshot()).toBe("quota-full");

    control.failWith = undefined;
    const next = renderHook(() => useAutosave(draft.id, "put-right", repository));
    await settle();
    expect(await storedAnswers(draft.id)).toEqual({ answers: { whatHappened: "Typed, then Continue" }, step: "put-right" });
    expect(storageProblemStore.getSnapshot()).toBe("none");
    next.unmount();
  });

  it("says saving is not possible when IndexedDB is missing", async () => {
    const draft = await drafts.create("example-borough");
    const { repository, control } = flakyRepository();
    control.failWith = Object.assign(new Error("IndexedDB API missing"), { name: "MissingAPIError" });
    const { unmount } = renderHook(() => useAutosave(draft.id, "what-happened", repository));
    await settle();
    expect(storageProblemStore.getSnapshot()).toBe("unavailable");
    unmount();
  });
});

describe("useAutosave asking the browser to keep the drafts", () => {
  it("asks exactly once, after the first answers are saved", async () => {
    const storage = stubStorage();
    const draft = await drafts.create("example-borough");
    const { repository } = flakyRepository();
    const { result, unmount } = renderHook(() => useAutosave(draft.id, "what-happened", repository));
    await settle();
    // Showing the step saves only the step, not an answer: not yet.
    expect(storage.persist).not.toHaveBeenCalled();

    for (const text of ["I", "I was", "I was moved"]) {
      await act(async () => {
        result.current.schedule({ whatHappened: text });
        await result.current.flush();
      });
    }
    await vi.waitFor(async () => expect(await db.settings.get("storagePersistence")).toBeDefined());
    expect(storage.persist).toHaveBeenCalledOnce();
    unmount();
  });

  it("does not hold up saving while the browser decides", async () => {
    const storage = stubStorage();
    storage.persist.mockImplementation(() => new Promise<boolean>(() => {}));
    const draft = await drafts.create("example-borough");
    const { repository } = flakyRepository();
    const { result, unmount } = renderHook(() => useAutosave(draft.id, "what-happened", repository));
    await settle();
    await act(async () => {
      result.current.schedule({ whatHappened: "first" });
      await result.current.flush();
      result.current.schedule({ whatHappened: "second" });
      await result.current.flush();
    });
    expect((await storedAnswers(draft.id)).answers).toEqual({ whatHappened: "second" });
    expect(result.current.status).toBe("saved");
    unmount();
  });
});

describe("hasLocalChange: what this page has not finished saving", () => {
  it("is true from the change until its save is stored, and stays true while a save fails", async () => {
    const draft = await drafts.create("example-borough");
    const { repository, control } = flakyRepository();
    let release = () => {};
    const slow: Pick<DraftRepository, "saveAnswers"> = {
      saveAnswers: async (...args) => {
        await new Promise<void>((resolve) => (release = resolve));
        return repository.saveAnswers(...args);
      },
    };
    const { result, unmount } = renderHook(() => useAutosave(draft.id, "what-happened", slow));
    release();
    await settle();
    expect(hasLocalChange(draft.id, "whatHappened")).toBe(false);

    let saving: Promise<void> = Promise.resolve();
    act(() => {
      result.current.schedule({ whatHappened: "typed" });
      saving = result.current.flush();
    });
    // Waiting to be written, then being written: both count.
    expect(hasLocalChange(draft.id, "whatHappened")).toBe(true);
    expect(hasLocalChange(draft.id, "whatHappenedWho")).toBe(false);
    release();
    await act(() => saving);
    expect(hasLocalChange(draft.id, "whatHappened")).toBe(false);

    control.failWith = phoneFull();
    act(() => {
      result.current.schedule({ whatHappened: "more" });
      saving = result.current.flush();
    });
    release();
    await act(() => saving);
    expect(hasLocalChange(draft.id, "whatHappened")).toBe(true);
    expect(unsavedAnswers(draft.id)).toEqual({ whatHappened: "more" });
    control.failWith = undefined;
    unmount();
  });
});
