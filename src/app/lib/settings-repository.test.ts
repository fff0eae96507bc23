import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { councilToUse } from "./council-settings";
import { SpeakUpDatabase } from "./db";
import { draftRepository } from "./draft-repository";
import { pinRepository } from "./pin-repository";
import { settingsRepository } from "./settings-repository";

let database: SpeakUpDatabase;
beforeEach(async () => {
  database = new SpeakUpDatabase(`test-${crypto.randomUUID()}`);
  await database.open();
});
afterEach(async () => {
  await database.delete();
});

describe("settings repository: the council chosen on this device", () => {
  it("has no council until one is chosen, then remembers it", async () => {
    const settings = settingsRepository(database);
    expect(await settings.chosenCouncilId()).toBeUndefined();
    await settings.chooseCouncil("northmoor");
    expect(await settingsRepository(database).chosenCouncilId()).toBe("northmoor");
  });

  it.each([42, "", "Not An Id", { id: "northmoor" }])("ignores a stored value it cannot read (%j)", async (value) => {
    await database.settings.put({ key: "councilId", value });
    expect(await settingsRepository(database).chosenCouncilId()).toBeUndefined();
  });

  it("refuses to store something that is not a council id", async () => {
    await expect(settingsRepository(database).chooseCouncil("../secrets")).rejects.toThrow();
    expect(await database.settings.get("councilId")).toBeUndefined();
  });

  it("moves the current draft to the council chosen, and leaves other drafts alone", async () => {
    const drafts = draftRepository(database);
    const older = await drafts.create("example-borough");
    const current = await drafts.create("example-borough", new Date("2026-11-20T10:00:00Z"));
    await settingsRepository(database).chooseCouncil("northmoor");
    const loaded = await drafts.get(current.id);
    expect(loaded?.status === "ok" && loaded.draft.councilId).toBe("northmoor");
    expect(loaded?.status === "ok" && loaded.draft.updatedAt).not.toBe("2026-11-20T10:00:00.000Z");
    const other = await drafts.get(older.id);
    expect(other?.status === "ok" && other.draft.councilId).toBe("example-borough");
  });

  it("changes nothing else when there is no current draft", async () => {
    const drafts = draftRepository(database);
    expect(await drafts.changeCurrentCouncil("northmoor")).toBeUndefined();
    await database.settings.put({ key: "currentDraftId", value: "deleted-draft" });
    expect(await drafts.changeCurrentCouncil("northmoor")).toBeUndefined();
    expect(await database.drafts.count()).toBe(0);
  });
});

describe("councilToUse", () => {
  const index = {
    default: "example-borough",
    councils: [
      { id: "example-borough", name: "Example Borough Council" },
      { id: "northmoor", name: "Northmoor County Council" },
    ],
  };

  it.each([
    [undefined, "example-borough"],
    ["northmoor", "northmoor"],
    ["example-borough", "example-borough"],
    ["no-longer-offered", "example-borough"],
  ])("chosen %s → %s", (chosen, expected) => {
    expect(councilToUse(index, chosen)).toBe(expected);
  });
});

describe("the PIN offer in the journey", () => {
  it("is made once per device, never once a PIN is set, and again after Delete everything", async () => {
    const settings = settingsRepository(database);
    expect(await settings.shouldOfferPinLock()).toBe(true);
    await settings.rememberPinOffered();
    expect(await settings.shouldOfferPinLock()).toBe(false);

    await database.settings.clear();
    await pinRepository(database).enable("2468", false);
    expect(await settings.shouldOfferPinLock()).toBe(false);
    await pinRepository(database).deleteEverything();
    expect(await settings.shouldOfferPinLock()).toBe(true);
  });
});
