import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { passwordResetPolicy } from "@/lib/auth/password-reset";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.forgotPassword");
  return { title: t("metaTitle") };
}

export default async function ForgotPasswordPage() {
  // The link lifetime is configured at run time, not when the app is built.
  await connection();
  const { ttlMinutes } = passwordResetPolicy();
  const t = await getTranslations("auth.forgotPassword");
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-lg font-semibold text-gray-900">{t("title")}</h1>
        <p className="text-sm text-gray-600">{t("intro")}</p>
      </div>
      <ForgotPasswordForm ttlMinutes={ttlMinutes} />
    </div>
  );
}
