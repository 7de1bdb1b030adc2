import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { sites, users, type ScopeKind } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { authzContextFor } from "@/lib/authz/authz-context";
import { authorizeObjectRead } from "@/lib/authz/object-access";
import { ruleCoversObject } from "@/lib/authz/plan";
import { subjectOf } from "@/lib/authz/subject";
import { ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { describeRule, loadRuleNames, type NamedRef, type RuleDescription } from "./describe-rule";
import { effectiveAccessOf, type EffectiveAccess } from "./explain-object-access";
import { objectIdSchema } from "./object-schemas";
import { sharingWords, type SharingContext } from "./sharing-words";

export const describeObjectSharingSchema = z.strictObject({ id: objectIdSchema });
export type DescribeObjectSharingInput = z.input<typeof describeObjectSharingSchema>;

/** The Share tab (SPEC §4): scope, owner, the rules that apply with whom each grants, and the caller's own access. */
export interface ObjectSharing {
  objectId: string;
  scope: { kind: ScopeKind; sites: (NamedRef & { archived: boolean })[] };
  owner: NamedRef;
  /** Every enabled rule whose object side covers this object, in the organisation's rule order. */
  rules: RuleDescription[];
  /** The caller's effective access, with the reason of each check. Others': `…/access?userId=` (Manager+). */
  you: EffectiveAccess;
}

/** What the Share tab shows, to anyone who can view the object (SPEC §9). */
export async function describeObjectSharing(
  db: Executor,
  user: ActingUser,
  input: DescribeObjectSharingInput,
  context: SharingContext = {},
): Promise<Result<ObjectSharing>> {
  const parsed = parseInput(describeObjectSharingSchema, input);
  if (!parsed.ok) return parsed;
  const subject = subjectOf(user);
  const authorized = await authorizeObjectRead(db, subject, parsed.data.id, "view", context);
  if (!authorized.ok) return authorized;
  const { facts, decision } = authorized.data;

  const authz = await authzContextFor(db, user.organizationId, subject.authzVersion);
  const applying = authz.rules.filter((rule) => ruleCoversObject(rule, authz, facts));
  const scopeSiteIds = facts.scopeKind === "sites" ? [...facts.scopeSiteIds] : [];
  const [names, scopeSites, owner] = await Promise.all([
    loadRuleNames(db, user.organizationId, applying),
    scopeSiteIds.length === 0
      ? []
      : db
          .select({ id: sites.id, name: sites.name, archivedAt: sites.archivedAt })
          .from(sites)
          .where(and(eq(sites.organizationId, user.organizationId), inArray(sites.id, scopeSiteIds)))
          .orderBy(asc(sites.name)),
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.id, facts.ownerId), eq(users.organizationId, user.organizationId))),
  ]);

  const words = sharingWords(context.locale);
  return ok({
    objectId: facts.id,
    scope: { kind: facts.scopeKind, sites: scopeSites.map(({ id, name, archivedAt }) => ({ id, name, archived: archivedAt !== null })) },
    owner: owner[0] ?? { id: facts.ownerId, name: words.t("unknownUser") },
    rules: applying.map((rule) => describeRule(rule, names, facts.properties, words)),
    you: effectiveAccessOf({ id: user.id, name: user.name, active: true }, decision, words),
  });
}
