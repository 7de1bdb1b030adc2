import type { z } from "zod";
import { fail, ok, type Result } from "@/lib/result";
import { fieldErrors } from "./field-errors";

/** Parses a service's input: the data, or `invalid` with a message per field for the form to show. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): Result<z.output<Schema>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return fail("invalid", "errors.fieldsNeedAttention", fieldErrors(parsed.error));
  return ok(parsed.data);
}
