"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { resetPasswordAction, type ResetPasswordState } from "@/app/(auth)/password-reset-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";
import { AuthTextField } from "./auth-text-field";

interface ResetPasswordFormProps {
  token: string;
  email: string;
  /** The policy's lengths in words: the policy lives on the server. */
  passwordHint: string;
}

export function ResetPasswordForm({ token, email, passwordHint }: ResetPasswordFormProps) {
  const t = useTranslations("auth.resetPassword");
  const [state, formAction, pending] = useActionState<ResetPasswordState, FormData>(resetPasswordAction, null);
  const error = state && !state.ok ? state.error : null;

  // Without fields, the refusal is about the link itself (used, expired, or the account changed meanwhile).
  if (error && !error.fields) {
    return (
      <div className="space-y-4">
        <FormStatus error={error} />
        <Link href="/forgot-password" className="block text-sm text-blue-700 underline-offset-2 hover:underline">
          {t("askNewLink")}
        </Link>
      </div>
    );
  }

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers file the new password under the right account; not submitted. */}
      <input type="email" autoComplete="username" value={email} readOnly hidden />
      <AuthTextField
        id="password"
        label={t("newPassword")}
        type="password"
        autoComplete="new-password"
        hint={passwordHint}
        error={error?.fields?.password}
      />
      <AuthTextField
        id="confirmPassword"
        label={t("confirmPassword")}
        type="password"
        autoComplete="new-password"
        error={error?.fields?.confirmPassword}
      />
      <button type="submit" disabled={pending} className={`${buttonStyles.primary} w-full`}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
