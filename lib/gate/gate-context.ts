import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { getDb, type Database } from "@/db/client";
import { getSessionState, sessionStateMessage, sessionStateOf, type ActingUser } from "@/lib/auth/acting-user";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { recordAudit } from "@/lib/audit/record-audit";
import { authorizeObject, objectNotFoundMessage, type AuthorizedObject } from "@/lib/authz/object-access";
import type { ObjectAction } from "@/lib/authz/object-actions";
import { roleAllows, type Capability } from "@/lib/authz/roles";
import { subjectOf } from "@/lib/authz/subject";
import { fail, type AppError } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { unstorableTextFields } from "@/lib/validation/unstorable-text";
import type { ActionName } from "./action-names";

/**
 * Finds the object an input targets: its id in the input, or — for a record reached through another (a revision →
 * its document, a file → its revision's document, a task → its workflow) — loaded from the database, scoped to
 * the caller's organisation. Null when there is no such record: the gate answers not_found, as for an object the
 * caller cannot view.
 */
export type ObjectTargetLoader<Input> = (input: Input, scope: { db: Database; organizationId: string }) => string | null | Promise<string | null>;

/** What every gated action or route declares: its name, its input schema and the role capability it needs. */
export interface GateSpec<Schema extends z.ZodType> {
  name: ActionName;
  input: Schema;
  /** The SPEC §2 capability the acting user's role must hold; omit for "any signed-in user". */
  capability?: Capability;
  /**
   * For a role without the capability the endpoint does not exist, as its admin page does not: not_found with this
   * message (a catalogue key) rather than forbidden.
   */
  unknownToOtherRoles?: string;
  /**
   * The object the action targets and what it does to it: the gate authorizes it (role ∧ scope ∧ rule) before the
   * handler runs, answering not_found for an object the user cannot view and forbidden for a disallowed action.
   */
  object?: { id: ObjectTargetLoader<z.output<Schema>>; action: ObjectAction };
}

export interface GateContext<Input> {
  user: ActingUser;
  input: Input;
  db: Database;
  clientAddress: string;
  /** Present when the spec names an object: its access facts and the decision that allowed the action. */
  object?: AuthorizedObject;
}

/** The signed-in user of the request's session cookie (a route's own request, else the render's), or why there is none. */
export async function resolveSessionCaller(request?: Request): Promise<{ ok: true; user: ActingUser } | { ok: false; error: AppError }> {
  const state = request ? await sessionStateOf(request) : await getSessionState();
  if (state.status !== "signed_in") return fail("unauthenticated", sessionStateMessage(state));
  return { ok: true, user: state.user };
}

/**
 * The common steps of the gate: resolve the acting user from the database (unless the route resolved its caller
 * already), check the role, parse the input, audit a refusal. Returns the context the handler runs with, or the error to answer.
 */
export async function enterGate<Schema extends z.ZodType>(
  spec: GateSpec<Schema>,
  rawInput: unknown,
  caller?: { user: ActingUser; clientAddress: string },
): Promise<{ ok: true; context: GateContext<z.output<Schema>> } | { ok: false; error: AppError }> {
  const resolved = caller ? { ok: true as const, user: caller.user } : await resolveSessionCaller();
  if (!resolved.ok) return resolved;
  const { user } = resolved;
  const db = await getDb();
  const clientAddress = caller?.clientAddress ?? clientAddressFrom(await headers());

  if (spec.capability && !roleAllows(user.role, spec.capability)) {
    await recordAudit(db, {
      organizationId: user.organizationId,
      actorId: user.id,
      action: "access.denied",
      targetType: "action",
      targetId: spec.name,
      after: { reason: "role", role: user.role, capability: spec.capability },
      clientAddress,
    });
    return spec.unknownToOtherRoles ? fail("not_found", spec.unknownToOtherRoles) : fail("forbidden", "errors.roleForbidden");
  }
  // Parsed after the role check: a role that may never use the action learns nothing of its input's shape.
  const unstorable = unstorableTextFields(rawInput);
  if (unstorable) return fail("invalid", "errors.fieldsNeedAttention", unstorable);
  const parsed = parseInput(spec.input, rawInput);
  if (!parsed.ok) return parsed;
  if (!spec.object) return { ok: true, context: { user, input: parsed.data, db, clientAddress } };
  const objectId = await spec.object.id(parsed.data, { db, organizationId: user.organizationId });
  if (objectId === null) return fail("not_found", objectNotFoundMessage);
  const authorized = await authorizeObject(db, subjectOf(user), objectId, spec.object.action, { clientAddress });
  if (!authorized.ok) return authorized;
  return { ok: true, context: { user, input: parsed.data, db, clientAddress, object: authorized.data } };
}
