import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { firstWords } from "../../lib/i18n";
import { infoWords } from "../../lib/info-words";
import { laterWords } from "../../lib/later-words";
import { answersAsText } from "./answers-as-text";

const i18n = i18next.createInstance();
beforeAll(async () => {
  const words = { ...firstWords, ...laterWords, ...infoWords };
  await i18n.init({ resources: { "en-GB": words }, lng: "en-GB", defaultNS: "common", ns: Object.keys(words), interpolation: { escapeValue: false } });
});

describe("answersAsText (for Copy what you have written)", () => {
  it("gives each answer under its question, in step order, in the person's own wording, leaving out the unanswered", () => {
    const text = answersAsText(
      {
        putRight: "Say sorry",
        role: "young-person",
        topics: ["decision", "staff"],
        whatHappened: "My social worker did not come.\nTwice.",
        whatHappenedWho: "   ",
      },
      i18n.t,
    );
    const putRightLabel = i18n.t("wizard:putRight.label", { context: "self" });
    expect(putRightLabel).toBe("What would put things right for you?");
    expect(text.split("\n\n")).toEqual([
      `${i18n.t("wizard:role.label")}\n${i18n.t("wizard:role.options.young-person.label", { context: "self" })}`,
      "What is your complaint about?\nA decision the council made\nHow someone from the council behaved",
      "Tell us what happened, in your own words\nMy social worker did not come.\nTwice.",
      `${putRightLabel}\nSay sorry`,
    ]);
  });

  it("says None of these when that box was ticked, as Check your answers does (one formatter, the answer table's)", () => {
    const text = answersAsText({ role: "young-person", proceedings: [] }, i18n.t);
    expect(text.split("\n\n")[1]).toBe(`${i18n.t("wizard:proceedings.label", { context: "self" })}\nNone of these`);
  });

  it("is empty when nothing has been answered", () => {
    expect(answersAsText({}, i18n.t)).toBe("");
  });
});
