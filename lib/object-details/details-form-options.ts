import "server-only";
import { and, asc, desc, eq, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objects, sites, teams } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { planFor, subjectOf } from "@/lib/authz/subject";
import type { ObjectDetails } from "./object-details-view";

export interface DetailsFormOptions {
  teams: { id: string; name: string }[];
  /** Live sites, and the order's own site even when archived (it may stay). */
  sites: { id: string; name: string; archived: boolean }[];
  /** Products the editor can view, the latest first, with the order's own product when they can view it. */
  products: { id: string; label: string }[];
}

// A select stays usable up to a few hundred entries; the API takes any product id the editor can view.
const productChoicesLimit = 300;

/** What the details form of this object offers in its selects: only what its type edits. */
export async function loadDetailsFormOptions(db: Executor, user: ActingUser, details: ObjectDetails): Promise<DetailsFormOptions> {
  const options: DetailsFormOptions = { teams: [], sites: [], products: [] };
  const organizationId = user.organizationId;
  if (details.type === "project") {
    options.teams = await db
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .where(eq(teams.organizationId, organizationId))
      .orderBy(asc(sql`lower(${teams.name})`), asc(teams.id));
  }
  if (details.type !== "manufacturing_order") return options;

  const rows = await db
    .select({ id: sites.id, name: sites.name, archivedAt: sites.archivedAt })
    .from(sites)
    .where(and(eq(sites.organizationId, organizationId), or(isNull(sites.archivedAt), details.site ? eq(sites.id, details.site.id) : undefined)))
    .orderBy(asc(sql`lower(${sites.name})`), asc(sites.id));
  options.sites = rows.map(({ archivedAt, ...site }) => ({ ...site, archived: archivedAt !== null }));

  const subject = subjectOf(user);
  const filter = visibleObjectsFilter(await planFor(db, subject), subject, { organizationId, minLevel: "view_no_download", type: "product" });
  if (filter.never) return options;
  const products = await db
    .select({ id: objects.id, reference: objects.reference, title: objects.title })
    .from(objects)
    .where(filter.where)
    .orderBy(desc(objects.createdAt), desc(objects.id))
    .limit(productChoicesLimit);
  const current = details.product?.visible ? [details.product] : [];
  const byId = new Map([...current, ...products].map((product) => [product.id, { id: product.id, label: `${product.reference} — ${product.title}` }]));
  options.products = [...byId.values()];
  return options;
}
