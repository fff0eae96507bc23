import { describe, expect, it } from "vitest";
import { fleschKincaid, syllables } from "./support/readability";

describe("syllables", () => {
  it.each([
    ["the", 1],
    ["cat", 1],
    ["phone", 1],
    ["council", 2],
    ["happens", 2],
    ["complaint", 2],
    ["advocate", 3],
    ["children", 2],
    ["information", 4],
    ["responsibility", 6],
    ["independent", 4],
    ["safe", 1],
  ] as const)("%s has %i", (word, expected) => {
    expect(Math.abs(syllables(word) - expected)).toBeLessThanOrEqual(expected >= 4 ? 1 : 0);
  });
});

describe("fleschKincaid", () => {
  it("gives a low grade to short sentences of short words", () => {
    expect(fleschKincaid("The cat sat on the mat. It was a good day.").grade).toBeLessThan(1);
  });

  it("gives a high grade to one long sentence of long words", () => {
    const text =
      "The Equality and Human Rights Commission is responsible for enforcing the Public Sector Bodies Accessibility Regulations, which require organisations to publish comprehensive statements.";
    expect(fleschKincaid(text).grade).toBeGreaterThan(14);
  });

  it("counts headings and list items on their own lines as sentences", () => {
    expect(fleschKincaid("Who reads it\nA small team reads it.").sentences).toBe(2);
  });
});
