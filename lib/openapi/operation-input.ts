import { z } from "zod";

/** A JSON Schema as zod writes it (draft 2020-12, the dialect of OpenAPI 3.1). */
export type JsonSchema = { [keyword: string]: unknown };

export interface OpenApiParameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  schema: JsonSchema;
}

/** The request's side of the route's input schema: what a client may send. */
export function inputJsonSchema(input: z.ZodType): JsonSchema {
  const { $schema, ...schema } = z.toJSONSchema(input, { io: "input", unrepresentable: "any" }) as JsonSchema;
  void $schema;
  return schema;
}

/** The object schemas an input is made of: itself, or each branch of a union. */
function objectBranches(schema: JsonSchema): JsonSchema[] {
  const branches = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
  return branches ? branches.flatMap(objectBranches) : schema.type === "object" ? [schema] : [];
}

function propertiesOf(schema: JsonSchema): Record<string, JsonSchema> {
  return (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
}

function requiredOf(schema: JsonSchema): string[] {
  return (schema.required as string[] | undefined) ?? [];
}

export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
}

/**
 * The route's input schema merges query, body and path parameters (lib/gate/define-route.ts): path parameters are
 * the names in the path, and the rest is either the query (reads, deletions, uploads) or the JSON body (writes).
 */
export function operationParameters(path: string, input: JsonSchema, restInQuery: boolean): OpenApiParameter[] {
  const branches = objectBranches(input);
  const pathNames = pathParameterNames(path);
  const propertySchema = (name: string): JsonSchema => branches.map((branch) => propertiesOf(branch)[name]).find(Boolean) ?? { type: "string" };
  const inPath = pathNames.map((name): OpenApiParameter => ({ name, in: "path", required: true, schema: propertySchema(name) }));
  if (!restInQuery) return inPath;
  const queryNames = [...new Set(branches.flatMap((branch) => Object.keys(propertiesOf(branch))))].filter((name) => !pathNames.includes(name));
  const inQuery = queryNames.map(
    (name): OpenApiParameter => ({
      name,
      in: "query",
      required: branches.every((branch) => requiredOf(branch).includes(name)),
      schema: propertySchema(name),
    }),
  );
  return [...inPath, ...inQuery];
}

/** The JSON body of a write: the input schema without the path parameters (null when nothing is left to send). */
export function requestBodySchema(path: string, input: JsonSchema): JsonSchema | null {
  const pathNames = pathParameterNames(path);
  const withoutPath = (schema: JsonSchema): JsonSchema => {
    const branches = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
    if (branches) return { ...schema, [schema.oneOf ? "oneOf" : "anyOf"]: branches.map(withoutPath) };
    if (schema.type !== "object") return schema;
    const properties = Object.fromEntries(Object.entries(propertiesOf(schema)).filter(([name]) => !pathNames.includes(name)));
    const required = requiredOf(schema).filter((name) => !pathNames.includes(name));
    return { ...schema, properties, ...(required.length ? { required } : { required: undefined }) };
  };
  const body = JSON.parse(JSON.stringify(withoutPath(input))) as JsonSchema;
  return objectBranches(body).every((branch) => Object.keys(propertiesOf(branch)).length === 0) ? null : body;
}

/** Whether the body must be sent: some field is required in every branch. */
export function bodyIsRequired(body: JsonSchema): boolean {
  const branches = objectBranches(body);
  return branches.length > 0 && branches.every((branch) => requiredOf(branch).length > 0);
}

/** Whether the input states a `version` (edits and deletions do: a stale one is 409). */
export function takesVersion(input: JsonSchema): boolean {
  return objectBranches(input).some((branch) => "version" in propertiesOf(branch));
}
