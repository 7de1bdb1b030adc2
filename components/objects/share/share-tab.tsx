import type { ObjectPageContext } from "@/lib/gate/object-page-gate";
import { renderAppError } from "@/lib/i18n/render-error";
import { requestLocale } from "@/lib/i18n/request-locale";
import { describeObjectSharing } from "@/lib/objects/describe-object-sharing";
import { AccessChecker } from "./access-checker";
import { ScopeSection } from "./scope-section";
import { SharingRules } from "./sharing-rules";

/** The page's query parameters (awaited), as Next gives them. */
export type ShareTabSearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * An object's Share tab (SPEC §4, §9), for anyone who can view the object:
 * - the scope, its owner, and the scope form when the caller may change it (Manager+ with Modify);
 * - the rules that apply, with the level each grants and to whom (describeObjectSharing);
 * - the effective-access checker: `?q=` searches active users and `?user=<id>` picks one (Manager+); everyone else sees
 *   their own access only.
 *
 * Usage (the page): `<ShareTab context={await enterObjectPage(…)} searchParams={await searchParams} />`.
 */
export async function ShareTab({ context, searchParams }: { context: ObjectPageContext; searchParams: ShareTabSearchParams }) {
  const locale = await requestLocale();
  const sharing = await describeObjectSharing(context.db, context.user, { id: context.object.id }, { authorized: context.authorized, locale });
  if (!sharing.ok) {
    return (
      <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
        {renderAppError(locale, sharing.error).message}
      </p>
    );
  }
  return (
    <div className="space-y-8">
      <ScopeSection context={context} sharing={sharing.data} />
      <SharingRules rules={sharing.data.rules} />
      <AccessChecker context={context} q={first(searchParams.q)?.trim().slice(0, 200) ?? ""} userId={first(searchParams.user) || undefined} locale={locale} />
    </div>
  );
}
