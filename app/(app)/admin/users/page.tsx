import type { Metadata } from "next";
import Link from "next/link";
import { formatInstant, signInLabel } from "@/components/admin/users/user-labels";
import { buttonStyles } from "@/components/ui/button-styles";
import { inputClass } from "@/components/ui/form-field";
import { enterPage } from "@/lib/gate/page-gate";
import { listUsersForAdmin } from "@/lib/users/list-users";
import { roleLabels } from "@/lib/users/role-labels";
import { AdminBreadcrumbs } from "@/components/admin/sites/admin-page-parts";
import { DataTable, RecordLinkCell } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Users" };

const pageSize = 25;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function pageHref(q: string | undefined, cursor: { cursor?: string; before?: string }): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (cursor.cursor) params.set("cursor", cursor.cursor);
  if (cursor.before) params.set("before", cursor.before);
  const query = params.toString();
  return query ? `/admin/users?${query}` : "/admin/users";
}

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, db } = await enterPage({ name: "users.list", capability: "administer" });
  const params = await searchParams;
  const q = first(params.q)?.trim() || undefined;
  const result = await listUsersForAdmin(db, user, { q, limit: pageSize, cursor: first(params.cursor), before: first(params.before) });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <AdminBreadcrumbs trail={[{ label: "Admin", href: "/admin" }, { label: "Users" }]} />
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-gray-900">Users</h1>
          <p className="mt-1 text-sm text-gray-600">Accounts of the organisation: their role, sites and how they sign in.</p>
        </div>
        <Link href="/admin/users/new" className={buttonStyles.primary}>
          New user
        </Link>
      </div>

      <form action="/admin/users" method="get" role="search" className="flex max-w-xl items-end gap-2">
        <div className="flex-1">
          <label htmlFor="q" className="block text-sm font-medium text-gray-700">
            Search by name or e-mail
          </label>
          <input id="q" name="q" type="search" defaultValue={q ?? ""} maxLength={200} className={inputClass()} />
        </div>
        <button type="submit" className={buttonStyles.secondary}>
          Search
        </button>
        {q && (
          <Link href="/admin/users" className="px-2 py-2 text-sm text-gray-600 hover:underline">
            Clear
          </Link>
        )}
      </form>

      {!result.ok ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {Object.values(result.error.fields ?? {})[0] ?? result.error.message}{" "}
          <Link href={pageHref(q, {})} className="underline">
            Back to the first page
          </Link>
        </p>
      ) : (
        <>
          <p className="text-sm text-gray-600" aria-live="polite">
            {result.data.total === 0
              ? q
                ? `No user matches “${q}”.`
                : "No user yet."
              : `${result.data.total.toLocaleString("en")} ${result.data.total === 1 ? "user" : "users"}${q ? ` ${result.data.total === 1 ? "matches" : "match"} “${q}”` : ""}.`}
          </p>
          {result.data.items.length > 0 && (
            <DataTable columns={["Name", "E-mail", "Role", "Sites", "Sign-in", "Status", "Last activity"]}>
              {result.data.items.map((item) => (
                <tr key={item.id} className={item.active ? undefined : "text-gray-500"}>
                  <RecordLinkCell href={`/admin/users/${item.id}`} name={item.name} />
                  <td className="break-all px-4 py-2">{item.email}</td>
                  <td className="whitespace-nowrap px-4 py-2">{roleLabels[item.role]}</td>
                  <td className="px-4 py-2">
                    {item.sites.length === 0 ? (
                      <span className="text-gray-400">—</span>
                    ) : (
                      item.sites.map((site, index) => (
                        <span key={site.id}>
                          {index > 0 && ", "}
                          <span className={site.id === item.primarySiteId ? "font-medium" : undefined}>{site.name}</span>
                          {site.archived && <span className="text-gray-400"> (archived)</span>}
                        </span>
                      ))
                    )}
                  </td>
                  <td className="whitespace-nowrap px-4 py-2">{signInLabel(item)}</td>
                  <td className="whitespace-nowrap px-4 py-2">
                    {item.active ? (
                      <span className="rounded bg-green-50 px-1.5 py-0.5 text-xs font-medium text-green-800">Active</span>
                    ) : (
                      <span className="rounded bg-gray-100 px-1.5 py-0.5 text-xs font-medium text-gray-600">Deactivated</span>
                    )}
                  </td>
                  <td className="px-4 py-2 text-gray-600">{formatInstant(item.lastActivityAt)}</td>
                </tr>
              ))}
            </DataTable>
          )}
          {(result.data.previousCursor || result.data.nextCursor) && (
            <nav aria-label="Pages" className="flex items-center gap-3">
              {result.data.previousCursor ? (
                <Link href={pageHref(q, { before: result.data.previousCursor })} className={buttonStyles.secondary}>
                  ← Previous
                </Link>
              ) : (
                <span aria-disabled="true" className={`${buttonStyles.secondary} pointer-events-none opacity-50`}>
                  ← Previous
                </span>
              )}
              {result.data.nextCursor ? (
                <Link href={pageHref(q, { cursor: result.data.nextCursor })} className={buttonStyles.secondary}>
                  Next →
                </Link>
              ) : (
                <span aria-disabled="true" className={`${buttonStyles.secondary} pointer-events-none opacity-50`}>
                  Next →
                </span>
              )}
              <span className="text-sm text-gray-500">{pageSize} per page, by name</span>
            </nav>
          )}
        </>
      )}
    </div>
  );
}
