import "server-only";
import { and, asc, count, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  objectTemplates,
  sites,
  templateScopeSites,
  users,
  type DefaultScopeKind,
  type ObjectType,
  type PropertyValues,
  type ScopeKind,
} from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { fail, ok, type Result } from "@/lib/result";
import { scopeChoiceSiteIds, type ScopeChoice } from "./scope-choice";
import { scopeSiteProblem, type ScopeSiteProblem } from "./scope-site-problem";

export interface NewObjectPlacement {
  templateId: string | null;
  /** The template's default property values (validated by the caller like any input). */
  defaultProperties: PropertyValues;
  scope: { kind: ScopeKind; siteIds: string[] };
  originSiteId: string | null;
}

export interface PlacementRequest {
  type: ObjectType;
  templateId?: string;
  /** A scope chosen at creation, among the Share menu's choices; the template's default when absent. */
  scope?: ScopeChoice;
  /** Among the creator's sites, for a "creator's sites" default scope; all of them when absent. */
  siteIds?: string[];
  /** One of the creator's sites; their primary site when absent. */
  originSiteId?: string;
}

type Scope = NewObjectPlacement["scope"];
/** The scope, the field messages of what was refused, and the refusal that names archived sites, if any. */
type ScopeOutcome = { scope: Scope; fields: Record<string, string>; problem?: ScopeSiteProblem };

/**
 * A scope chosen at creation is checked as the Share menu checks a change: live sites of the organisation, any of
 * them — the creator owns the object and the owner is always in scope, so no choice can leave them out of it.
 */
async function chosenScope(db: Executor, user: ActingUser, request: PlacementRequest, choice: ScopeChoice): Promise<ScopeOutcome> {
  const fields: Record<string, string> = {};
  if (request.siteIds !== undefined) fields.siteIds = "objects.scope.sitesGoInScope";
  const siteIds = scopeChoiceSiteIds(choice);
  const problem = (await scopeSiteProblem(db, user.organizationId, siteIds)) ?? undefined;
  if (problem) fields["scope.siteIds"] = problem.field;
  return { scope: { kind: choice.kind, siteIds }, fields, problem };
}

/**
 * The template's default scope — owner; the creator's sites at creation (a subset the creator picks, all by
 * default); the template's fixed sites; the organisation — or the creator's sites without a template. A creator
 * with no site gets owner, or organisation when the organisation has no site at all.
 */
async function templateScope(
  db: Executor,
  user: ActingUser,
  request: PlacementRequest,
  template: { id: string; defaultScopeKind: DefaultScopeKind } | undefined,
  creatorSiteIds: string[],
): Promise<ScopeOutcome> {
  const fields: Record<string, string> = {};
  let scope: Scope | null = null;
  const kind = template?.defaultScopeKind ?? "creator_sites";
  if (kind === "owner" || kind === "organization") scope = { kind, siteIds: [] };
  if (kind === "sites" && template) {
    const fixed = await db
      .select({ id: sites.id })
      .from(templateScopeSites)
      .innerJoin(sites, and(eq(sites.id, templateScopeSites.siteId), eq(sites.organizationId, templateScopeSites.organizationId)))
      .where(and(eq(templateScopeSites.templateId, template.id), isNull(sites.archivedAt)))
      .orderBy(asc(sites.name));
    // A template whose fixed sites were all archived falls back to the creator's sites.
    if (fixed.length > 0) scope = { kind: "sites", siteIds: fixed.map((site) => site.id) };
  }
  if (request.siteIds !== undefined && scope !== null) {
    fields.siteIds = "objects.scope.templateFixesScope";
  }
  if (scope !== null) return { scope, fields };
  if (creatorSiteIds.length > 0) {
    const picked = request.siteIds === undefined ? creatorSiteIds : [...new Set(request.siteIds)];
    if (picked.length === 0) fields.siteIds = "objects.scope.pickOneOfYourSites";
    else if (picked.some((siteId) => !creatorSiteIds.includes(siteId))) fields.siteIds = "objects.scope.ownSitesOnly";
    return { scope: { kind: "sites", siteIds: picked }, fields };
  }
  const [live] = await db
    .select({ n: count() })
    .from(sites)
    .where(and(eq(sites.organizationId, user.organizationId), isNull(sites.archivedAt)));
  if (request.siteIds !== undefined && request.siteIds.length > 0) fields.siteIds = "objects.scope.ownSitesOnly";
  return { scope: { kind: (live?.n ?? 0) === 0 ? "organization" : "owner", siteIds: [] }, fields };
}

/**
 * Where a new object goes (SPEC §3, §9): its template (the type's default when none is named), its scope — the one
 * the creator chose, else the template's default — and its origin site among the creator's sites. Archived sites
 * are never picked for a new scope or as origin.
 */
export async function resolveNewObjectPlacement(db: Executor, user: ActingUser, request: PlacementRequest): Promise<Result<NewObjectPlacement>> {
  const [template] = await db
    .select({
      id: objectTemplates.id,
      objectType: objectTemplates.objectType,
      defaultScopeKind: objectTemplates.defaultScopeKind,
      defaultProperties: objectTemplates.defaultProperties,
    })
    .from(objectTemplates)
    .where(
      and(
        eq(objectTemplates.organizationId, user.organizationId),
        request.templateId ? eq(objectTemplates.id, request.templateId) : eq(objectTemplates.isDefault, true),
        eq(objectTemplates.objectType, request.type),
      ),
    );
  if (request.templateId && !template) {
    return fail("invalid", "errors.fieldsNeedAttention", { templateId: `objects.fields.templateNotFor.${request.type}` });
  }

  // The creator's live sites, by name; archived ones keep their members' access but take no new objects.
  const creatorSites =
    user.siteIds.length === 0
      ? []
      : await db
          .select({ id: sites.id })
          .from(sites)
          .where(and(eq(sites.organizationId, user.organizationId), inArray(sites.id, user.siteIds), isNull(sites.archivedAt)))
          .orderBy(asc(sites.name));
  const creatorSiteIds = creatorSites.map((site) => site.id);
  const { scope, fields, problem } = request.scope
    ? await chosenScope(db, user, request, request.scope)
    : await templateScope(db, user, request, template, creatorSiteIds);

  let originSiteId: string | null = null;
  if (request.originSiteId !== undefined) {
    if (creatorSiteIds.includes(request.originSiteId)) originSiteId = request.originSiteId;
    else fields.originSiteId = "objects.scope.originSiteOutside";
  } else if (creatorSiteIds.length > 0) {
    const [me] = await db.select({ primarySiteId: users.primarySiteId }).from(users).where(eq(users.id, user.id));
    const primary = me?.primarySiteId ?? null;
    originSiteId = primary && creatorSiteIds.includes(primary) ? primary : (creatorSiteIds[0] ?? null);
  }

  if (Object.keys(fields).length > 0) return fail("invalid", problem?.message ?? "errors.fieldsNeedAttention", fields, problem?.params);
  return ok({ templateId: template?.id ?? null, defaultProperties: template?.defaultProperties ?? {}, scope, originSiteId });
}
