import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sites, type PropertyValues } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { loadPropertyDefinitions, type PropertyDefinitionFacts } from "@/lib/properties/load-property-definitions";
import { loadRelationOptions, type ChoiceOption } from "@/lib/properties/relation-options";

export interface SiteOption {
  id: string;
  name: string;
  archived: boolean;
}

export type { ChoiceOption } from "@/lib/properties/relation-options";

/** What the user forms need to offer: the organisation's sites, its user properties, and relation targets. */
export interface UserFormOptions {
  sites: SiteOption[];
  properties: PropertyDefinitionFacts[];
  /** Options of relation properties, by property id: users of the organisation, or objects the Admin may see. */
  relationOptions: Record<string, ChoiceOption[]>;
}

/** The options of the new-user and edit-user forms (relation targets: see loadRelationOptions). */
export async function loadUserFormOptions(db: Executor, actor: ActingUser, current: PropertyValues = {}): Promise<UserFormOptions> {
  const org = actor.organizationId;
  const [siteRows, definitions] = await Promise.all([
    db
      .select({ id: sites.id, name: sites.name, archivedAt: sites.archivedAt })
      .from(sites)
      .where(eq(sites.organizationId, org))
      .orderBy(asc(sql`lower(${sites.name})`)),
    loadPropertyDefinitions(db, org, ["user"]),
  ]);
  const properties = [...definitions.values()];
  const relationOptions = await loadRelationOptions(db, actor, properties, current);
  return {
    sites: siteRows.map((site) => ({ id: site.id, name: site.name, archived: site.archivedAt !== null })),
    properties,
    relationOptions,
  };
}
