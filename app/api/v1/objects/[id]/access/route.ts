import { defineRoute } from "@/lib/gate/define-route";
import { localeOfRequest } from "@/lib/i18n/request-locale";
import { explainObjectAccess, explainObjectAccessSchema } from "@/lib/objects/explain-object-access";

/** `?userId=`: one user's effective level and actions, with the reason of each check (others' access: Manager+). */
export const GET = defineRoute(
  { name: "objects.access", input: explainObjectAccessSchema, object: { id: (input) => input.id, action: "view" } },
  ({ db, user, input, clientAddress, object, request }) =>
    explainObjectAccess(db, user, input, { clientAddress, authorized: object, locale: localeOfRequest(request.headers, user.locale) }),
);
