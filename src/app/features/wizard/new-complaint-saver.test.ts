import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { draftRepository } from "../../lib/draft-repository";
import { newComplaintSaver } from "./new-complaint-saver";

const drafts = draftRepository();

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
});

describe("newComplaintSaver", () => {
  it("creates nothing for the empty save that records the step", async () => {
    await newComplaintSaver("example-borough").saveAnswers("new-complaint", {}, "who");
    expect(await drafts.count()).toBe(0);
  });

  it("creates one draft for the council on screen at the first answer, and sends later answers to it", async () => {
    const saver = newComplaintSaver("example-borough");
    saver.setCouncil("norfolk");
    await Promise.all([saver.saveAnswers("new-complaint", { role: "parent" }, "who"), saver.saveAnswers("new-complaint", { role: "advocate" }, "who")]);
    expect(await drafts.count()).toBe(1);
    const current = await drafts.current();
    if (current?.status !== "ok") throw new Error("no current draft");
    expect(current.draft.councilId).toBe("norfolk");
    expect(current.draft.answers.role).toBe("advocate");
    expect(current.draft.step).toBe("who");
  });

  it("answers into the current draft when there is one, never starting a second", async () => {
    const existing = await drafts.create("example-borough");
    await newComplaintSaver("norfolk").saveAnswers("new-complaint", { role: "young-person" }, "who");
    expect(await drafts.count()).toBe(1);
    const loaded = await drafts.get(existing.id);
    expect(loaded?.status === "ok" && loaded.draft.answers.role).toBe("young-person");
  });

  it("tries again after a failure instead of remembering it", async () => {
    let fail = true;
    const saver = newComplaintSaver("example-borough", {
      current: () => (fail ? Promise.reject(new Error("storage off")) : drafts.current()),
      create: (id) => drafts.create(id),
      saveAnswers: (id, patch, step) => drafts.saveAnswers(id, patch, step),
    });
    await expect(saver.saveAnswers("new-complaint", { role: "parent" }, "who")).rejects.toThrow("storage off");
    fail = false;
    await saver.saveAnswers("new-complaint", { role: "parent" }, "who");
    expect(await drafts.count()).toBe(1);
  });
});
