import { describe, expect, it } from "vitest";
import { decodeObjectCursor, encodeObjectCursor } from "@/lib/objects/object-cursor";
import { isCursorInstant } from "@/lib/pagination/cursor-instant";
import { decodeCursorText, encodeCursorText, maxCursorLength } from "@/lib/pagination/cursor-text";
import { decodeNameCursor, encodeNameCursor, maxSortNameLength } from "@/lib/pagination/name-cursor";

const id = "0b6f0f7e-3c1a-4d5e-9f00-1234567890ab";
const base64url = (text: string) => Buffer.from(text, "utf8").toString("base64url");

describe("cursor text", () => {
  it("decodes what it encodes, UTF-8 included", () => {
    expect(decodeCursorText(encodeCursorText("émilie|日本"))).toBe("émilie|日本");
  });

  it("refuses text that is not the canonical base64url of UTF-8", () => {
    expect(decodeCursorText("!!!!")).toBeNull();
    expect(decodeCursorText(`${encodeCursorText("abc")} `)).toBeNull();
    expect(decodeCursorText(`${encodeCursorText("abc")}=`)).toBeNull();
    expect(decodeCursorText("YWJjZB")).toBeNull(); // stray bits Buffer would ignore
    expect(decodeCursorText(Buffer.from([0xff, 0xfe, 0x80]).toString("base64url"))).toBeNull();
    expect(decodeCursorText("A".repeat(maxCursorLength + 4))).toBeNull();
  });
});

describe("cursor instants", () => {
  it("takes the instants PostgreSQL prints, leap days included", () => {
    expect(isCursorInstant("2024-05-01T12:34:56.123456Z")).toBe(true);
    expect(isCursorInstant("2024-02-29T23:59:59.999999Z")).toBe(true);
    expect(isCursorInstant("0001-01-01T00:00:00.000000Z")).toBe(true);
  });

  it.each([
    ["month 13", "2024-13-01T00:00:00.000000Z"],
    ["month 00", "2024-00-10T00:00:00.000000Z"],
    ["31 February", "2024-02-31T00:00:00.000000Z"],
    ["29 February of a common year", "2023-02-29T00:00:00.000000Z"],
    ["day 00", "2024-01-00T00:00:00.000000Z"],
    ["year 0000", "0000-01-01T00:00:00.000000Z"],
    ["hour 24", "2024-01-01T24:00:00.000000Z"],
    ["minute 60", "2024-01-01T10:60:00.000000Z"],
    ["second 60", "2024-12-31T23:59:60.000000Z"],
    ["milliseconds only", "2024-01-01T00:00:00.000Z"],
    ["an offset", "2024-01-01T00:00:00.000000+02:00"],
    ["a date", "2024-01-01"],
  ])("refuses %s", (_case, text) => {
    expect(isCursorInstant(text)).toBe(false);
  });
});

describe("object cursors", () => {
  it("decode what they encode", () => {
    const cursor = { createdAt: "2024-05-01T12:34:56.123456Z", id };
    expect(decodeObjectCursor(encodeObjectCursor(cursor))).toEqual(cursor);
  });

  it.each([
    ["month 13", base64url(`2024-13-01T00:00:00.000000Z|${id}`)],
    ["year 0000", base64url(`0000-01-01T00:00:00.000000Z|${id}`)],
    ["31 February", base64url(`2024-02-31T00:00:00.000000Z|${id}`)],
    ["hour 24", base64url(`2024-01-01T24:00:00.000000Z|${id}`)],
    ["an id that is not a uuid", base64url("2024-01-01T00:00:00.000000Z|42")],
    ["a third part", base64url(`2024-01-01T00:00:00.000000Z|${id}|x`)],
    ["a NUL", base64url(`2024-01-01T00:00:00.000000Z\u0000|${id}`)],
    ["garbage base64", "%%%not-a-cursor%%%"],
    ["nothing", ""],
    ["an overlong text", "A".repeat(maxCursorLength + 4)],
  ])("refuse %s", (_case, text) => {
    expect(decodeObjectCursor(text)).toBeNull();
  });
});

describe("name cursors", () => {
  it("decode what they encode, up to the longest name key", () => {
    for (const sortName of ["émilie fournier", "", "x".repeat(maxSortNameLength), "o'brien \"the\" \\ best"]) {
      expect(decodeNameCursor(encodeNameCursor({ sortName, id }))).toEqual({ sortName, id });
    }
  });

  it.each([
    ["a NUL", base64url(JSON.stringify(["ab\u0000c", id]))],
    ["an escaped lone surrogate", base64url(`["ab\\ud800",${JSON.stringify(id)}]`)],
    ["an overlong name key", base64url(JSON.stringify(["x".repeat(maxSortNameLength + 1), id]))],
    ["an id that is not a uuid", base64url(JSON.stringify(["alice", "not-an-id"]))],
    ["a name key that is not text", base64url(JSON.stringify([42, id]))],
    ["a third entry", base64url(JSON.stringify(["alice", id, 1]))],
    ["JSON written another way", base64url(`[ "alice", ${JSON.stringify(id)} ]`)],
    ["text that is not JSON", base64url("alice")],
    ["garbage base64", "!!not base64!!"],
    ["invalid UTF-8", Buffer.from([0x5b, 0x22, 0xc3, 0x28, 0x22, 0x5d]).toString("base64url")],
    ["an overlong text", "A".repeat(maxCursorLength + 4)],
  ])("refuse %s", (_case, text) => {
    expect(decodeNameCursor(text)).toBeNull();
  });
});
