import { z } from "zod";
import type { listAuditLog } from "@/lib/audit/list-audit-log";
import { describes, type ResponseDeclarations, type ServiceData } from "../response-schema";
import { id, page } from "./common-schemas";

const auditEntry = z.strictObject({
  id,
  occurredAt: z.string().meta({ description: "UTC, microseconds: `2026-12-08T00:00:00.000000Z`." }),
  actor: z
    .union([z.strictObject({ id, name: z.string(), email: z.string() }), z.strictObject({ id, name: z.null(), email: z.null() })])
    .nullable()
    .meta({ description: "Null for the operator CLI and the system; name and email null for a user whose row is gone." }),
  action: z.string(),
  target: z.strictObject({ type: z.string(), id: z.string().nullable(), label: z.string().nullable() }).nullable(),
  before: z.unknown(),
  after: z.unknown(),
  clientAddress: z.string().nullable(),
});

export const exportsAuditResponses: ResponseDeclarations = {
  "GET /api/v1/exports/{kind}": {
    summary: "Export users, sites, objects (the caller may view), access rules or the audit log as CSV (Admin; 404 otherwise)",
    file: {
      mediaType: "text/csv",
      description: "Streamed RFC 4180 CSV with a UTF-8 byte order mark; formula-like cells neutralised; `X-Total-Rows` gives the row count.",
    },
  },
  "GET /api/v1/audit-log": {
    summary: "The audit log, newest first, by actor, target, action and dates (Admin; 404 otherwise)",
    schema: page(describes<ServiceData<typeof listAuditLog>["items"][number]>()(auditEntry)),
  },
};
