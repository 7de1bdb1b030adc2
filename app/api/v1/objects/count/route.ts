import { defineRoute } from "@/lib/gate/define-route";
import { localeOfRequest } from "@/lib/i18n/request-locale";
import { countVisibleObjects, countVisibleObjectsSchema } from "@/lib/objects/count-visible-objects";

/** How many objects the caller may see with the list's filters: `{ count, capped, label }` ("1,000+" unless `exact=true`). */
export const GET = defineRoute({ name: "objects.count", input: countVisibleObjectsSchema }, ({ db, user, input, request }) =>
  countVisibleObjects(db, user, input, { locale: localeOfRequest(request.headers, user.locale) }),
);
