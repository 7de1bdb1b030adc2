import type { AppError } from "@/lib/result";

/**
 * Splits a refusal for a user form: field messages (property errors keyed by property id), and the message for the
 * form's status line — left out when a field already says the same thing beside its input.
 */
export function splitFormError(error: AppError | null) {
  const fields = error?.fields ?? {};
  const properties: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) {
    if (key.startsWith("properties.")) properties[key.slice("properties.".length)] = message;
  }
  const repeated = error !== null && Object.values(fields).includes(error.message);
  return { fields, properties, status: repeated ? null : error };
}
