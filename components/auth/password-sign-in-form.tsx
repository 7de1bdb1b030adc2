"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signInWithPasswordAction, type PasswordSignInState } from "@/app/(auth)/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";
import { AuthTextField } from "./auth-text-field";

const refusalId = "sign-in-refusal";

export function PasswordSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth.signIn");
  const [state, formAction, pending] = useActionState<PasswordSignInState | null, FormData>(signInWithPasswordAction, null);
  const error = state?.error ?? null;
  // A refusal of the pair (wrong password, too many attempts…) is one message both inputs point to; a wrong pair
  // marks both invalid, since saying which one is wrong would tell which e-mails have accounts.
  const refusal = error && !error.fields ? { id: refusalId, invalid: error.code === "unauthenticated" } : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {refusal && (
        <div id={refusalId}>
          <FormStatus error={error} />
        </div>
      )}
      <AuthTextField
        id="email"
        label={t("email")}
        type="email"
        autoComplete="username"
        defaultValue={state?.email ?? ""}
        error={error?.fields?.email}
        refusal={refusal}
      />
      <AuthTextField
        id="password"
        label={t("password")}
        type="password"
        autoComplete="current-password"
        error={error?.fields?.password}
        refusal={refusal}
      />
      <button type="submit" disabled={pending} className={`${buttonStyles.primary} w-full`}>
        {pending ? t("submitting") : t("submit")}
      </button>
      {/* After the button: e-mail, password and Sign in come first in the tab order. */}
      <p className="text-center text-sm">
        <Link href="/forgot-password" className="text-blue-700 underline-offset-2 hover:underline">
          {t("forgotPassword")}
        </Link>
      </p>
    </form>
  );
}
