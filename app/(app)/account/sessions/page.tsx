import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EndOtherSessionsForm } from "@/components/account/end-other-sessions-form";
import { DataTable } from "@/components/ui/data-table";
import { Instant } from "@/components/ui/instant";
import { listOwnSessions } from "@/lib/auth/own-sessions";
import { enterPage } from "@/lib/gate/page-gate";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.sessions"))("title") };
}

export default async function MySessionsPage() {
  const { user, db } = await enterPage({ name: "sessions.list_own" });
  const [sessions, t, tMethods] = await Promise.all([listOwnSessions(db, user), getTranslations("account.sessions"), getTranslations("common.signInMethods")]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-gray-600">{t("intro")}</p>
      </div>
      <DataTable caption={t("caption")} columns={[t("columns.signedIn"), t("columns.lastActivity"), t("columns.method"), t("columns.from")]}>
        {sessions.map((session) => (
          <tr key={session.id}>
            <td className="whitespace-nowrap px-4 py-2">
              <Instant value={session.startedAt} />
              {session.current && <span className="ml-2 rounded bg-blue-50 px-1.5 py-0.5 text-xs text-blue-700">{t("current")}</span>}
            </td>
            <td className="whitespace-nowrap px-4 py-2">
              <Instant value={session.lastActivityAt} />
            </td>
            <td className="whitespace-nowrap px-4 py-2">{tMethods(session.method)}</td>
            <td className="px-4 py-2 text-gray-700">
              <div>{session.clientAddress ?? t("unknownAddress")}</div>
              {/* The browser, said in full but kept short on screen: a user agent is one long run of tokens. */}
              {session.userAgent && (
                <div className="max-w-xs truncate text-xs text-gray-600" title={session.userAgent}>
                  {session.userAgent}
                </div>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <EndOtherSessionsForm />
    </div>
  );
}
