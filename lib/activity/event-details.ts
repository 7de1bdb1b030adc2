import {
  manufacturingOrderStatuses,
  partStatuses,
  productStatuses,
  projectStatuses,
  revisionStatuses,
  scopeKinds,
  workflowStatuses,
  type ScopeKind,
} from "@/db/schema";
import type { EventDetails, EventObject } from "./activity-item";

const statuses = new Set<string>([
  ...productStatuses,
  ...partStatuses,
  ...projectStatuses,
  ...manufacturingOrderStatuses,
  ...workflowStatuses,
  ...revisionStatuses,
]);

const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

const shortText = (value: unknown, max: number): string | undefined =>
  typeof value === "string" && value.length > 0 && value.length <= max ? value : undefined;

const status = (value: unknown): string | undefined => (typeof value === "string" && statuses.has(value) ? value : undefined);

function withoutUndefined(details: EventDetails): EventDetails {
  return Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined)) as EventDetails;
}

/**
 * What the feed tells of an event: for each kind it knows, the few facts its sentence needs, read defensively from
 * the stored record (any service, the seed or an import wrote it); nothing for a kind it does not know. The raw
 * record never leaves the server — a link's names the other object, which the caller may not be able to view:
 * `linked` is given the other object only once the query found it visible.
 */
export function eventDetails(kind: string, data: Record<string, unknown>, linkedObject: EventObject | null): EventDetails {
  switch (kind) {
    case "updated":
      return withoutUndefined({
        title: shortText(data.title, 200),
        propertyCount: Array.isArray(data.propertyIds) ? data.propertyIds.length : undefined,
      });
    case "scope_changed": {
      const kindAfter = record(data.after).kind;
      return withoutUndefined({ scope: scopeKinds.includes(kindAfter as ScopeKind) ? (kindAfter as ScopeKind) : undefined });
    }
    case "status_changed":
      return withoutUndefined({ from: status(data.from), to: status(data.to) });
    case "revision_created":
    case "revision_validated":
      return withoutUndefined({ label: shortText(data.label, 10) });
    case "file_added":
    case "file_removed":
      return withoutUndefined({ label: shortText(data.label, 10), fileName: shortText(data.fileName, 255) });
    case "revision_signed":
    case "revision_rejected":
      return withoutUndefined({
        label: shortText(data.label, 10),
        decision: data.decision === "approved" || data.decision === "rejected" ? data.decision : undefined,
        comment: shortText(data.comment, 2000),
      });
    case "workflow_started":
    case "workflow_completed":
    case "workflow_cancelled":
      return withoutUndefined({ title: shortText(data.title, 200) });
    case "task_assigned":
    case "task_completed":
      return withoutUndefined({ title: shortText(data.title, 200), assigneeName: shortText(data.assigneeName, 200) });
    case "linked":
    case "unlinked":
      return linkedObject ? { object: linkedObject } : {};
    default:
      return {};
  }
}
