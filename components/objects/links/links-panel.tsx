import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { FormStatus } from "@/components/ui/form-status";
import { objectLinkKinds } from "@/db/schema";
import type { ObjectPageContext } from "@/lib/gate/object-page-gate";
import { renderAppError } from "@/lib/i18n/render-error";
import { requestLocale } from "@/lib/i18n/request-locale";
import { linkKindHasQuantity, linkKindsFrom } from "@/lib/links/link-kinds";
import type { LinkView } from "@/lib/links/link-view";
import { listObjectLinks } from "@/lib/links/list-object-links";
import { objectPath } from "@/lib/objects/object-paths";
import { AddLinkForm } from "./add-link-form";
import { LinkQuantityForm } from "./link-quantity-form";
import { RemoveLinkButton } from "./remove-link-button";

/** The most links the panel shows; an object with more says so (the API pages through all of them). */
const panelLinkLimit = 200;

type GroupKey = "related" | `${Exclude<LinkView["kind"], "related">}.${LinkView["direction"]}`;

/** Related links read the same both ways; the other kinds say which side this object is on. */
function groupKeyOf(link: LinkView): GroupKey {
  return link.kind === "related" ? "related" : `${link.kind}.${link.direction}`;
}

/** Groups in kind order, outgoing before incoming; links keep the list's order (by reference) within a group. */
function groupLinks(links: LinkView[]): [GroupKey, LinkView[]][] {
  const groups = new Map<GroupKey, LinkView[]>();
  for (const link of links) groups.set(groupKeyOf(link), [...(groups.get(groupKeyOf(link)) ?? []), link]);
  const rank = ([, [first]]: [GroupKey, LinkView[]]) => objectLinkKinds.indexOf(first!.kind) * 2 + (first!.kind !== "related" && first!.direction === "incoming" ? 1 : 0);
  return [...groups].sort((a, b) => rank(a) - rank(b));
}

/**
 * An object's links panel: the objects linked to it that the user can view, grouped by kind (a product's parts with
 * their quantities, the products a part belongs to, related objects…), each linking to its page. With link access on
 * this object, a form to add a link; a link the user may change (link access on its source) has its quantity and
 * remove controls.
 */
export async function LinksPanel({ context }: { context: ObjectPageContext }) {
  const { db, user, authorized, object } = context;
  const [t, tTypes, format, locale, listed] = await Promise.all([
    getTranslations("links"),
    getTranslations("common.objectTypes"),
    getFormatter(),
    requestLocale(),
    listObjectLinks(db, user, { id: object.id, limit: panelLinkLimit }, { authorized }),
  ]);
  const headingId = `links-${object.id}`;
  const kinds = linkKindsFrom(object.type);
  // A type's own kind first (a product's parts, a project's deliverables): what it is most often linked by.
  const offered = [...kinds.filter((kind) => kind !== "related"), ...kinds.filter((kind) => kind === "related")];

  return (
    <section aria-labelledby={headingId} className="min-w-0 space-y-5 rounded-lg border border-gray-200 bg-white p-5">
      <div>
        <h2 id={headingId} className="text-lg font-semibold">
          {t("heading")}
        </h2>
        <p className="mt-1 text-sm text-gray-600">{t("intro")}</p>
      </div>
      {!listed.ok ? (
        <FormStatus error={renderAppError(locale, listed.error)} />
      ) : listed.data.items.length === 0 ? (
        <p className="rounded-md border border-dashed border-gray-300 px-4 py-3 text-sm text-gray-600">{t("none")}</p>
      ) : (
        groupLinks(listed.data.items).map(([key, links]) => {
          const groupId = `${headingId}-${key.replace(".", "-")}`;
          return (
            <div key={key} className="space-y-2">
              <h3 id={groupId} className="text-sm font-semibold text-gray-900">
                {t(`groups.${key}`)} <span className="font-normal text-gray-600">({format.number(links.length)})</span>
              </h3>
              <ul aria-labelledby={groupId} className="divide-y divide-gray-100 rounded-md border border-gray-200">
                {links.map((link) => (
                  <li key={link.id} className="flex flex-wrap items-end justify-between gap-x-4 gap-y-2 px-3 py-2">
                    <div className="min-w-0 text-sm [overflow-wrap:anywhere]">
                      <Link href={objectPath(link.object.type, link.object.id)} className="font-medium text-blue-700 hover:underline">
                        {link.object.reference}
                      </Link>{" "}
                      <span className="text-gray-900">{link.object.title}</span>
                      <p className="text-xs text-gray-600">
                        {tTypes(link.object.type)}
                        {link.quantity !== null && !link.canEdit && ` · ${t("quantity.shown", { quantity: format.number(link.quantity) })}`}
                      </p>
                    </div>
                    {link.canEdit && (
                      <div className="flex flex-wrap items-end gap-2">
                        {link.quantity !== null && linkKindHasQuantity(link.kind) && (
                          <LinkQuantityForm
                            objectId={object.id}
                            link={{ id: link.id, version: link.version, reference: link.object.reference, quantity: link.quantity }}
                          />
                        )}
                        <RemoveLinkButton objectId={object.id} link={{ id: link.id, version: link.version, reference: link.object.reference }} />
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          );
        })
      )}
      {listed.ok && listed.data.nextCursor && <p className="text-sm text-gray-600">{t("more", { count: format.number(panelLinkLimit) })}</p>}
      {object.access.actions.includes("link") && offered.length > 0 && (
        <div className="space-y-3 border-t border-gray-200 pt-4">
          <h3 className="text-sm font-semibold text-gray-900">{t("add.heading")}</h3>
          <AddLinkForm objectId={object.id} kinds={offered} withQuantity={offered.some(linkKindHasQuantity)} />
        </div>
      )}
    </section>
  );
}
