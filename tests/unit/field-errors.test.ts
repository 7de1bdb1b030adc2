import { describe, expect, it } from "vitest";
import { z } from "zod";
import { accessRuleFieldsSchema } from "@/lib/access-rules/rule-schemas";
import { createObjectSchema } from "@/lib/objects/create-object";
import { listVisibleObjectsSchema } from "@/lib/objects/list-visible-objects";
import { fieldErrors, unknownFieldMessage } from "@/lib/validation/field-errors";
import { createViewSchema } from "@/lib/views/view-schemas";

function errorsOf(schema: z.ZodType, input: unknown): Record<string, string> {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error("the input was accepted");
  return fieldErrors(parsed.error);
}

describe("fieldErrors", () => {
  it("keys each message by its dotted path, the first message of a field winning", () => {
    const schema = z.strictObject({ name: z.string().min(3, "Too short.").max(1, "Too long."), tags: z.array(z.string("Text.")) });
    expect(errorsOf(schema, { name: "ab", tags: ["a", 2] })).toEqual({ name: "Too short.", "tags.1": "Text." });
    expect(errorsOf(z.string("Send text."), 1)).toEqual({ form: "Send text." });
  });

  it("names every unknown key by its full path, at any depth and in lists", () => {
    const schema = z.strictObject({ rows: z.array(z.strictObject({ label: z.string() })), inner: z.strictObject({ a: z.number() }) });
    expect(errorsOf(schema, { rows: [{ label: "x" }, { label: "y", color: "red" }], inner: { a: 1, b: 2, c: 3 }, extra: true })).toEqual({
      "rows.1.color": unknownFieldMessage,
      "inner.b": unknownFieldMessage,
      "inner.c": unknownFieldMessage,
      extra: unknownFieldMessage,
    });
  });
});

describe("the API's inputs are strict", () => {
  it("a create that misspells scope is refused naming the field", () => {
    expect(errorsOf(createObjectSchema, { type: "part", title: "Bracket", scopee: { kind: "owner" } })).toEqual({ scopee: unknownFieldMessage });
    expect(errorsOf(createObjectSchema, { type: "part", title: "Bracket", scope: { kind: "owner", sites: [] } })).toEqual({
      "scope.sites": unknownFieldMessage,
    });
    expect(errorsOf(createObjectSchema, { type: "part", title: "Bracket", details: { unit: "kg", colour: "red" } })).toEqual({
      "details.colour": unknownFieldMessage,
    });
  });

  it("a rule's nested conditions refuse unknown keys", () => {
    const rule = {
      name: "R",
      level: "view",
      users: { all: true, everyone: true, properties: [{ propertyId: "p", in: [], not: true }] },
      objects: { types: [], tags: [] },
      match: [{ userPropertyId: "u", objectPropertyId: "o", op: "eq" }],
    };
    expect(errorsOf(accessRuleFieldsSchema, rule)).toEqual({
      "users.everyone": unknownFieldMessage,
      "users.properties.0.not": unknownFieldMessage,
      "objects.tags": unknownFieldMessage,
      "match.0.op": unknownFieldMessage,
    });
  });

  it("a view's filters and sort refuse unknown keys", () => {
    const view = { name: "V", objectType: "part", columns: ["title"], filters: [{ field: "title", op: "eq", value: "x", mode: 1 }], sort: [{ field: "title", direction: "asc", nulls: "last" }] };
    expect(errorsOf(createViewSchema, view)).toEqual({ "filters.0.mode": unknownFieldMessage, "sort.0.nulls": unknownFieldMessage });
  });

  it("a list refuses an undeclared query parameter, even empty, and ignores empty declared ones", () => {
    expect(errorsOf(listVisibleObjectsSchema, { type: "", q: "", limit: "10", sort: "" })).toEqual({ sort: unknownFieldMessage });
    expect(listVisibleObjectsSchema.parse({ type: "", q: "", cursor: "", limit: "10" })).toEqual({ limit: 10 });
  });
});
