import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { getDb, type Database } from "@/db/client";
import { getSessionState, sessionStateMessage, type ActingUser } from "@/lib/auth/acting-user";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { recordAudit } from "@/lib/audit/record-audit";
import { authorizeObject, type AuthorizedObject } from "@/lib/authz/object-access";
import type { ObjectAction } from "@/lib/authz/object-actions";
import { roleAllows, type Capability } from "@/lib/authz/roles";
import { subjectOf } from "@/lib/authz/subject";
import { fail, type AppError } from "@/lib/result";
import { fieldErrors } from "@/lib/validation/field-errors";
import { unstorableTextFields } from "@/lib/validation/unstorable-text";
import type { ActionName } from "./action-names";

/** What every gated action or route declares: its name, its input schema and the role capability it needs. */
export interface GateSpec<Schema extends z.ZodType> {
  name: ActionName;
  input: Schema;
  /** The SPEC §2 capability the acting user's role must hold; omit for "any signed-in user". */
  capability?: Capability;
  /**
   * The object the action targets and what it does to it: the gate authorizes it (role ∧ scope ∧ rule) before the
   * handler runs, answering not_found for an object the user cannot view and forbidden for a disallowed action.
   */
  object?: { id: (input: z.output<Schema>) => string; action: ObjectAction };
}

export interface GateContext<Input> {
  user: ActingUser;
  input: Input;
  db: Database;
  clientAddress: string;
  /** Present when the spec names an object: its access facts and the decision that allowed the action. */
  object?: AuthorizedObject;
}

/** The signed-in user of the request's session cookie, or why there is none. */
export async function resolveSessionCaller(): Promise<{ ok: true; user: ActingUser } | { ok: false; error: AppError }> {
  const state = await getSessionState();
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
  caller?: ActingUser,
): Promise<{ ok: true; context: GateContext<z.output<Schema>> } | { ok: false; error: AppError }> {
  const resolved = caller ? { ok: true as const, user: caller } : await resolveSessionCaller();
  if (!resolved.ok) return resolved;
  const { user } = resolved;
  const db = await getDb();
  const clientAddress = clientAddressFrom(await headers());

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
    return fail("forbidden", "Your role does not allow this.");
  }
  // Parsed after the role check: a role that may never use the action learns nothing of its input's shape.
  const unstorable = unstorableTextFields(rawInput);
  if (unstorable) return fail("invalid", "Some fields need attention.", unstorable);
  const parsed = spec.input.safeParse(rawInput);
  if (!parsed.success) return fail("invalid", "Some fields need attention.", fieldErrors(parsed.error));
  if (!spec.object) return { ok: true, context: { user, input: parsed.data, db, clientAddress } };
  const authorized = await authorizeObject(db, subjectOf(user), spec.object.id(parsed.data), spec.object.action, { clientAddress });
  if (!authorized.ok) return authorized;
  return { ok: true, context: { user, input: parsed.data, db, clientAddress, object: authorized.data } };
}
