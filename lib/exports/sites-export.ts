import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "@/db/client";
import { sites, userSites } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { utcInstantSql } from "@/lib/pagination/cursor-instant";
import type { ExportSource } from "./export-source";
import type { ExportWords } from "./export-words";
import { keyedBatches } from "./query-batches";

interface SiteRow {
  name: string;
  timeZone: string;
  members: number;
  archivedAt: string | null;
  createdAt: string;
  sortKey: string;
}

/** Every site of the organisation, archived ones included, by name, with its member count. */
export async function sitesExport(db: Database, user: ActingUser, { t }: ExportWords): Promise<ExportSource> {
  const organizationId = user.organizationId;
  return {
    header: [t("columns.name"), t("columns.timeZone"), t("columns.members"), t("columns.archivedAt"), t("columns.createdAt")],
    count: async () => {
      const [row] = rowsOf<{ total: number }>(await db.execute(sql`select count(*)::int as total from ${sites} where ${sites.organizationId} = ${organizationId}`));
      return row?.total ?? 0;
    },
    batches: async function* () {
      const rows = keyedBatches<SiteRow, string>(db, {
        select: ({ after, limit }) => sql`
          select ${sites.name} as name, ${sites.timeZone} as "timeZone", ${utcInstantSql(sites.archivedAt)} as "archivedAt",
            ${utcInstantSql(sites.createdAt)} as "createdAt", lower(${sites.name}) as "sortKey",
            (select count(*)::int from ${userSites} where ${userSites.siteId} = ${sites.id}) as members
          from ${sites}
          where ${sites.organizationId} = ${organizationId} ${after === null ? sql`` : sql`and lower(${sites.name}) > ${after}`}
          order by lower(${sites.name}) ${limit === null ? sql`` : sql`limit ${limit}`}`,
        keyOf: (row) => row.sortKey,
      });
      for await (const batch of rows) {
        yield batch.map((row) => [row.name, row.timeZone, String(row.members), row.archivedAt ?? "", row.createdAt]);
      }
    },
  };
}
