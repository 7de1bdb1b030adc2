import type { ObjectPageContext } from "@/lib/gate/object-page-gate";
import { loadPropertyFormFields } from "@/lib/objects/property-form-fields";
import { ObjectEditForm } from "./object-edit-form";

/**
 * The edit form of an object page, for those whose access allows editing (role and Modify level, from the page gate's
 * decision); nothing for anyone else — the server refuses their edits anyway.
 */
export async function ObjectEditPanel({ context }: { context: ObjectPageContext }) {
  const { object, db, user } = context;
  if (!object.access.actions.includes("edit")) return null;
  const fields = await loadPropertyFormFields(db, user, object.type, object.properties);
  return (
    <ObjectEditForm
      object={{ id: object.id, type: object.type, title: object.title, version: object.version, properties: object.properties }}
      fields={fields}
    />
  );
}
