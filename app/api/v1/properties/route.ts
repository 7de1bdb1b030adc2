import { defineRoute } from "@/lib/gate/define-route";
import { withoutEmptyParameters } from "@/lib/pagination/without-empty-parameters";
import { createProperty } from "@/lib/properties/create-property";
import { listProperties } from "@/lib/properties/list-properties";
import { createPropertySchema, listPropertiesSchema } from "@/lib/properties/property-schemas";

/** Property definitions (`?appliesTo=&limit=&cursor=`): `{ items, nextCursor }`. Any signed-in user. */
export const GET = defineRoute({ name: "properties.list", input: withoutEmptyParameters(listPropertiesSchema) }, ({ db, user, input }) =>
  listProperties(db, user, input),
);

/** Creates a property definition (Admin): `{ name, appliesTo, type, options?: [{ label }], targetType? }`. */
export const POST = defineRoute(
  { name: "properties.create", input: createPropertySchema, capability: "administer" },
  ({ db, user, input, clientAddress }) => createProperty(db, user, input, { clientAddress }),
  { successStatus: 201 },
);
