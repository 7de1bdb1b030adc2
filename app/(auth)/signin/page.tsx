import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { buttonStyles } from "@/components/ui/button-styles";
import { PasswordSignInForm } from "@/components/auth/password-sign-in-form";
import { getSessionState, sessionEndMessages } from "@/lib/auth/acting-user";
import { safeCallbackPath } from "@/lib/auth/request-path";
import { listSsoProviders } from "@/lib/auth/sso-providers";
import { ssoRefusalMessages, ssoRefusalReasons } from "@/lib/auth/sso-sign-in";
import { signInWithSsoAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signIn");
  return { title: t("metaTitle") };
}

type SearchParams = Record<string, string | string[] | undefined>;

type NoticeKey =
  | (typeof ssoRefusalMessages)[keyof typeof ssoRefusalMessages]
  | (typeof sessionEndMessages)[keyof typeof sessionEndMessages]
  | "auth.signIn.failed"
  | "auth.signIn.passwordChanged";

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function isSessionEndReason(reason: string): reason is keyof typeof sessionEndMessages {
  return Object.hasOwn(sessionEndMessages, reason);
}

/** Why the visitor is here, from the address Auth.js or a sign-out sent them to. */
function noticeFor(params: SearchParams): { tone: "info" | "error"; key: NoticeKey } | null {
  const reason = first(params.reason);
  const error = first(params.error);
  if (error === "sso") {
    const known = ssoRefusalReasons.find((candidate) => candidate === reason);
    return { tone: "error", key: ssoRefusalMessages[known ?? "unknown_user"] };
  }
  if (error) return { tone: "error", key: "auth.signIn.failed" };
  if (reason && isSessionEndReason(reason)) return { tone: "info", key: sessionEndMessages[reason] };
  if (first(params.reset) === "done") return { tone: "info", key: "auth.signIn.passwordChanged" };
  return null;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  if ((await getSessionState()).status === "signed_in") redirect(callbackUrl);
  const notice = noticeFor(params);
  const [providers, t, tAll] = await Promise.all([listSsoProviders(), getTranslations("auth.signIn"), getTranslations()]);
  return (
    <div className="space-y-6">
      <h1 className="text-lg font-semibold text-gray-900">{t("title")}</h1>
      {notice && (
        <p
          role={notice.tone === "error" ? "alert" : "status"}
          className={`rounded-md px-3 py-2 text-sm ${notice.tone === "error" ? "bg-red-50 text-red-800" : "bg-blue-50 text-blue-800"}`}
        >
          {tAll(notice.key)}
        </p>
      )}
      <PasswordSignInForm callbackUrl={callbackUrl} />
      {providers.length > 0 && (
        <div className="space-y-2 border-t border-gray-200 pt-4">
          {providers.map((provider) => (
            <form key={provider.id} action={signInWithSsoAction}>
              <input type="hidden" name="providerId" value={provider.id} />
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <button type="submit" className={`${buttonStyles.secondary} w-full text-center`}>
                {t("ssoButton", { provider: provider.label })}
              </button>
            </form>
          ))}
        </div>
      )}
    </div>
  );
}
