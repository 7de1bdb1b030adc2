import "server-only";
import type { Database } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Locale } from "@/lib/i18n/locales";
import { accessRulesExport } from "./access-rules-export";
import { auditLogExport } from "./audit-log-export";
import { csvResponse } from "./csv-response";
import type { ExportInput, ExportKind } from "./export-input";
import type { ExportSource } from "./export-source";
import { exportWords, type ExportWords } from "./export-words";
import { objectsExport } from "./objects-export";
import { sitesExport } from "./sites-export";
import { usersExport } from "./users-export";

function sourceOf(db: Database, user: ActingUser, { kind, ...filters }: ExportInput, words: ExportWords): Promise<ExportSource> {
  switch (kind) {
    case "users":
      return usersExport(db, user, words);
    case "sites":
      return sitesExport(db, user, words);
    case "objects":
      return objectsExport(db, user, filters, words);
    case "access-rules":
      return accessRulesExport(db, user, words);
    case "audit-log":
      return auditLogExport(db, user, filters, words);
  }
}

function fileNameOf(kind: ExportKind, filters: Omit<ExportInput, "kind">): string {
  const day = new Date().toISOString().slice(0, 10);
  return ["atelier", kind, filters.type, day].filter(Boolean).join("-") + ".csv";
}

/**
 * Runs an export for an Admin (the route checked the role): counts its rows, then streams them as CSV. The export is
 * audited when it ends — `exports.run` with its kind, filters, the rows sent and whether the download completed —
 * so a cancelled or failed download is on the record too.
 */
export async function runExport(
  db: Database,
  user: ActingUser,
  input: ExportInput,
  context: { locale: Locale; clientAddress: string },
): Promise<Response> {
  const { kind, ...filters } = input;
  const source = await sourceOf(db, user, input, exportWords(context.locale));
  const totalRows = await source.count();
  return csvResponse({ fileName: fileNameOf(kind, filters), header: source.header, totalRows, batches: source.batches }, ({ rows, completed }) =>
    recordAudit(db, {
      organizationId: user.organizationId,
      actorId: user.id,
      action: "exports.run",
      targetType: "export",
      targetId: kind,
      after: { kind, filters, rows, completed },
      clientAddress: context.clientAddress,
    }),
  );
}
