import "server-only";
import { and, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { objects, objectTypes, scopeKinds, users, type ObjectType, type PropertyValues, type ScopeKind } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { planFor, subjectOf } from "@/lib/authz/subject";
import { countVisibleObjects } from "@/lib/objects/count-visible-objects";
import { objectListFiltersSql } from "@/lib/objects/object-list-filters";
import { utcInstantSql } from "@/lib/pagination/cursor-instant";
import { loadPropertyDefinitions, type PropertyDefinitionFacts } from "@/lib/properties/load-property-definitions";
import { namesOfSites, siteNamesOf, type ExportSource } from "./export-source";
import { joinedValues, labelsOf, type ExportWords } from "./export-words";
import { propertyCells, relationLabels } from "./property-columns";
import { keyedBatches } from "./query-batches";

interface ObjectRow {
  type: ObjectType;
  number: number;
  reference: string;
  title: string;
  ownerName: string | null;
  ownerEmail: string | null;
  originSiteId: string | null;
  scopeKind: ScopeKind;
  scopeSiteIds: string[] | null;
  properties: PropertyValues;
  createdAt: string;
  updatedAt: string;
}

type ObjectKey = { type: ObjectType; number: number };

/** The property columns: those of the type asked for, else those of every type, headed with their type. */
function propertyColumns(definitions: readonly PropertyDefinitionFacts[], type: ObjectType | undefined, { tCommon }: ExportWords) {
  const chosen = definitions
    .filter((definition) => definition.appliesTo !== "user" && (!type || definition.appliesTo === type))
    .sort((a, b) => objectTypes.indexOf(a.appliesTo as ObjectType) - objectTypes.indexOf(b.appliesTo as ObjectType));
  const header = chosen.map((definition) => (type ? definition.name : `${tCommon(`objectTypes.${definition.appliesTo as ObjectType}`)} · ${definition.name}`));
  return { chosen, header };
}

/**
 * The objects the caller may view (SPEC §3: Admins are not exempt) — the lists' SQL predicate in the statement's
 * WHERE, so an object outside their scope or rules is never read — optionally of one type and one site, by type and
 * reference number, with their custom properties as columns.
 */
export async function objectsExport(
  db: Database,
  user: ActingUser,
  filters: { type?: ObjectType; siteId?: string },
  words: ExportWords,
): Promise<ExportSource> {
  const subject = subjectOf(user);
  const [definitions, siteNames, plan] = await Promise.all([
    loadPropertyDefinitions(db, user.organizationId).then((byId) => [...byId.values()]),
    siteNamesOf(db, user.organizationId),
    planFor(db, subject),
  ]);
  const filter = visibleObjectsFilter(plan, subject, { organizationId: user.organizationId, minLevel: "view_no_download", type: filters.type });
  const properties = propertyColumns(definitions, filters.type, words);
  const { t, tCommon } = words;
  const typeLabels = labelsOf(objectTypes, (type) => tCommon(`objectTypes.${type}`));
  const scopeLabels = labelsOf(scopeKinds, (kind) => t(`scopes.${kind}`));
  return {
    header: [
      t("columns.reference"),
      t("columns.type"),
      t("columns.title"),
      t("columns.owner"),
      t("columns.ownerEmail"),
      t("columns.originSite"),
      t("columns.scope"),
      t("columns.scopeSites"),
      t("columns.createdAt"),
      t("columns.updatedAt"),
      ...properties.header,
    ],
    count: async () => {
      const counted = await countVisibleObjects(db, user, { ...filters, exact: true });
      return counted.ok ? counted.data.count : 0;
    },
    batches: async function* () {
      if (filter.never) return;
      const where = and(filter.where, objectListFiltersSql({ siteId: filters.siteId }));
      const rows = keyedBatches<ObjectRow, ObjectKey>(db, {
        select: ({ after, limit }) => sql`
          select ${objects.type} as type, ${objects.number} as number, ${objects.reference} as reference, ${objects.title} as title,
            ${users.name} as "ownerName", ${users.email} as "ownerEmail", ${objects.originSiteId} as "originSiteId",
            ${objects.scopeKind} as "scopeKind", ${objects.scopeSiteIds} as "scopeSiteIds", ${objects.properties} as properties,
            ${utcInstantSql(objects.createdAt)} as "createdAt", ${utcInstantSql(objects.updatedAt)} as "updatedAt"
          from ${objects}
          left join ${users} on ${users.id} = ${objects.ownerId} and ${users.organizationId} = ${objects.organizationId}
          where ${where} ${after === null ? sql`` : sql`and (${objects.type}, ${objects.number}) > (${after.type}::object_type, ${after.number})`}
          order by ${objects.type}, ${objects.number} ${limit === null ? sql`` : sql`limit ${limit}`}`,
        keyOf: (row) => ({ type: row.type, number: row.number }),
      });
      for await (const batch of rows) {
        const relations = await relationLabels(db, user, properties.chosen, batch.map((row) => row.properties));
        yield batch.map((row) => [
          row.reference,
          typeLabels[row.type],
          row.title,
          row.ownerName ?? "",
          row.ownerEmail ?? "",
          row.originSiteId ? (siteNames.get(row.originSiteId) ?? "") : "",
          scopeLabels[row.scopeKind],
          joinedValues(namesOfSites(row.scopeSiteIds, siteNames)),
          row.createdAt,
          row.updatedAt,
          ...propertyCells(properties.chosen, row.properties ?? {}, relations, words),
        ]);
      }
    },
  };
}
