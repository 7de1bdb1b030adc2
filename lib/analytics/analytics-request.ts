import "server-only";
import type { Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import { roleAllows } from "@/lib/authz/roles";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { analyticsFiltersSchema, type AnalyticsFiltersInput } from "./analytics-input";
import { resolvePeriod, type AnalyticsPeriod } from "./analytics-periods";
import { resolveAnalyticsScope, type AnalyticsScope } from "./analytics-scope";
import type { UsageOrder } from "./usage";

/** What every chart of one request reads: the period, the sites, the usage table's order. */
export interface AnalyticsRequest {
  period: AnalyticsPeriod;
  scope: AnalyticsScope;
  order: UsageOrder;
}

/** The dashboard exists for Managers and Admins only (SPEC §2): for every other role it is not found, like the page. */
export const analyticsNotFound = fail("not_found", "analytics.errors.notFound");

/**
 * Checks and resolves a dashboard request: the role, the filters (422 naming the field), the period in the
 * organisation's time zone, and the site among those the viewer may pick.
 */
export async function resolveAnalyticsRequest(
  db: Executor,
  user: ActingUser,
  input: AnalyticsFiltersInput,
  now = new Date(),
): Promise<Result<AnalyticsRequest>> {
  if (!roleAllows(user.role, "view_analytics")) return analyticsNotFound;
  const parsed = parseInput(analyticsFiltersSchema, input);
  if (!parsed.ok) return parsed;
  const filters = parsed.data;
  const period = resolvePeriod(filters, user.timeZone, now);
  if (period === "backwards") return fail("invalid", "errors.fieldsNeedAttention", { to: "analytics.errors.backwards" });
  if (period === "too_long") return fail("invalid", "errors.fieldsNeedAttention", { from: "analytics.errors.tooLong" });
  const scope = await resolveAnalyticsScope(db, user, filters.siteId);
  if (!scope.ok) return scope;
  return ok({ period, scope: scope.data, order: { sort: filters.sort ?? "time", order: filters.order ?? (filters.sort === "name" ? "asc" : "desc") } });
}
