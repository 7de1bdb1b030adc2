import "server-only";
import { notFound } from "next/navigation";
import { getDb, type Database } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import { requireActingUser } from "@/lib/auth/require-acting-user";
import { roleAllows, type Capability } from "@/lib/authz/roles";
import type { ActionName } from "./action-names";

export interface PageGateSpec {
  name: ActionName;
  capability?: Capability;
}

/**
 * The gate for a page's data load: a signed-in, active user (else the sign-in page) whose role holds the
 * capability (else the 404 page — a page the role may never use does not exist for it).
 */
export async function enterPage(spec: PageGateSpec): Promise<{ user: ActingUser; db: Database }> {
  const user = await requireActingUser();
  if (spec.capability && !roleAllows(user.role, spec.capability)) notFound();
  return { user, db: await getDb() };
}
