import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objects, teams, users, type ObjectType } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { planFor, subjectOf } from "@/lib/authz/subject";
import { listSiteChoices, type SiteChoice } from "@/lib/sites/list-site-choices";
import { loadTemplateViews, type TemplateView } from "@/lib/templates/template-view";
import { loadWorkflowCreateChoices, type WorkflowCreateChoices } from "@/lib/workflows/load-workflow-create-choices";
import { loadPropertyFormFields, type PropertyFormField } from "./property-form-fields";

export interface CreateFormChoices {
  templates: TemplateView[];
  /** The creator's own live sites: the origin site and a "creator's sites" scope are picked among them. */
  mySites: SiteChoice[];
  primarySiteId: string | null;
  /** Every live site: a scope by sites and a manufacturing order's site. */
  sites: SiteChoice[];
  /** Projects: the organisation's teams. */
  teams: { id: string; name: string }[];
  /** Manufacturing orders: products the creator can view, by reference (at most 200). */
  products: { id: string; reference: string; title: string }[];
  /** The type's custom properties, prefilled with the default template's values. */
  fields: PropertyFormField[];
  /** Workflows: responsible, subjects and first tasks. */
  workflow: WorkflowCreateChoices | null;
}

const productChoicesCap = 200;

/** What the create form of one type offers the creator; every list is one they may pick from. */
export async function loadCreateForm(db: Executor, user: ActingUser, type: ObjectType): Promise<CreateFormChoices> {
  const subject = subjectOf(user);
  const [templates, allSites, primary, teamRows, products] = await Promise.all([
    loadTemplateViews(db, user.organizationId, { objectType: type }),
    listSiteChoices(db, user),
    db.select({ primarySiteId: users.primarySiteId }).from(users).where(eq(users.id, user.id)),
    type === "project"
      ? db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.organizationId, user.organizationId)).orderBy(asc(sql`lower(${teams.name})`))
      : Promise.resolve([]),
    type === "manufacturing_order" ? visibleProducts(db, subject) : Promise.resolve([]),
  ]);
  const defaults = templates.find((template) => template.isDefault)?.defaultProperties ?? {};
  const sites = allSites.filter((site) => !site.archived);
  return {
    templates,
    mySites: sites.filter((site) => user.siteIds.includes(site.id)),
    primarySiteId: primary[0]?.primarySiteId ?? null,
    sites,
    teams: teamRows,
    products,
    fields: await loadPropertyFormFields(db, user, type, defaults),
    workflow: type === "workflow" ? await loadWorkflowCreateChoices(db, user) : null,
  };
}

async function visibleProducts(db: Executor, subject: ReturnType<typeof subjectOf>) {
  const filter = visibleObjectsFilter(await planFor(db, subject), subject, { organizationId: subject.organizationId, minLevel: "view_no_download", type: "product" });
  if (filter.never) return [];
  return db
    .select({ id: objects.id, reference: objects.reference, title: objects.title })
    .from(objects)
    .where(and(filter.where))
    .orderBy(asc(objects.reference))
    .limit(productChoicesCap);
}
