import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rowsOf } from "@/db/client";
import { roles, signInMethods, userKinds, userSites, users, type PropertyValues, type Role, type SignInMethod, type UserKind } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { loadPropertyDefinitions } from "@/lib/properties/load-property-definitions";
import { utcInstantSql } from "@/lib/pagination/cursor-instant";
import { namesOfSites, siteNamesOf, type ExportSource } from "./export-source";
import { joinedValues, labelsOf, type ExportWords } from "./export-words";
import { propertyCells, relationLabels } from "./property-columns";
import { keyedBatches } from "./query-batches";

interface UserRow {
  name: string;
  email: string;
  kind: UserKind;
  role: Role;
  signInMethod: SignInMethod;
  primarySiteId: string | null;
  siteIds: string[] | null;
  active: boolean;
  deactivatedAt: string | null;
  createdAt: string;
  properties: PropertyValues;
  sortKey: string;
}

/** Every user of the organisation (service accounts and deactivated users included), by e-mail, with their properties. */
export async function usersExport(db: Database, user: ActingUser, words: ExportWords): Promise<ExportSource> {
  const organizationId = user.organizationId;
  const [definitions, siteNames] = await Promise.all([
    loadPropertyDefinitions(db, organizationId, ["user"]).then((byId) => [...byId.values()]),
    siteNamesOf(db, organizationId),
  ]);
  const { t, tCommon } = words;
  const kindLabels = labelsOf(userKinds, (kind) => t(`kinds.${kind}`));
  const roleLabels = labelsOf(roles, (role) => tCommon(`roles.${role}`));
  const methodLabels = labelsOf(signInMethods, (method) => tCommon(`signInMethods.${method}`));
  return {
    header: [
      t("columns.name"),
      t("columns.email"),
      t("columns.kind"),
      t("columns.role"),
      t("columns.signInMethod"),
      t("columns.primarySite"),
      t("columns.sites"),
      t("columns.active"),
      t("columns.deactivatedAt"),
      t("columns.createdAt"),
      ...definitions.map((definition) => definition.name),
    ],
    count: async () => {
      const [row] = rowsOf<{ total: number }>(await db.execute(sql`select count(*)::int as total from ${users} where ${users.organizationId} = ${organizationId}`));
      return row?.total ?? 0;
    },
    batches: async function* () {
      const rows = keyedBatches<UserRow, string>(db, {
        select: ({ after, limit }) => sql`
          select ${users.name} as name, ${users.email} as email, ${users.kind} as kind, ${users.role} as role,
            ${users.signInMethod} as "signInMethod", ${users.primarySiteId} as "primarySiteId", ${users.active} as active,
            ${utcInstantSql(users.deactivatedAt)} as "deactivatedAt", ${utcInstantSql(users.createdAt)} as "createdAt",
            ${users.properties} as properties, lower(${users.email}) as "sortKey",
            array(select ${userSites.siteId} from ${userSites} where ${userSites.userId} = ${users.id} order by ${userSites.siteId}) as "siteIds"
          from ${users}
          where ${users.organizationId} = ${organizationId} ${after === null ? sql`` : sql`and lower(${users.email}) > ${after}`}
          order by lower(${users.email}) ${limit === null ? sql`` : sql`limit ${limit}`}`,
        keyOf: (row) => row.sortKey,
      });
      for await (const batch of rows) {
        const relations = await relationLabels(db, user, definitions, batch.map((row) => row.properties));
        yield batch.map((row) => [
          row.name,
          row.email,
          kindLabels[row.kind],
          roleLabels[row.role],
          methodLabels[row.signInMethod],
          row.primarySiteId ? (siteNames.get(row.primarySiteId) ?? "") : "",
          joinedValues(namesOfSites(row.siteIds, siteNames)),
          words.yesNo(row.active),
          row.deactivatedAt ?? "",
          row.createdAt,
          ...propertyCells(definitions, row.properties ?? {}, relations, words),
        ]);
      }
    },
  };
}
