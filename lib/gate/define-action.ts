import "server-only";
import type { z } from "zod";
import { renderAppError } from "@/lib/i18n/render-error";
import { requestLocale } from "@/lib/i18n/request-locale";
import type { AppError, Result } from "@/lib/result";
import { enterGate, type GateContext, type GateSpec } from "./gate-context";

/** What a form's `useActionState` holds: the result, and the values typed (React resets forms after actions). */
export type FormState<T> =
  | null
  | ({ values: Record<string, string> } & ({ ok: true; data: T } | { ok: false; error: AppError }));

/** Declares a server action through the gate: callers get a typed result, never an exception. */
export function defineAction<Schema extends z.ZodType, T>(
  spec: GateSpec<Schema>,
  run: (context: GateContext<z.output<Schema>>) => Promise<Result<T>>,
): (input: z.input<Schema>) => Promise<Result<T>> {
  return async (input) => rendered(await runGated(spec, input, run));
}

async function runGated<Schema extends z.ZodType, T>(
  spec: GateSpec<Schema>,
  input: unknown,
  run: (context: GateContext<z.output<Schema>>) => Promise<Result<T>>,
): Promise<Result<T>> {
  const entered = await enterGate(spec, input);
  return entered.ok ? run(entered.context) : entered;
}

/** The result in the words of the request's language (services name their messages by catalogue key). */
async function rendered<T>(result: Result<T>): Promise<Result<T>> {
  return result.ok ? result : { ok: false, error: renderAppError(await requestLocale(), result.error) };
}

// Secrets are never sent back to the browser, even to refill a form.
const unechoedFields = /password|token|secret/i;

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    values[key] = value;
  }
  return values;
}

/** Declares a form action (for `useActionState`) through the gate: the typed values come back with the result. */
export function defineFormAction<Schema extends z.ZodType, T>(
  spec: GateSpec<Schema>,
  run: (context: GateContext<z.output<Schema>>) => Promise<Result<T>>,
): (previous: FormState<T>, formData: FormData) => Promise<FormState<T>> {
  return async (_previous, formData) => {
    const values = formValues(formData);
    const echoed = Object.fromEntries(Object.entries(values).filter(([key]) => !unechoedFields.test(key)));
    return { ...(await rendered(await runGated(spec, values, run))), values: echoed };
  };
}
