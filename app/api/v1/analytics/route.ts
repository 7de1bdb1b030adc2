import { defineRoute } from "@/lib/gate/define-route";
import { analyticsFiltersSchema } from "@/lib/analytics/analytics-input";
import { getAnalytics } from "@/lib/analytics/get-analytics";

/**
 * The dashboard's figures (Managers and Admins; 404 for every other role, as the page): `from`, `to` (calendar days in
 * the organisation's time zone) or `preset`, `siteId`, `grain`, and the usage table's `sort`/`order`.
 */
export const GET = defineRoute(
  { name: "analytics.read", input: analyticsFiltersSchema, capability: "view_analytics", unknownToOtherRoles: "analytics.errors.notFound" },
  ({ db, user, input }) => getAnalytics(db, user, input),
);
