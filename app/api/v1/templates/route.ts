import { defineRoute } from "@/lib/gate/define-route";
import { withoutEmptyParameters } from "@/lib/pagination/without-empty-parameters";
import { listTemplates } from "@/lib/templates/list-templates";
import { listTemplatesSchema } from "@/lib/templates/template-schemas";

/** Object templates (`?objectType=&limit=&cursor=`): `{ items, nextCursor }`. Any signed-in user. */
export const GET = defineRoute({ name: "templates.list", input: withoutEmptyParameters(listTemplatesSchema) }, ({ db, user, input }) =>
  listTemplates(db, user, input),
);
