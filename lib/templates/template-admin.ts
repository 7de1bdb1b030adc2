import "server-only";
import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objects, sites, users } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { subjectOf } from "@/lib/authz/subject";
import { visibleObjectIds } from "@/lib/objects/visible-object-ids";
import { isObjectTarget } from "@/lib/properties/property-labels";
import { loadPropertyViews, type PropertyView } from "@/lib/properties/property-view";
import { loadTemplateView, type TemplateView } from "./template-view";

export interface TemplateEditor {
  template: TemplateView;
  /** The sites a fixed scope can name: every site not archived, and archived ones already on the template. */
  sites: { id: string; name: string; archived: boolean }[];
  /** The custom properties of the template's type, in order. */
  properties: PropertyView[];
  /** Users to pick for user relations (only when the type has one). */
  users: { id: string; name: string; active: boolean }[];
  /** Object relations: the references of the default objects the Admin may see, and how many others are hidden. */
  references: Record<string, { text: string; hidden: number }>;
}

/** What the template editor shows; null for an unknown template or another organisation's. */
export async function loadTemplateEditor(db: Executor, user: ActingUser, id: string): Promise<TemplateEditor | null> {
  const template = await loadTemplateView(db, user.organizationId, id);
  if (!template) return null;
  const onTemplate = template.defaultScope.siteIds ?? [];
  const siteRows = await db
    .select({ id: sites.id, name: sites.name, archivedAt: sites.archivedAt })
    .from(sites)
    .where(and(eq(sites.organizationId, user.organizationId), or(isNull(sites.archivedAt), onTemplate.length > 0 ? inArray(sites.id, onTemplate) : undefined)))
    .orderBy(asc(sites.name));
  const properties = await loadPropertyViews(db, user.organizationId, { appliesTo: template.objectType });
  const needsUsers = properties.some((property) => property.type === "relation" && property.targetType === "user");
  const userRows = needsUsers
    ? await db
        .select({ id: users.id, name: users.name, active: users.active })
        .from(users)
        .where(eq(users.organizationId, user.organizationId))
        .orderBy(asc(users.name))
    : [];

  const references: TemplateEditor["references"] = {};
  for (const property of properties) {
    if (property.type !== "relation" || !property.targetType || !isObjectTarget(property.targetType)) continue;
    const value = template.defaultProperties[property.id];
    const ids = Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === "string") : [];
    const visible = ids.length > 0 ? await visibleObjectIds(db, subjectOf(user), property.targetType, ids) : new Set<string>();
    const rows =
      visible.size > 0
        ? await db
            .select({ id: objects.id, reference: objects.reference })
            .from(objects)
            .where(and(eq(objects.organizationId, user.organizationId), inArray(objects.id, [...visible])))
        : [];
    const byId = new Map(rows.map((row) => [row.id, row.reference]));
    references[property.id] = {
      text: ids.flatMap((entry) => (byId.has(entry) ? [byId.get(entry)!] : [])).join(", "),
      hidden: ids.filter((entry) => !byId.has(entry)).length,
    };
  }
  return {
    template,
    sites: siteRows.map((row) => ({ id: row.id, name: row.name, archived: row.archivedAt !== null })),
    properties,
    users: userRows,
    references,
  };
}

/** Site names by id, for the template list's scope summaries. */
export async function loadSiteNames(db: Executor, organizationId: string): Promise<Map<string, { name: string; archived: boolean }>> {
  const rows = await db.select({ id: sites.id, name: sites.name, archivedAt: sites.archivedAt }).from(sites).where(eq(sites.organizationId, organizationId));
  return new Map(rows.map((row) => [row.id, { name: row.name, archived: row.archivedAt !== null }]));
}
