import "server-only";
import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { getSessionState } from "./acting-user";
import { endUsageSession } from "./usage-sessions";

/** Ends the request's usage session on sign-out, so the token is dead even if a copy of it survives. */
export async function endCurrentSession(): Promise<void> {
  const state = await getSessionState();
  if (state.status !== "signed_in") return;
  const db = await getDb();
  await endUsageSession(db, state.user.usageSessionId, "signed_out");
  await recordAudit(db, {
    organizationId: state.user.organizationId,
    actorId: state.user.id,
    action: "session.signed_out",
    targetType: "usage_session",
    targetId: state.user.usageSessionId,
  });
}
