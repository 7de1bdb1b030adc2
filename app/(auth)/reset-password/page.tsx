import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { checkPasswordResetLink } from "@/lib/auth/password-reset";

// The token is in this page's address: never send it on to another site in a Referer header.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { token: tokenParam } = await searchParams;
  const token = (Array.isArray(tokenParam) ? tokenParam[0] : tokenParam) ?? "";
  // Only checked here: the link is used up when the new password is saved, not when the page opens.
  const link = await checkPasswordResetLink(token);

  if (!link.ok) {
    return (
      <div className="space-y-6">
        <h1 className="text-lg font-semibold text-gray-900">Reset your password</h1>
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {link.error.message}
        </p>
        <div className="space-y-2 text-sm">
          <Link href="/forgot-password" className="block text-blue-700 hover:underline">
            Ask for a new link
          </Link>
          <Link href="/signin" className="block text-blue-700 hover:underline">
            Back to sign in
          </Link>
        </div>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-lg font-semibold text-gray-900">Choose a new password</h1>
        <p className="text-sm text-gray-600">
          For <span className="font-medium text-gray-900">{link.data.email}</span>. Saving it signs this account out
          everywhere.
        </p>
      </div>
      <ResetPasswordForm token={token} email={link.data.email} />
    </div>
  );
}
