import type { z } from "zod";
import type { ErrorCode } from "@/lib/result";

/** What `JSON.stringify` makes of a service's answer: dates travel as ISO strings. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? Jsonified<Item>[]
    : T extends object
      ? { [Key in keyof T]: Jsonified<T[Key]> }
      : T;

/** The data of a successful Result that a service function answers. */
export type ServiceData<Service extends (...args: never[]) => unknown> = Extract<Awaited<ReturnType<Service>>, { ok: true }> extends { data: infer Data }
  ? Data
  : never;

type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * A response schema that must describe the service's output: each is assignable to the other, so a field added to,
 * removed from or retyped in the service without the schema (or the reverse) fails typecheck at the call. A drift
 * shows as a missing argument whose type holds both shapes.
 */
export function describes<Data>() {
  return <Schema extends z.ZodType>(
    schema: Schema,
    ...drift: SameShape<z.output<Schema>, Jsonified<Data>> extends true ? [] : [mismatch: { schema: z.output<Schema>; service: Jsonified<Data> }]
  ): Schema => {
    void drift;
    return schema;
  };
}

/** What the document says of one operation's answers, beside what it derives from the route's declaration. */
export interface ResponseDeclaration {
  summary: string;
  /** The JSON body of a successful answer. */
  schema?: z.ZodType;
  /** A non-JSON answer (a file, a CSV export): its media type and what it is. */
  file?: { mediaType: string; description: string };
  /** Error codes the service answers beyond those the declaration implies (a 409 for a duplicate on create …). */
  errors?: ErrorCode[];
}

/** Keyed by "METHOD /api/v1/path/{param}". */
export type ResponseDeclarations = Record<string, ResponseDeclaration>;
