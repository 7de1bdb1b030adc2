import type { AppError } from "@/lib/result";

/** A form's overall outcome: the error message (announced), or a confirmation. */
export function FormStatus({ error, success }: { error?: AppError | null; success?: string | null }) {
  if (error) {
    return (
      <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
        {error.message}
      </p>
    );
  }
  if (success) {
    return (
      <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
        {success}
      </p>
    );
  }
  return null;
}
