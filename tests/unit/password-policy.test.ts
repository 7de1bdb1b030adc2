import { dictionary } from "@zxcvbn-ts/language-common";
import { describe, expect, it } from "vitest";
import { passwordMaxLength, passwordMinLength, passwordProblem } from "@/lib/auth/password-policy";

const tooShort = "Use at least 12 characters.";
const tooLong = "Use at most 128 characters.";
const tooCommon = "This password is among the most common ones: choose another.";

/** A password of exactly `length` code points that no breach list holds. */
function passwordOf(length: number, unit = "k"): string {
  return unit.repeat(length);
}

describe("passwordProblem", () => {
  it("states the limits of NIST SP 800-63B as Atelier applies them: 12 to 128 characters", () => {
    expect(passwordMinLength).toBe(12);
    expect(passwordMaxLength).toBe(128);
  });

  it("refuses 11 characters and accepts 12", () => {
    expect(passwordProblem(passwordOf(11))).toBe(tooShort);
    expect(passwordProblem(passwordOf(12))).toBeNull();
    expect(passwordProblem("")).toBe(tooShort);
  });

  it("accepts 128 characters and refuses 129", () => {
    expect(passwordProblem(passwordOf(128))).toBeNull();
    expect(passwordProblem(passwordOf(129))).toBe(tooLong);
  });

  it("counts Unicode code points, not UTF-16 units", () => {
    // "😀" is two UTF-16 units: 11 of them are 22 units but 11 characters.
    expect("😀".repeat(11)).toHaveLength(22);
    expect(passwordProblem("😀".repeat(11))).toBe(tooShort);
    expect(passwordProblem("😀".repeat(12))).toBeNull();
    expect(passwordProblem("😀".repeat(128))).toBeNull();
    expect(passwordProblem("😀".repeat(129))).toBe(tooLong);
    // Accented letters and other scripts count one each.
    expect(passwordProblem("éléphantsûrs")).toBeNull();
    expect(passwordProblem("日本語のパスワードです")).toBe(tooShort);
    expect(passwordProblem("日本語のパスワードですね")).toBeNull();
  });

  it("refuses a common password whatever its case", () => {
    const common = dictionary["passwords-common"] as string[];
    expect(common).toContain("password1234");
    for (const password of ["password1234", "PASSWORD1234", "PassWord1234"]) {
      expect(passwordProblem(password)).toBe(tooCommon);
    }
    // Another long entry of the list, to show the whole list is consulted.
    const another = common.find((word) => word.length >= 12 && word !== "password1234") ?? "";
    expect(passwordProblem(another)).toBe(tooCommon);
  });

  it("imposes no composition rules: a 12-letter lower-case phrase passes", () => {
    const phrase = "quietotterly";
    expect(phrase).toMatch(/^[a-z]{12}$/);
    expect(dictionary["passwords-common"] as string[]).not.toContain(phrase);
    expect(passwordProblem(phrase)).toBeNull();
    expect(passwordProblem("correct horse battery staple")).toBeNull();
  });
});
