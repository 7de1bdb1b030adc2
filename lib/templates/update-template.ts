import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { asUniqueViolation } from "@/db/errors";
import { objectTemplates, sites, templateScopeSites, type PropertyValues } from "@/db/schema";
import { recordAdminChange } from "@/lib/admin/record-admin-change";
import type { ActingUser } from "@/lib/auth/acting-user";
import { roleAllows } from "@/lib/authz/roles";
import { subjectOf } from "@/lib/authz/subject";
import { visibleObjectIds } from "@/lib/objects/visible-object-ids";
import { validatePropertyValues } from "@/lib/properties/validate-property-values";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { staleTemplateMessage, templateNameTakenMessage, templateNotFoundMessage, templatesAdminOnlyMessage } from "./template-messages";
import { updateTemplateSchema, type UpdateTemplateInput } from "./template-schemas";
import { loadTemplateView, type TemplateView } from "./template-view";

/**
 * Field errors of a template's fixed sites: at least one; each a site of the organisation; a site newly picked must
 * not be archived (SPEC §9: archived sites cannot be picked for new scopes), while one already on the template may
 * stay. Only the "fixed sites" kind names sites.
 */
async function scopeSiteErrors(
  db: Executor,
  organizationId: string,
  scope: { kind: string; siteIds?: string[] },
  currentSiteIds: readonly string[],
): Promise<Record<string, string>> {
  const siteIds = [...new Set(scope.siteIds ?? [])];
  if (scope.kind !== "sites") return siteIds.length > 0 ? { "defaultScope.siteIds": "adminTemplates.errors.sitesOnlyForFixed" } : {};
  if (siteIds.length === 0) return { "defaultScope.siteIds": "adminTemplates.errors.sitesRequired" };
  const rows = await db
    .select({ id: sites.id, archivedAt: sites.archivedAt })
    .from(sites)
    .where(and(eq(sites.organizationId, organizationId), inArray(sites.id, siteIds)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  if (siteIds.some((id) => !byId.has(id))) return { "defaultScope.siteIds": "adminTemplates.errors.sitesUnknown" };
  const archived = rows.some((row) => row.archivedAt && !currentSiteIds.includes(row.id));
  return archived ? { "defaultScope.siteIds": "adminTemplates.errors.sitesArchived" } : {};
}

/**
 * Edits an object template (Admin): its name (unique per type), its default scope — owner, the creator's sites,
 * fixed sites (of the organisation, not archived) or the organisation — and its default property values, validated
 * like any object's values and merged over the current ones (null clears one). Refused as stale when the template
 * changed since `version`. New objects read it at creation; existing objects are not touched.
 */
export async function updateTemplate(
  db: Database,
  actor: ActingUser,
  input: UpdateTemplateInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<TemplateView>> {
  if (!roleAllows(actor.role, "administer")) return fail("forbidden", templatesAdminOnlyMessage);
  const parsed = parseInput(updateTemplateSchema, input);
  if (!parsed.ok) return parsed;
  const { id, version, name, defaultScope, defaultProperties, objectType } = parsed.data;
  const organizationId = actor.organizationId;

  try {
    return await db.transaction(async (tx) => {
      const [locked] = await tx
        .select({ version: objectTemplates.version })
        .from(objectTemplates)
        .where(and(eq(objectTemplates.organizationId, organizationId), eq(objectTemplates.id, id)))
        .for("update");
      const current = locked ? await loadTemplateView(tx, organizationId, id) : null;
      if (!current) return fail("not_found", templateNotFoundMessage);
      if (current.version !== version) return fail("conflict", staleTemplateMessage);

      const fields: Record<string, string> = {};
      if (objectType !== undefined && objectType !== current.objectType) {
        fields.objectType = "adminTemplates.errors.objectTypeChange";
      }
      const renamed = name !== undefined && name !== current.name;
      if (renamed && name.toLowerCase() !== current.name.toLowerCase()) {
        const [taken] = await tx
          .select({ id: objectTemplates.id })
          .from(objectTemplates)
          .where(
            and(
              eq(objectTemplates.organizationId, organizationId),
              eq(objectTemplates.objectType, current.objectType),
              eq(sql`lower(${objectTemplates.name})`, name.toLowerCase()),
            ),
          )
          .limit(1);
        if (taken) fields.name = templateNameTakenMessage;
      }
      if (defaultScope) Object.assign(fields, await scopeSiteErrors(tx, organizationId, defaultScope, current.defaultScope.siteIds ?? []));

      let properties: PropertyValues = current.defaultProperties;
      if (defaultProperties) {
        const subject = subjectOf(actor);
        const checked = await validatePropertyValues(tx, {
          organizationId,
          appliesTo: current.objectType,
          values: defaultProperties,
          visibleObjectIds: (type, ids) => visibleObjectIds(tx, subject, type, ids),
          fieldPrefix: "defaultProperties",
        });
        if (!checked.ok) Object.assign(fields, checked.error.fields ?? { defaultProperties: checked.error.message });
        else {
          properties = { ...current.defaultProperties, ...checked.data.set };
          for (const propertyId of checked.data.clear) delete properties[propertyId];
        }
      }
      if (Object.keys(fields).length > 0) return fail("invalid", "errors.fieldsNeedAttention", fields);

      const kind = defaultScope?.kind ?? current.defaultScope.kind;
      await tx
        .update(objectTemplates)
        .set({
          ...(renamed ? { name } : {}),
          defaultScopeKind: kind,
          defaultProperties: properties,
          version: sql`${objectTemplates.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(objectTemplates.organizationId, organizationId), eq(objectTemplates.id, id), eq(objectTemplates.version, version)));
      if (defaultScope) {
        await tx.delete(templateScopeSites).where(and(eq(templateScopeSites.organizationId, organizationId), eq(templateScopeSites.templateId, id)));
        const siteIds = kind === "sites" ? [...new Set(defaultScope.siteIds ?? [])] : [];
        if (siteIds.length > 0) await tx.insert(templateScopeSites).values(siteIds.map((siteId) => ({ organizationId, templateId: id, siteId })));
      }
      const updated = await loadTemplateView(tx, organizationId, id);
      if (!updated) throw new Error("an updated template vanished");
      await recordAdminChange(tx, actor, { action: "template.updated", targetType: "template", targetId: id, before: current, after: updated }, context.clientAddress);
      return ok(updated);
    });
  } catch (error) {
    if (asUniqueViolation(error)?.constraint === "object_templates_org_type_name_unique") {
      return fail("invalid", "errors.fieldsNeedAttention", { name: templateNameTakenMessage });
    }
    throw error;
  }
}
