import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { draftRepository } from "../../lib/draft-repository";
import { getKey, lock } from "../../lib/pin-session";
import { DEVICE_KEYS } from "../../lib/storage-keys";
import { exampleBorough, renderAt } from "../../../../test/setup/render-app";

const council = exampleBorough;
const drafts = draftRepository();
const SECRET = "My foster carer shouts at me";

async function setPin(pin: string, showLabels: "Yes, show the names" | "No, hide the names") {
  renderAt("/settings/pin");
  await userEvent.type(await screen.findByLabelText("Choose a PIN"), pin);
  await userEvent.type(screen.getByLabelText("Type your PIN again"), pin);
  await userEvent.click(screen.getByRole("radio", { name: showLabels }));
  await userEvent.click(screen.getByRole("button", { name: "Set PIN" }));
  await screen.findByText("Your PIN is set. Your drafts are locked on this phone.", undefined, { timeout: 5000 });
}

beforeEach(async () => {
  lock();
  await Promise.all(db.tables.map((table) => table.clear()));
});
afterEach(() => {
  lock();
});

describe("setting a PIN", () => {
  it("explains each mistake, GOV.UK style", async () => {
    renderAt("/settings/pin");
    await userEvent.type(await screen.findByLabelText("Choose a PIN"), "12a");
    await userEvent.click(screen.getByRole("button", { name: "Set PIN" }));
    expect(await screen.findByRole("link", { name: /Use numbers only|only have numbers/ })).toHaveAttribute("href", "#field-pin");
    expect(screen.getByRole("link", { name: "Type your PIN again" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Choose if your draft names should show when Speak Up is locked" })).toBeInTheDocument();
  });

  it("says when the two PINs differ", async () => {
    renderAt("/settings/pin");
    await userEvent.type(await screen.findByLabelText("Choose a PIN"), "2468");
    await userEvent.type(screen.getByLabelText("Type your PIN again"), "2469");
    await userEvent.click(screen.getByRole("radio", { name: "No, hide the names" }));
    await userEvent.click(screen.getByRole("button", { name: "Set PIN" }));
    expect(await screen.findByRole("link", { name: "The two PINs are not the same. Type your PIN again." })).toBeInTheDocument();
  });

  it("seals every draft: nothing typed, and no hidden label, is left readable in IndexedDB", async () => {
    const draft = await drafts.create(council.id);
    await drafts.saveAnswers(draft.id, { whatHappened: SECRET, childName: "Jay" }, "what-happened");
    await drafts.rename(draft.id, "JB secret label");
    await setPin("2468", "No, hide the names");
    const raw = JSON.stringify(await db.drafts.toArray());
    expect(raw).not.toContain("foster carer");
    expect(raw).not.toContain("Jay");
    expect(raw).not.toContain("JB secret label");
    expect(raw).not.toContain("2468");
    // The person who set it keeps working: the key is in memory and the draft opens.
    expect(getKey()).toBeDefined();
    const loaded = await drafts.get(draft.id);
    expect(loaded?.status === "ok" && loaded.draft.answers.whatHappened).toBe(SECRET);
  });
});

describe("unlocking", () => {
  it("a wrong PIN says so and reveals nothing; the right one opens the page asked for", async () => {
    const draft = await drafts.create(council.id);
    await drafts.saveAnswers(draft.id, { role: "young-person", whatHappened: SECRET }, "what-happened");
    await setPin("2468", "Yes, show the names");
    lock();
    expect((await drafts.get(draft.id))?.status).toBe("locked");

    const router = renderAt("/complaint/what-happened");
    await screen.findByRole("heading", { name: "Enter your PIN" }, { timeout: 5000 });
    expect(router.state.location.pathname).toBe("/unlock");
    await userEvent.type(screen.getByLabelText("PIN"), "1111");
    await userEvent.click(screen.getByRole("button", { name: "Unlock" }));
    expect(await screen.findByRole("link", { name: /That PIN is not right/ }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByText(SECRET)).not.toBeInTheDocument();
    expect(getKey()).toBeUndefined();

    await userEvent.clear(screen.getByLabelText("PIN"));
    await userEvent.type(screen.getByLabelText("PIN"), "2468");
    await userEvent.click(screen.getByRole("button", { name: "Unlock" }));
    expect(await screen.findByLabelText("Tell us what happened, in your own words", undefined, { timeout: 5000 })).toHaveValue(SECRET);
    expect(router.state.location.pathname).toBe("/complaint/what-happened");
  });

  it("removes the PIN: drafts are stored readable again", async () => {
    const draft = await drafts.create(council.id);
    await drafts.saveAnswers(draft.id, { whatHappened: SECRET });
    await setPin("2468", "No, hide the names");
    await userEvent.click(await screen.findByRole("button", { name: "Remove the PIN" }));
    await screen.findByText("The PIN is removed. Your drafts are not locked any more.");
    expect(JSON.stringify(await db.drafts.toArray())).toContain(SECRET);
    expect(await db.settings.get("pinVault")).toBeUndefined();
  });
});

describe("locking while a draft is open", () => {
  it("takes the draft off the screen and asks for the PIN", async () => {
    const draft = await drafts.create(council.id);
    await drafts.saveAnswers(draft.id, { role: "young-person", whatHappened: SECRET }, "what-happened");
    await setPin("2468", "No, hide the names");
    const router = renderAt("/complaint/what-happened");
    expect(await screen.findByLabelText("Tell us what happened, in your own words")).toHaveValue(SECRET);
    act(() => lock());
    await screen.findByRole("heading", { name: "Enter your PIN" });
    expect(router.state.location.pathname).toBe("/unlock");
    expect(screen.queryByDisplayValue(SECRET)).not.toBeInTheDocument();
  });
});

describe("delete everything on this device", () => {
  it("asks first, then leaves nothing of the app's behind", async () => {
    const draft = await drafts.create(council.id);
    await drafts.saveAnswers(draft.id, { whatHappened: SECRET });
    await db.settings.put({ key: "councilId", value: "northmoor" });
    // What the app keeps outside IndexedDB: the language chosen and a notice put off for 30 days.
    for (const key of Object.values(DEVICE_KEYS)) window.localStorage.setItem(key, "kept");
    window.localStorage.setItem("another-app", "theirs");
    renderAt("/settings");
    await userEvent.click(await screen.findByRole("link", { name: "Delete everything" }));
    await screen.findByRole("heading", { name: "Are you sure you want to delete everything on this phone?" });
    expect(await db.drafts.count()).toBe(1);
    await userEvent.click(screen.getByRole("button", { name: "Yes, delete everything" }));
    await screen.findByRole("heading", { name: "Everything is deleted from this phone" });
    await waitFor(async () => {
      const counts = await Promise.all(db.tables.map((table) => table.count()));
      expect(counts.every((n) => n === 0)).toBe(true);
    });
    expect(getKey()).toBeUndefined();
    for (const key of Object.values(DEVICE_KEYS)) expect(window.localStorage.getItem(key)).toBeNull();
    expect(window.localStorage.getItem("another-app")).toBe("theirs");
  });
});
