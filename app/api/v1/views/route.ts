import { defineRoute } from "@/lib/gate/define-route";
import { withoutEmptyParameters } from "@/lib/pagination/without-empty-parameters";
import { createView } from "@/lib/views/create-view";
import { listViews } from "@/lib/views/list-views";
import { createViewSchema, listViewsSchema } from "@/lib/views/view-schemas";

/** The shared views and the caller's own (`?objectType=&shared=&limit=&cursor=`): `{ items, nextCursor }`. */
export const GET = defineRoute({ name: "views.list", input: withoutEmptyParameters(listViewsSchema) }, ({ db, user, input }) =>
  listViews(db, user, input),
);

/** Saves a view `{ name, objectType, shared, columns, filters, sort }`: shared ones by Admins (else 403), personal by anyone. */
export const POST = defineRoute(
  { name: "views.create", input: createViewSchema },
  ({ db, user, input, clientAddress }) => createView(db, user, input, { clientAddress }),
  { successStatus: 201 },
);
