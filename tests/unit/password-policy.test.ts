import { dictionary } from "@zxcvbn-ts/language-common";
import { describe, expect, it } from "vitest";
import { passwordMaxLength, passwordMinLength, passwordProblem } from "@/lib/auth/password-policy";
import { catalogues } from "@/lib/i18n/messages";
import { renderAppError } from "@/lib/i18n/render-error";

const tooShort = "Use at least 12 characters.";
const tooLong = "Use at most 128 characters.";
const tooCommon = "This password is among the most common ones: choose another.";

/** The problem in the words an English-speaking user reads beside the field (field messages carry no values). */
function problemOf(password: string): string | null {
  const problem = passwordProblem(password);
  return problem === null ? null : renderAppError("en", { code: "invalid", message: problem }).message;
}

/** A password of exactly `length` code points that no breach list holds. */
function passwordOf(length: number, unit = "k"): string {
  return unit.repeat(length);
}

describe("passwordProblem", () => {
  it("states the limits of NIST SP 800-63B as Atelier applies them: 12 to 128 characters", () => {
    expect(passwordMinLength).toBe(12);
    expect(passwordMaxLength).toBe(128);
  });

  it("words the limits as the policy sets them, in every language", () => {
    for (const messages of Object.values(catalogues)) {
      expect(messages.auth.password.tooShort).toContain(String(passwordMinLength));
      expect(messages.auth.password.tooLong).toContain(String(passwordMaxLength));
    }
  });

  it("refuses 11 characters and accepts 12", () => {
    expect(problemOf(passwordOf(11))).toBe(tooShort);
    expect(problemOf(passwordOf(12))).toBeNull();
    expect(problemOf("")).toBe(tooShort);
  });

  it("accepts 128 characters and refuses 129", () => {
    expect(problemOf(passwordOf(128))).toBeNull();
    expect(problemOf(passwordOf(129))).toBe(tooLong);
  });

  it("counts Unicode code points, not UTF-16 units", () => {
    // "😀" is two UTF-16 units: 11 of them are 22 units but 11 characters.
    expect("😀".repeat(11)).toHaveLength(22);
    expect(problemOf("😀".repeat(11))).toBe(tooShort);
    expect(problemOf("😀".repeat(12))).toBeNull();
    expect(problemOf("😀".repeat(128))).toBeNull();
    expect(problemOf("😀".repeat(129))).toBe(tooLong);
    // Accented letters and other scripts count one each.
    expect(problemOf("éléphantsûrs")).toBeNull();
    expect(problemOf("日本語のパスワードです")).toBe(tooShort);
    expect(problemOf("日本語のパスワードですね")).toBeNull();
  });

  it("refuses a common password whatever its case", () => {
    const common = dictionary["passwords-common"] as string[];
    expect(common).toContain("password1234");
    for (const password of ["password1234", "PASSWORD1234", "PassWord1234"]) {
      expect(problemOf(password)).toBe(tooCommon);
    }
    // Another long entry of the list, to show the whole list is consulted.
    const another = common.find((word) => word.length >= 12 && word !== "password1234") ?? "";
    expect(problemOf(another)).toBe(tooCommon);
  });

  it("imposes no composition rules: a 12-letter lower-case phrase passes", () => {
    const phrase = "quietotterly";
    expect(phrase).toMatch(/^[a-z]{12}$/);
    expect(dictionary["passwords-common"] as string[]).not.toContain(phrase);
    expect(problemOf(phrase)).toBeNull();
    expect(problemOf("correct horse battery staple")).toBeNull();
  });
});
