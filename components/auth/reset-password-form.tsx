"use client";

import Link from "next/link";
import { useActionState } from "react";
import { resetPasswordAction, type ResetPasswordState } from "@/app/(auth)/password-reset-actions";

const inputClass =
  "mt-1 block w-full rounded-md border border-gray-300 px-3 py-2 text-sm shadow-sm focus:border-blue-500 focus:outline-none focus:ring-1 focus:ring-blue-500 aria-[invalid=true]:border-red-500";

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(" ") || undefined;
}

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, formAction, pending] = useActionState<ResetPasswordState, FormData>(resetPasswordAction, null);
  const error = state && !state.ok ? state.error : null;

  // Without fields, the refusal is about the link itself (used, expired, or the account changed meanwhile).
  if (error && !error.fields) {
    return (
      <div className="space-y-4">
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error.message}
        </p>
        <Link href="/forgot-password" className="block text-sm text-blue-700 hover:underline">
          Ask for a new link
        </Link>
      </div>
    );
  }

  const passwordError = error?.fields?.password;
  const confirmError = error?.fields?.confirmPassword;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers file the new password under the right account; not submitted. */}
      <input type="email" autoComplete="username" value={email} readOnly hidden />
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-gray-700">
          New password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={describedBy("password-hint", passwordError && "password-error")}
          className={inputClass}
        />
        <p id="password-hint" className="mt-1 text-xs text-gray-500">
          12 to 128 characters; a long phrase is easiest to remember. Very common passwords are refused.
        </p>
        {passwordError && (
          <p id="password-error" className="mt-1 text-sm text-red-700">
            {passwordError}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="confirmPassword" className="block text-sm font-medium text-gray-700">
          Confirm new password
        </label>
        <input
          id="confirmPassword"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={confirmError ? true : undefined}
          aria-describedby={describedBy(confirmError && "confirmPassword-error")}
          className={inputClass}
        />
        {confirmError && (
          <p id="confirmPassword-error" className="mt-1 text-sm text-red-700">
            {confirmError}
          </p>
        )}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-gray-900 px-3 py-2 text-sm font-medium text-white hover:bg-gray-800 disabled:opacity-60"
      >
        {pending ? "Saving…" : "Set new password"}
      </button>
    </form>
  );
}
