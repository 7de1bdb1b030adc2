import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objects, type ObjectType } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { isObjectTarget } from "@/lib/properties/property-labels";
import { loadPropertyViews, type PropertyView } from "@/lib/properties/property-view";
import { fail, ok, type Result } from "@/lib/result";
import { templateNotFoundMessage } from "./template-messages";
import type { UpdateTemplateInput } from "./template-schemas";
import { loadTemplateView } from "./template-view";

/** `DOC-000123, DOC-000124` → the references typed, in order, without duplicates. */
export function splitReferences(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((entry) => entry.trim().toUpperCase()).filter(Boolean))];
}

/** Checked boxes named `<prefix>.<id>`: the ids. */
function checkedIds(values: Record<string, unknown>, prefix: string): string[] {
  return Object.entries(values)
    .filter(([key, value]) => key.startsWith(`${prefix}.`) && value === "on")
    .map(([key]) => key.slice(prefix.length + 1));
}

/**
 * Ids of the live objects of `type` with these references, in the order typed. A reference that names nothing
 * stays as typed, so validation refuses it with the same words as an object the Admin cannot see (SPEC §3).
 */
async function idsOfReferences(db: Executor, organizationId: string, type: ObjectType, references: string[]): Promise<string[]> {
  if (references.length === 0) return [];
  const rows = await db
    .select({ id: objects.id, reference: objects.reference })
    .from(objects)
    .where(and(eq(objects.organizationId, organizationId), eq(objects.type, type), inArray(objects.reference, references), isNull(objects.trashedAt)));
  const byReference = new Map(rows.map((row) => [row.reference, row.id]));
  return references.map((reference) => byReference.get(reference) ?? reference);
}

/** The value the editor's input(s) for one property hold, in the form validatePropertyValues reads. */
async function formValue(db: Executor, organizationId: string, property: PropertyView, values: Record<string, unknown>): Promise<unknown> {
  const key = `defaultProperties.${property.id}`;
  const raw = typeof values[key] === "string" ? (values[key] as string) : "";
  switch (property.type) {
    case "boolean":
      return raw === "" ? null : raw;
    case "multi_choice":
      return checkedIds(values, key);
    case "relation":
      if (property.targetType && isObjectTarget(property.targetType)) return idsOfReferences(db, organizationId, property.targetType, splitReferences(raw));
      return checkedIds(values, key);
    default:
      return raw;
  }
}

/**
 * Turns the template editor's flat values into updateTemplate's input: the scope kind and its checked sites
 * (`defaultScope.siteIds.<id>`), and one value per property of the template's type — checked boxes for multiple
 * choice and user relations, references for object relations, the text of the input otherwise.
 */
export async function templateFormInput(db: Executor, user: ActingUser, values: Record<string, unknown>): Promise<Result<UpdateTemplateInput>> {
  const id = String(values.id ?? "");
  const template = await loadTemplateView(db, user.organizationId, id);
  if (!template) return fail("not_found", templateNotFoundMessage);
  const properties = await loadPropertyViews(db, user.organizationId, { appliesTo: template.objectType });
  const defaultProperties: Record<string, unknown> = {};
  for (const property of properties) defaultProperties[property.id] = await formValue(db, user.organizationId, property, values);
  const kind = values["defaultScope.kind"];
  return ok({
    id,
    version: Number(values.version),
    name: typeof values.name === "string" ? values.name : undefined,
    defaultScope: {
      kind: kind as NonNullable<UpdateTemplateInput["defaultScope"]>["kind"],
      siteIds: kind === "sites" ? checkedIds(values, "defaultScope.siteIds") : undefined,
    },
    defaultProperties,
  });
}
