import "server-only";
import type { Executor } from "@/db/client";
import { integrationLog } from "@/db/schema";

/** One API call made with a token (SPEC §8): written after the answer is known. */
export async function recordIntegrationCall(
  db: Executor,
  call: { organizationId: string; integrationId: string; tokenId: string; method: string; path: string; status: number; durationMs: number },
): Promise<void> {
  await db.insert(integrationLog).values({ ...call, durationMs: Math.round(call.durationMs) });
}
