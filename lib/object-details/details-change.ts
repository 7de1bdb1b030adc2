import type { Executor } from "@/db/client";
import type { Result } from "@/lib/result";
import type { ObjectDetailsPatch } from "./details-schemas";
import type { AccessSubject } from "@/lib/authz/subject";

/** What an edit changes on a type's row, found before anything is written. */
export interface DetailsChange {
  /** Field → old and new value, as the activity feed records them; empty when the edit changes nothing. */
  changes: Record<string, { from: unknown; to: unknown }>;
  /** Fields that changed but whose values the feed does not keep (a product some readers cannot see). */
  unrecorded: string[];
  /** Writes the change (the object row is locked and its version bumped by the caller). */
  write: (tx: Executor) => Promise<void>;
}

/** Checks one type's edit against its current row: the change to write, or the fields refused. */
export type PlanDetailsChange = (tx: Executor, subject: AccessSubject, objectId: string, patch: ObjectDetailsPatch) => Promise<Result<DetailsChange>>;

/** The fields of `patch` whose value differs from `current`, with both values. */
export function changedFields<Field extends keyof ObjectDetailsPatch>(
  current: Partial<Record<Field, unknown>>,
  patch: ObjectDetailsPatch,
  fields: readonly Field[],
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of fields) {
    const to = patch[field];
    if (to !== undefined && to !== current[field]) changes[field] = { from: current[field] ?? null, to };
  }
  return changes;
}

/** The status an edit asks for, checked against the type's statuses: undefined when not asked, null when unknown. */
export function askedStatus<Status extends string>(statuses: readonly Status[], asked: string | undefined): Status | undefined | null {
  if (asked === undefined) return undefined;
  return statuses.find((status) => status === asked) ?? null;
}
