import type { ObjectType, ScopeKind } from "@/db/schema";
import type { CommentMention } from "./comment-text";

/** Who wrote a comment or did what an event records; null for the system (an import, a migration). */
export interface ActivityAuthor {
  id: string;
  name: string;
}

/** A comment as the feed answers it: the text as typed, the people it mentions, and what the caller may do to it. */
export interface CommentItem {
  type: "comment";
  id: string;
  /** When it was posted (ISO 8601). */
  at: string;
  author: ActivityAuthor;
  body: string;
  mentions: CommentMention[];
  editedAt: string | null;
  version: number;
  /** Until when its author may edit or delete it. */
  editableUntil: string;
  /** What the caller may do to it now (the server decides again on every write). */
  permissions: { edit: boolean; delete: boolean };
}

/** Another object an event names (a link), only ever one the caller can view. */
export interface EventObject {
  id: string;
  type: ObjectType;
  reference: string;
  title: string;
}

/**
 * What the feed tells of an event beyond its kind: only facts the caller may know (never the raw record, which may
 * name objects they cannot view). Each kind reads the fields it has; unknown kinds have none.
 */
export interface EventDetails {
  /** `updated`: the new title, when it changed; workflow and task events: the workflow's or the task's title. */
  title?: string;
  /** `updated`: how many property values changed. */
  propertyCount?: number;
  /** `scope_changed`: the scope it has now. */
  scope?: ScopeKind;
  /** `status_changed`: the statuses before and after. */
  from?: string;
  to?: string;
  /** Revision and file events, signatures: the revision's label. */
  label?: string;
  /** `file_added`, `file_removed`: the file's name. */
  fileName?: string;
  /** `revision_signed`, `revision_rejected`: the signature's decision and its comment. */
  decision?: "approved" | "rejected";
  comment?: string;
  /** `task_assigned`, `task_completed`: who the task is (was) assigned to. */
  assigneeName?: string;
  /** `linked`, `unlinked`: the other object. */
  object?: EventObject;
}

export interface EventItem {
  type: "event";
  id: string;
  /** When it happened (ISO 8601). */
  at: string;
  author: ActivityAuthor | null;
  /** created, updated, scope_changed, trashed, restored, linked, unlinked, details_updated, status_changed… */
  kind: string;
  details: EventDetails;
}

export type ActivityItem = CommentItem | EventItem;

export interface ActivityPage {
  items: ActivityItem[];
  /** Pass it back as `cursor` for older items; null on the last page. */
  nextCursor: string | null;
}
