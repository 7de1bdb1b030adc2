import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { integrationRateWindows } from "@/db/schema";
import { env } from "@/lib/env";
import type { TokenCaller } from "./api-tokens";

const windowMs = 60_000;

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one call of a token in the current minute and says whether it is within the token's limit (its own, else
 * INTEGRATION_RATE_LIMIT_PER_MINUTE). One atomic upsert of the (token, minute) row, so every instance shares the
 * count; a refused call counts too (a client hammering through its 429s stays refused). Fixed windows: a client can
 * fit up to twice its limit across a minute boundary, the price of one row per token and minute.
 */
export async function takeRateLimitSlot(db: Executor, caller: TokenCaller, now = new Date()): Promise<RateLimitVerdict> {
  const limit = caller.rateLimitPerMinute ?? env().INTEGRATION_RATE_LIMIT_PER_MINUTE;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(integrationRateWindows)
    .values({ organizationId: caller.user.organizationId, tokenId: caller.tokenId, windowStart, calls: 1 })
    .onConflictDoUpdate({
      target: [integrationRateWindows.tokenId, integrationRateWindows.windowStart],
      set: { calls: sql`${integrationRateWindows.calls} + 1` },
    })
    .returning({ calls: integrationRateWindows.calls });
  if ((row?.calls ?? 0) <= limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000)) };
}
