import { getTranslations } from "next-intl/server";
import type { ObjectPageContext } from "@/lib/gate/object-page-gate";
import type { ObjectSharing } from "@/lib/objects/describe-object-sharing";
import { loadScopeFormSites } from "@/lib/objects/scope-form-sites";
import { ScopeForm } from "./scope-form";

/** Who the scope lets see the object at most, its owner, and the scope form for those who may change it. */
export async function ScopeSection({ context, sharing }: { context: ObjectPageContext; sharing: ObjectSharing }) {
  const t = await getTranslations("share.scope");
  const { db, user, object } = context;
  const { scope } = sharing;
  const siteNames = scope.sites.map((site) => (site.archived ? t("archivedSite", { name: site.name }) : site.name));
  const sentence = scope.kind === "sites" ? t("sites", { sites: siteNames.join(", ") }) : t(scope.kind);
  const canChange = object.access.actions.includes("change_scope");
  const sites = canChange ? await loadScopeFormSites(db, user, object.scope.siteIds) : [];
  return (
    <section aria-labelledby="share-scope-heading" className="space-y-3">
      <h2 id="share-scope-heading" className="text-lg font-semibold text-gray-900">
        {t("heading")}
      </h2>
      <p className="text-sm font-medium text-gray-900 [overflow-wrap:anywhere]">{sentence}</p>
      <p className="text-sm text-gray-700 [overflow-wrap:anywhere]">{t("ownerLine", { name: sharing.owner.name })}</p>
      {canChange && (
        <div className="rounded-lg border border-gray-200 bg-white p-4">
          <ScopeForm object={{ id: object.id, version: object.version, scope: object.scope }} sites={sites} />
        </div>
      )}
    </section>
  );
}
