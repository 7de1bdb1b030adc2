import { z } from "zod";
import { chartIds } from "@/lib/analytics/analytics-data";
import type { getAnalytics } from "@/lib/analytics/get-analytics";
import { describes, type ResponseDeclarations, type ServiceData } from "../response-schema";
import { id } from "./common-schemas";

// The analytics dashboard (#17): its figures as JSON, each chart's table as CSV.

const day = z.string().describe("a calendar day (YYYY-MM-DD) in the organisation's time zone");
const cell = z.union([z.string(), z.number(), z.null()]);
const figure = z.strictObject({ value: z.number(), previous: z.number().nullable() });

const analyticsView = describes<ServiceData<typeof getAnalytics>>()(
  z.strictObject({
    period: z.strictObject({
      from: day,
      to: day,
      grain: z.string(),
      preset: z.string(),
      timeZone: z.string(),
      previous: z.strictObject({ from: day, to: day }),
      buckets: z.array(z.strictObject({ key: day, start: day, end: day })),
    }),
    site: z.strictObject({ id: id.nullable(), choices: z.array(z.strictObject({ id, name: z.string() })) }),
    charts: z.array(
      z.strictObject({
        id: z.enum(chartIds),
        figures: z.record(z.string(), figure),
        columns: z.array(z.string()),
        rows: z.array(z.array(cell)),
        plot: z.strictObject({ columns: z.array(z.string()), rows: z.array(z.array(cell)) }).optional(),
        omittedRows: z.number().optional(),
      }),
    ),
  }),
);

export const analyticsResponses: ResponseDeclarations = {
  "GET /api/v1/analytics": { summary: "The dashboard's figures per site and period (Managers and Admins; 404 for other roles)", schema: analyticsView, errors: ["not_found"] },
  "GET /api/v1/analytics/export": {
    summary: "One chart's data as CSV, audited (Managers and Admins; 404 for other roles)",
    file: { mediaType: "text/csv", description: "the chart's table, headed in the caller's language" },
    errors: ["not_found"],
  },
};
