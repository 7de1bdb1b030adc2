import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogues } from "@/lib/i18n/messages";
import { literalWords } from "./literal-words";

// Both languages hold the same keys with the same placeholders, and components take their words from the
// catalogues: a literal text in a component fails here (brand names and symbols aside). Files not converted yet are
// listed below and the list only shrinks: a file on it that has become clean must leave it.

const root = path.resolve(import.meta.dirname, "../..");

/** Files whose words are still literal English: to convert, then remove from here. */
const notConvertedYet = new Set<string>(JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "i18n-not-converted.json"), "utf8")) as string[]);

function flatten(value: unknown, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  if (typeof value === "string") entries.set(prefix, value);
  else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) for (const [k, v] of flatten(child, prefix ? `${prefix}.${key}` : key)) entries.set(k, v);
  }
  return entries;
}

/**
 * The ICU arguments a message reads (`{name}`, `{count, plural, …}`): braces at even depth open an argument, at odd
 * depth a plural or select case's words (`{Shared computer}`), which differ between languages.
 */
function placeholders(text: string): string[] {
  const names = new Set<string>();
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === "{") {
      if (depth % 2 === 0) {
        const name = /^\s*([A-Za-z0-9_]+)/.exec(text.slice(index + 1))?.[1];
        if (name) names.add(name);
      }
      depth += 1;
    } else if (char === "}") depth -= 1;
  }
  return [...names].sort();
}

function componentFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return componentFiles(full);
    return entry.name.endsWith(".tsx") ? [path.relative(root, full).split(path.sep).join("/")] : [];
  });
}

describe("the French and English catalogues", () => {
  const english = flatten(catalogues.en);
  const french = flatten(catalogues.fr);

  it("hold the same keys", () => {
    expect([...french.keys()].filter((key) => !english.has(key)), "in French only").toEqual([]);
    expect([...english.keys()].filter((key) => !french.has(key)), "missing in French").toEqual([]);
  });

  it("reads a message's arguments, not its cases' words", () => {
    expect(placeholders("{role, select, viewer {Viewer} other {This}} may, {count, plural, one {# by {name}} other {#}}")).toEqual(["count", "name", "role"]);
  });

  it("give every message words and the same placeholders in both languages", () => {
    for (const [key, text] of english) {
      expect(text.trim(), key).not.toBe("");
      expect(placeholders(french.get(key) ?? ""), key).toEqual(placeholders(text));
    }
  });
});

describe("components take their words from the catalogues", () => {
  const files = [...componentFiles(path.join(root, "app")), ...componentFiles(path.join(root, "components"))];

  it("has no literal words outside the files still to convert", () => {
    const offenders = files
      .filter((file) => !notConvertedYet.has(file))
      .map((file) => ({ file, words: literalWords(file, fs.readFileSync(path.join(root, file), "utf8")) }))
      .filter((entry) => entry.words.length > 0);
    expect(offenders).toEqual([]);
  });

  it("lists as not converted only files that still hold literal words", () => {
    const stale = [...notConvertedYet].filter((file) => !fs.existsSync(path.join(root, file)) || literalWords(file, fs.readFileSync(path.join(root, file), "utf8")).length === 0);
    expect(stale).toEqual([]);
  });

  it("catches literal words", () => {
    const sample = `export function A() { return <div title="Delete the team"><p>Hello there</p>{"Literal"}<span>{t("x")}</span><b>404</b></div>; }`;
    expect(literalWords("x.tsx", sample)).toEqual(['title="Delete the team"', "Hello there", "Literal"]);
  });
});
