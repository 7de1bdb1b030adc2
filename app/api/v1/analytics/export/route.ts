import { defineRoute } from "@/lib/gate/define-route";
import { exportChart, exportChartSchema } from "@/lib/analytics/export-chart";
import { localeOfRequest } from "@/lib/i18n/request-locale";

/** One chart's data as CSV (`chart` and the dashboard's filters); audited. 404 for roles without the dashboard. */
export const GET = defineRoute(
  { name: "analytics.export", input: exportChartSchema, capability: "view_analytics", unknownToOtherRoles: "analytics.errors.notFound" },
  async ({ db, user, input, request, clientAddress }) => {
    const exported = await exportChart(db, user, input, { locale: localeOfRequest(request.headers, user.locale), clientAddress });
    if (!exported.ok) return exported;
    return new Response(exported.data.csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${exported.data.fileName}"`,
        "cache-control": "no-store",
      },
    });
  },
);
