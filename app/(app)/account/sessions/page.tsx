import type { Metadata } from "next";
import { EndOtherSessionsForm } from "@/components/account/end-other-sessions-form";
import { listOwnSessions } from "@/lib/auth/own-sessions";
import { enterPage } from "@/lib/gate/page-gate";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "My sessions" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

export default async function MySessionsPage() {
  const { user, db } = await enterPage({ name: "sessions.list_own" });
  const sessions = await listOwnSessions(db, user);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">My sessions</h1>
        <p className="mt-1 text-sm text-gray-600">Where you are signed in to Atelier right now.</p>
      </div>
      <DataTable columns={["Signed in", "Last activity", "Method", "From"]}>
        {sessions.map((session) => (
          <tr key={session.id}>
            <td className="px-4 py-2">
              {when.format(session.startedAt)}
              {session.current && <span className="ml-2 rounded bg-blue-50 px-1.5 py-0.5 text-xs text-blue-700">this session</span>}
            </td>
            <td className="px-4 py-2">{when.format(session.lastActivityAt)}</td>
            <td className="px-4 py-2">{session.method === "sso" ? "Single sign-on" : "Password"}</td>
            <td className="max-w-xs truncate px-4 py-2 text-gray-600" title={session.userAgent ?? undefined}>
              {session.clientAddress ?? "unknown"}
            </td>
          </tr>
        ))}
      </DataTable>
      <EndOtherSessionsForm />
    </div>
  );
}
