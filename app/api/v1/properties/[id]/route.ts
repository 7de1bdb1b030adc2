import { z } from "zod";
import { defineRoute } from "@/lib/gate/define-route";
import { deleteProperty } from "@/lib/properties/delete-property";
import { getProperty } from "@/lib/properties/list-properties";
import { deletePropertySchema, propertyIdSchema, updatePropertySchema } from "@/lib/properties/property-schemas";
import { updateProperty } from "@/lib/properties/update-property";

/** One property definition. */
export const GET = defineRoute({ name: "properties.list", input: z.strictObject({ id: propertyIdSchema }) }, ({ db, user, input }) =>
  getProperty(db, user, input),
);

/**
 * Renames a property and edits its options (Admin): `{ version, name?, options?: [{ id?, label }] }`, the options
 * being the complete list in order. Type, target and relation target never change (422). 409 when stale, or when a
 * removed option is used by an access rule or a watermark (named in the message).
 */
export const PATCH = defineRoute(
  { name: "properties.update", input: updatePropertySchema, capability: "administer" },
  ({ db, user, input, clientAddress }) => updateProperty(db, user, input, { clientAddress }),
);

/**
 * Deletes a property and all its values (Admin); `?version=` refuses a delete made on a stale read. 409 while an
 * access rule or a watermark refers to it (named in the message). Answers how many values went.
 */
export const DELETE = defineRoute(
  { name: "properties.delete", input: deletePropertySchema, capability: "administer" },
  ({ db, user, input, clientAddress }) => deleteProperty(db, user, input, { clientAddress }),
);
