import "server-only";
import type { Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import { authorizeObjectRead, objectNotFoundMessage, type ObjectReadContext } from "@/lib/authz/object-access";
import { subjectOf } from "@/lib/authz/subject";
import { loadPropertyDefinitions } from "@/lib/properties/load-property-definitions";
import { fail, type Result } from "@/lib/result";
import { changedPropertyValues } from "./changed-property-values";
import { staleObjectMessage } from "./object-messages";
import { loadObjectView, type ObjectView } from "./object-view";
import { previewObjectAccessChange } from "./preview-object-access-change";
import { propertiesFromForm } from "./property-form-values";
import { saveAfterAccessCheck, type AccessCheckedSave } from "./save-after-access-check";
import { updateObjectProperties } from "./update-object-properties";

/** The names of the edit form's own inputs (its properties: lib/objects/property-form-values.ts). */
export const objectEditFormFields = { id: "id", version: "version", title: "title", confirmedAccessChange: "confirmedAccessChange" } as const;

/**
 * The object page's edit form (title and custom properties): refused at once as stale when the object changed since
 * the page was read (the form offers to reload, nothing is overwritten); then only the values the user changed go on,
 * through the access-change warning (saveAfterAccessCheck) to updateObjectProperties.
 */
export async function saveObjectEdit(
  db: Executor,
  user: ActingUser,
  values: Record<string, string>,
  context: ObjectReadContext = {},
): Promise<Result<AccessCheckedSave<ObjectView>>> {
  const fields = objectEditFormFields;
  const id = values[fields.id] ?? "";
  const authorized = await authorizeObjectRead(db, subjectOf(user), id, "edit", context);
  if (!authorized.ok) return authorized;
  const current = await loadObjectView(db, user.organizationId, id);
  if (!current) return fail("not_found", objectNotFoundMessage);
  if (values[fields.version] !== String(current.version)) return fail("conflict", staleObjectMessage);

  const definitions = await loadPropertyDefinitions(db, user.organizationId, [current.type]);
  const changed = changedPropertyValues(definitions, current.properties, propertiesFromForm([...definitions.values()], values));
  const properties = Object.keys(changed).length > 0 ? changed : undefined;
  // Like the properties, the title goes on only when it changed, so the activity feed never says it was renamed to itself.
  const typedTitle = values[fields.title];
  const title = typedTitle !== undefined && typedTitle.trim() !== current.title ? typedTitle : undefined;
  return saveAfterAccessCheck({
    preview: properties ? () => previewObjectAccessChange(db, user, { id, properties }, { ...context, authorized: authorized.data }) : null,
    confirmedToken: values[fields.confirmedAccessChange],
    save: () => updateObjectProperties(db, user, { id, version: current.version, title, properties }, context),
  });
}
