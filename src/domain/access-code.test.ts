import { describe, expect, it } from "vitest";
import { ACCESS_CODE_ALPHABET, accessCodeFromBytes, groupAccessCode, normaliseAccessCode, normaliseReference } from "./access-code";

describe("access codes", () => {
  it("uses no 0, O, 1, I or L", () => {
    expect(ACCESS_CODE_ALPHABET).not.toMatch(/[0O1IL]/);
  });

  it("skips bytes that would make some symbols likelier", () => {
    // 248 and above are set aside (31 × 8 = 248), so 16 usable bytes after them make the code.
    const bytes = [255, 250, 248, ...Array.from({ length: 16 }, (_, i) => i)];
    expect(accessCodeFromBytes(bytes)).toBe(ACCESS_CODE_ALPHABET.slice(0, 16));
    expect(accessCodeFromBytes([255, 1, 2])).toBeUndefined();
  });

  it.each([
    ["7kq4 m9xd 3hpw 2rta", "7KQ4M9XD3HPW2RTA"],
    ["7KQ4-M9XD-3HPW-2RTA", "7KQ4M9XD3HPW2RTA"],
    [" 7KQ4M9XD3HPW2RTA ", "7KQ4M9XD3HPW2RTA"],
    ["7KQ4 M9XD 3HPW 2RT", undefined],
    ["7KQ4 M9XD 3HPW 2RT0", undefined],
    ["", undefined],
  ])("reads %j as typed", (typed, code) => {
    expect(normaliseAccessCode(typed)).toBe(code);
  });

  it("groups a code in fours for reading aloud", () => {
    expect(groupAccessCode("7KQ4M9XD3HPW2RTA")).toBe("7KQ4 M9XD 3HPW 2RTA");
  });

  it.each([
    ["su-7kq4-m9xd", "SU-7KQ4-M9XD"],
    ["SU 7KQ4 M9XD", "SU-7KQ4-M9XD"],
    ["SU7KQ4M9XD", "SU-7KQ4-M9XD"],
    ["SU-7KQ4-M9X0", undefined],
    ["7KQ4-M9XD", undefined],
  ])("reads reference %j as typed", (typed, reference) => {
    expect(normaliseReference(typed)).toBe(reference);
  });
});
