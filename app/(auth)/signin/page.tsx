import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PasswordSignInForm } from "@/components/auth/password-sign-in-form";
import { getSessionState, sessionEndMessages } from "@/lib/auth/acting-user";
import { safeCallbackPath } from "@/lib/auth/request-path";
import { listSsoProviders } from "@/lib/auth/sso-providers";
import { ssoRefusalMessages, ssoRefusalReasons } from "@/lib/auth/sso-sign-in";
import { signInWithSsoAction } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function noticeFor(params: SearchParams): { tone: "info" | "error"; text: string } | null {
  const reason = first(params.reason);
  const error = first(params.error);
  if (error === "sso") {
    const known = ssoRefusalReasons.find((candidate) => candidate === reason);
    return { tone: "error", text: known ? ssoRefusalMessages[known] : ssoRefusalMessages.unknown_user };
  }
  if (error) return { tone: "error", text: "Sign-in failed. Try again, or ask your Atelier administrator." };
  if (reason && reason in sessionEndMessages) return { tone: "info", text: sessionEndMessages[reason as keyof typeof sessionEndMessages] };
  if (first(params.reset) === "done") return { tone: "info", text: "Your password was changed. Sign in with the new one." };
  return null;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  if ((await getSessionState()).status === "signed_in") redirect(callbackUrl);
  const notice = noticeFor(params);
  const providers = await listSsoProviders();
  return (
    <div className="space-y-6">
      <h1 className="text-lg font-semibold text-gray-900">Sign in to Atelier</h1>
      {notice && (
        <p
          role={notice.tone === "error" ? "alert" : "status"}
          className={`rounded-md px-3 py-2 text-sm ${notice.tone === "error" ? "bg-red-50 text-red-800" : "bg-blue-50 text-blue-800"}`}
        >
          {notice.text}
        </p>
      )}
      <PasswordSignInForm callbackUrl={callbackUrl} />
      {providers.length > 0 && (
        <div className="space-y-2 border-t border-gray-100 pt-4">
          {providers.map((provider) => (
            <form key={provider.id} action={signInWithSsoAction}>
              <input type="hidden" name="providerId" value={provider.id} />
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <button
                type="submit"
                className="w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm font-medium text-gray-800 hover:bg-gray-50"
              >
                Sign in with {provider.label}
              </button>
            </form>
          ))}
        </div>
      )}
    </div>
  );
}
