"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { requestPasswordResetAction, type ForgotPasswordState } from "@/app/(auth)/password-reset-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";
import { AuthTextField } from "./auth-text-field";

const linkClass = "block text-sm text-blue-700 underline-offset-2 hover:underline";

export function ForgotPasswordForm({ ttlMinutes }: { ttlMinutes: number }) {
  const t = useTranslations("auth.forgotPassword");
  const [state, formAction, pending] = useActionState<ForgotPasswordState, FormData>(requestPasswordResetAction, null);

  if (state?.ok) {
    return (
      <div className="space-y-4">
        <p role="status" className="rounded-md bg-blue-50 px-3 py-2 text-sm text-blue-800">
          {t("sent", { minutes: ttlMinutes })}
        </p>
        <Link href="/signin" className={linkClass}>
          {t("backToSignIn")}
        </Link>
      </div>
    );
  }

  const error = state && !state.ok ? state.error : null;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {error && !error.fields && <FormStatus error={error} />}
      <AuthTextField
        id="email"
        label={t("email")}
        type="email"
        autoComplete="username"
        defaultValue={state?.values.email ?? ""}
        error={error?.fields?.email}
      />
      <button type="submit" disabled={pending} className={`${buttonStyles.primary} w-full`}>
        {pending ? t("submitting") : t("submit")}
      </button>
      <Link href="/signin" className={`${linkClass} text-center`}>
        {t("backToSignIn")}
      </Link>
    </form>
  );
}
