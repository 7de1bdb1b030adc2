import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sites, users, type ObjectType } from "@/db/schema";
import { isObjectTarget } from "@/lib/properties/property-labels";
import { loadPropertyViews } from "@/lib/properties/property-view";
import {
  builtInViewFieldKinds,
  builtInViewFields,
  opsForField,
  propertyField,
  unsortableKinds,
  type ViewFieldChoice,
} from "./view-fields";

// Labelled by id: the page names them in the reader's language.
const scopeChoices = ["owner", "sites", "organization"].map((id) => ({ id, label: id }));
const booleanChoices = ["true", "false"].map((id) => ({ id, label: id }));

/**
 * The fields the view editor offers for one object type — the built-in columns, then the type's properties — each
 * with its operators and, where values are picked rather than typed, the values to pick from. Relations to objects
 * offer only "is empty" / "is not empty" here (the API takes object ids for the others).
 */
export async function loadViewFieldChoices(db: Executor, organizationId: string, objectType: ObjectType): Promise<ViewFieldChoice[]> {
  const userRows = await db.select({ id: users.id, label: users.name }).from(users).where(eq(users.organizationId, organizationId)).orderBy(asc(users.name));
  const siteRows = await db.select({ id: sites.id, label: sites.name }).from(sites).where(eq(sites.organizationId, organizationId)).orderBy(asc(sites.name));
  const builtIn: ViewFieldChoice[] = builtInViewFields.map((field) => {
    const kind = builtInViewFieldKinds[field];
    return {
      field,
      label: field,
      kind,
      ops: opsForField(kind, true),
      sortable: true,
      ...(kind === "user" ? { choices: userRows } : kind === "site" ? { choices: siteRows } : kind === "scope" ? { choices: scopeChoices } : {}),
    };
  });
  const properties = (await loadPropertyViews(db, organizationId, { appliesTo: objectType })).map((property): ViewFieldChoice => {
    const objectRelation = property.type === "relation" && property.targetType !== undefined && isObjectTarget(property.targetType);
    return {
      field: propertyField(property.id),
      label: property.name,
      kind: property.type,
      ops: objectRelation ? ["empty", "not_empty"] : opsForField(property.type, false),
      sortable: !unsortableKinds.includes(property.type),
      ...(property.options ? { choices: property.options } : {}),
      ...(property.type === "boolean" ? { choices: booleanChoices } : {}),
      ...(property.type === "relation" && property.targetType === "user" ? { choices: userRows } : {}),
      ...(property.targetType ? { targetType: property.targetType } : {}),
    };
  });
  return [...builtIn, ...properties];
}
