import { defineRoute } from "@/lib/gate/define-route";
import { getPerson, getPersonSchema } from "@/lib/people/get-person";

/** A colleague: name, e-mail, role, sites, and the objects (the caller can view) and users whose relation properties name them. */
export const GET = defineRoute({ name: "people.read", input: getPersonSchema, capability: "view_objects" }, ({ db, user, input }) => getPerson(db, user, input));
