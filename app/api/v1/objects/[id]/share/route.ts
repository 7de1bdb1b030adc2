import { defineRoute } from "@/lib/gate/define-route";
import { localeOfRequest } from "@/lib/i18n/request-locale";
import { describeObjectSharing, describeObjectSharingSchema } from "@/lib/objects/describe-object-sharing";

/** The Share tab: scope, owner, the rules that apply (level, whom they grant) and the caller's own access. */
export const GET = defineRoute(
  { name: "objects.share", input: describeObjectSharingSchema, object: { id: (input) => input.id, action: "view" } },
  ({ db, user, input, clientAddress, object, request }) =>
    describeObjectSharing(db, user, input, { clientAddress, authorized: object, locale: localeOfRequest(request.headers, user.locale) }),
);
