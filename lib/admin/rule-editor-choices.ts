import "server-only";
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sites, teams, users, type RuleObjectCondition, type RulePropertyMatch, type RuleUserCondition, type Role } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { loadPropertyDefinitions, type PropertyDefinitionFacts } from "@/lib/properties/load-property-definitions";
import { loadRelationOptions, type ChoiceOption } from "@/lib/properties/relation-options";

export interface RuleEditorUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
}

/** Everything the rule editor offers and the rule list names: sites, teams, users, properties and relation targets. */
export interface RuleEditorChoices {
  sites: { id: string; name: string; archived: boolean }[];
  teams: { id: string; name: string }[];
  /** Active users, plus deactivated ones the given rules still name (shown, never offered). */
  users: RuleEditorUser[];
  properties: PropertyDefinitionFacts[];
  relationOptions: Record<string, ChoiceOption[]>;
}

interface NamedByRules {
  users: RuleUserCondition;
  objects: RuleObjectCondition;
  match: RulePropertyMatch[];
}

/**
 * The rule editor's choices for an Admin. `rules` are the rules shown, so that the deactivated users and the
 * relation values they name keep a label. Users are all loaded: rules are written by Admins of organisations of a
 * few thousand people, and the editor filters them as one types.
 */
export async function loadRuleEditorChoices(db: Executor, actor: ActingUser, rules: readonly NamedByRules[] = []): Promise<RuleEditorChoices> {
  const org = actor.organizationId;
  const namedUserIds = [...new Set(rules.flatMap((rule) => rule.users.userIds))];
  const [siteRows, teamRows, userRows, definitions] = await Promise.all([
    db
      .select({ id: sites.id, name: sites.name, archivedAt: sites.archivedAt })
      .from(sites)
      .where(eq(sites.organizationId, org))
      .orderBy(asc(sql`lower(${sites.name})`)),
    db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.organizationId, org)).orderBy(asc(sql`lower(${teams.name})`)),
    db
      .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active })
      .from(users)
      .where(and(eq(users.organizationId, org), namedUserIds.length > 0 ? or(eq(users.active, true), inArray(users.id, namedUserIds)) : eq(users.active, true)))
      .orderBy(asc(sql`lower(${users.name})`), asc(users.id)),
    loadPropertyDefinitions(db, org),
  ]);
  const properties = [...definitions.values()];
  const chosen: Record<string, unknown[]> = {};
  for (const rule of rules) {
    for (const condition of [...rule.users.properties, ...rule.objects.properties]) {
      chosen[condition.propertyId] = [...(chosen[condition.propertyId] ?? []), ...condition.in];
    }
  }
  return {
    sites: siteRows.map((site) => ({ id: site.id, name: site.name, archived: site.archivedAt !== null })),
    teams: teamRows,
    users: userRows,
    properties,
    relationOptions: await loadRelationOptions(db, actor, properties, chosen),
  };
}
