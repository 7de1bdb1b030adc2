import type { z } from "zod";

export const unknownFieldMessage = "errors.unknownField";

/**
 * The first message of each invalid field, keyed by its dotted path: what a form shows beside each input. Inputs
 * are strict, and zod reports all the unknown keys of one object as a single issue: each gets its own entry, keyed
 * by its full path, so the answer names every field that was refused.
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fields[[...issue.path, key].join(".") || "form"] ??= unknownFieldMessage;
      continue;
    }
    const key = issue.path.join(".") || "form";
    fields[key] ??= issue.message;
  }
  return fields;
}
