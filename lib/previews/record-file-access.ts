import "server-only";
import type { Executor } from "@/db/client";
import { accessLog, type AccessLogKind } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { ActionName } from "@/lib/gate/action-names";
import type { FileFacts } from "./file-facts";

/** Writes one read of a file to the append-only access log (SPEC §9) and returns the entry's id. */
export async function recordFileAccess(
  db: Executor,
  user: ActingUser,
  entry: { kind: AccessLogKind; action: ActionName; file: FileFacts; reason?: string; clientAddress?: string | null },
): Promise<number> {
  const [row] = await db
    .insert(accessLog)
    .values({
      organizationId: user.organizationId,
      userId: user.id,
      kind: entry.kind,
      action: entry.action,
      objectId: entry.file.objectId,
      revisionId: entry.file.revisionId,
      fileId: entry.file.id,
      reason: entry.reason ?? null,
      clientAddress: entry.clientAddress ?? null,
    })
    .returning({ id: accessLog.id });
  if (!row) throw new Error("access log insert returned no row");
  return row.id;
}
