"use client";

import Link from "next/link";
import { useActionState } from "react";
import { requestPasswordResetAction, type ForgotPasswordState } from "@/app/(auth)/password-reset-actions";

const inputClass =
  "mt-1 block w-full rounded-md border border-gray-300 px-3 py-2 text-sm shadow-sm focus:border-blue-500 focus:outline-none focus:ring-1 focus:ring-blue-500 aria-[invalid=true]:border-red-500";

export function ForgotPasswordForm({ ttlMinutes }: { ttlMinutes: number }) {
  const [state, formAction, pending] = useActionState<ForgotPasswordState, FormData>(requestPasswordResetAction, null);

  if (state?.ok) {
    return (
      <div className="space-y-4">
        <p role="status" className="rounded-md bg-blue-50 px-3 py-2 text-sm text-blue-800">
          If an account with this e-mail exists and signs in with a password, we&apos;ve sent a link to reset it. The link
          works once, for {ttlMinutes} minutes.
        </p>
        <Link href="/signin" className="block text-sm text-blue-700 hover:underline">
          Back to sign in
        </Link>
      </div>
    );
  }

  const error = state && !state.ok ? state.error : null;
  const emailError = error?.fields?.email;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {error && !error.fields && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error.message}
        </p>
      )}
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-gray-700">
          E-mail
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state?.values.email ?? ""}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? "email-error" : undefined}
          className={inputClass}
        />
        {emailError && (
          <p id="email-error" className="mt-1 text-sm text-red-700">
            {emailError}
          </p>
        )}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-gray-900 px-3 py-2 text-sm font-medium text-white hover:bg-gray-800 disabled:opacity-60"
      >
        {pending ? "Sending…" : "Send reset link"}
      </button>
      <Link href="/signin" className="block text-center text-sm text-blue-700 hover:underline">
        Back to sign in
      </Link>
    </form>
  );
}
