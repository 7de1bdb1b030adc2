import { defineRoute } from "@/lib/gate/define-route";
import { createObjectLink, createObjectLinkSchema } from "@/lib/links/create-object-link";
import { listObjectLinks, listObjectLinksSchema } from "@/lib/links/list-object-links";

/**
 * The object's links both ways (`{ items, nextCursor }`), each with the other object — only those the caller can
 * view; 404 for an object the caller cannot view.
 */
export const GET = defineRoute(
  { name: "links.list", input: listObjectLinksSchema, object: { id: (input) => input.id, action: "view" } },
  ({ db, user, input, clientAddress, object }) => listObjectLinks(db, user, input, { clientAddress, authorized: object }),
);

/**
 * Links this object (the source) to another: `{ targetId, kind, quantity? }`. Link access (Modify, Manager+) on this
 * object, view on the target (404 alike for an unknown or invisible one); 409 for a duplicate. 201 with the link.
 */
export const POST = defineRoute(
  { name: "links.create", input: createObjectLinkSchema, object: { id: (input) => input.id, action: "link" } },
  ({ db, user, input, clientAddress }) => createObjectLink(db, user, input, { clientAddress }),
  { successStatus: 201 },
);
