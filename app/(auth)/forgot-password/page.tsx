import type { Metadata } from "next";
import { connection } from "next/server";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { passwordResetPolicy } from "@/lib/auth/password-reset";

export const metadata: Metadata = { title: "Forgot password" };

export default async function ForgotPasswordPage() {
  // The link lifetime is configured at run time, not when the app is built.
  await connection();
  const { ttlMinutes } = passwordResetPolicy();
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-lg font-semibold text-gray-900">Reset your password</h1>
        <p className="text-sm text-gray-600">
          Enter the e-mail address you sign in with. We&apos;ll send you a link to choose a new password.
        </p>
      </div>
      <ForgotPasswordForm ttlMinutes={ttlMinutes} />
    </div>
  );
}
