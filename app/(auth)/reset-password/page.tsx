import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { FormStatus } from "@/components/ui/form-status";
import { checkPasswordResetLink } from "@/lib/auth/password-reset";
import { passwordMaxLength, passwordMinLength } from "@/lib/auth/password-policy";
import { renderAppError } from "@/lib/i18n/render-error";
import { requestLocale } from "@/lib/i18n/request-locale";

// The token is in this page's address: never send it on to another site in a Referer header.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.resetPassword");
  return { title: t("metaTitle"), referrer: "no-referrer" };
}

type SearchParams = Record<string, string | string[] | undefined>;

const linkClass = "block text-blue-700 underline-offset-2 hover:underline";

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { token: tokenParam } = await searchParams;
  const token = (Array.isArray(tokenParam) ? tokenParam[0] : tokenParam) ?? "";
  // Only checked here: the link is used up when the new password is saved, not when the page opens.
  const [link, t] = await Promise.all([checkPasswordResetLink(token), getTranslations("auth.resetPassword")]);

  if (!link.ok) {
    return (
      <div className="space-y-6">
        <h1 className="text-lg font-semibold text-gray-900">{t("linkRefusedTitle")}</h1>
        <FormStatus error={renderAppError(await requestLocale(), link.error)} />
        <div className="space-y-2 text-sm">
          <Link href="/forgot-password" className={linkClass}>
            {t("askNewLink")}
          </Link>
          <Link href="/signin" className={linkClass}>
            {t("backToSignIn")}
          </Link>
        </div>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-lg font-semibold text-gray-900">{t("title")}</h1>
        <p className="break-words text-sm text-gray-600">
          {t.rich("forAccount", {
            email: link.data.email,
            account: (chunks) => <span className="font-medium text-gray-900">{chunks}</span>,
          })}
        </p>
      </div>
      <ResetPasswordForm
        token={token}
        email={link.data.email}
        passwordHint={t("passwordHint", { min: passwordMinLength, max: passwordMaxLength })}
      />
    </div>
  );
}
