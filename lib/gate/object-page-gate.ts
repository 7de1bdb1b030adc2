import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { Database } from "@/db/client";
import type { ObjectType } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { authorizeObject, type AuthorizedObject } from "@/lib/authz/object-access";
import { subjectOf } from "@/lib/authz/subject";
import { getObject, type ObjectWithAccess } from "@/lib/objects/get-object";
import type { ActionName } from "./action-names";
import { enterPage } from "./page-gate";

export interface ObjectPageSpec {
  name: ActionName;
  /** The type the page's URL names: an object of another type is not found here. */
  type: ObjectType;
  /** The id from the URL, unchecked. */
  id: string;
}

/**
 * What an object page and every panel on it are handed: the user, the database, the gate's decision for this object
 * (panels pass it to read services as `authorized`, so the page decides once) and the object with the caller's level
 * and allowed actions (controls not in `object.access.actions` are not shown; the server refuses them anyway).
 */
export interface ObjectPageContext {
  user: ActingUser;
  db: Database;
  authorized: AuthorizedObject;
  object: ObjectWithAccess;
}

/**
 * The gate for an object's page: a signed-in user who can view the object (else the 404 page — unknown, trashed,
 * out of scope, no rule and another type all look the same, and the denial is in the access log).
 */
export async function enterObjectPage(spec: ObjectPageSpec): Promise<ObjectPageContext> {
  return gateObjectPage(spec.name, spec.type, spec.id);
}

// Once per request: the page and its metadata (the tab's title) ask for the same object, and one decision (and one
// access-log line for a denial) serves both.
const gateObjectPage = cache(async (name: ActionName, type: ObjectType, id: string): Promise<ObjectPageContext> => {
  const { user, db } = await enterPage({ name, capability: "view_objects" });
  const authorized = await authorizeObject(db, subjectOf(user), id, "view");
  if (!authorized.ok || authorized.data.facts.type !== type) notFound();
  const object = await getObject(db, user, { id }, { authorized: authorized.data });
  if (!object.ok) notFound();
  return { user, db, authorized: authorized.data, object: object.data };
});
