import "server-only";
import type { Executor } from "@/db/client";
import type { AccessLevel, ScopeKind } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ObjectAccessImpact } from "./object-access-impact";

/** What changed the object's access: property values (by id), or its scope. */
export type AccessChangeCause = { kind: "properties"; propertyIds: string[] } | { kind: "scope"; scope: { kind: ScopeKind; siteIds: string[] } };

function perLevel(impact: ObjectAccessImpact, direction: "gained" | "lost"): Partial<Record<AccessLevel, number>> {
  return Object.fromEntries(impact.levels.filter((entry) => entry[direction] > 0).map((entry) => [entry.level, entry[direction]]));
}

/**
 * The security event of a saved change that alters who can access an object (issue 15, point 7): an
 * `object.access_changed` audit entry with the active users reaching each level before and after, and how many gained
 * or lost each level. Written in the change's own transaction; nothing when nobody's access changed.
 */
export async function recordAccessChange(
  tx: Executor,
  entry: { organizationId: string; actorId: string; objectId: string; impact: ObjectAccessImpact; cause: AccessChangeCause; clientAddress?: string | null },
): Promise<void> {
  const { impact } = entry;
  if (!impact.changesAccess) return;
  await recordAudit(tx, {
    organizationId: entry.organizationId,
    actorId: entry.actorId,
    action: "object.access_changed",
    targetType: "object",
    targetId: entry.objectId,
    before: { usersByLevel: impact.usersByLevel.before },
    after: { usersByLevel: impact.usersByLevel.after, gained: perLevel(impact, "gained"), lost: perLevel(impact, "lost"), cause: entry.cause },
    clientAddress: entry.clientAddress ?? null,
  });
}
