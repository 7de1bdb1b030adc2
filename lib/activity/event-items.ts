import type { ObjectType } from "@/db/schema";
import type { EventItem } from "./activity-item";
import { eventDetails } from "./event-details";
import type { FeedPerson } from "./feed-people";

export interface EventItemRow {
  id: string;
  actorId: string | null;
  kind: string;
  data: Record<string, unknown>;
  occurredAt: Date;
  /** The other object of a link event, when the caller can view it. */
  linkedId: string | null;
  linkedType: ObjectType | null;
  linkedReference: string | null;
  linkedTitle: string | null;
}

/** An event as the caller reads it: its kind, its author and the few facts its sentence needs. */
export function toEventItem(row: EventItemRow, people: Map<string, FeedPerson>): EventItem {
  const actor = row.actorId ? people.get(row.actorId) : undefined;
  const linkedObject =
    row.linkedId && row.linkedType && row.linkedReference !== null && row.linkedTitle !== null
      ? { id: row.linkedId, type: row.linkedType, reference: row.linkedReference, title: row.linkedTitle }
      : null;
  return {
    type: "event",
    id: row.id,
    at: row.occurredAt.toISOString(),
    author: actor ? { id: actor.id, name: actor.name } : null,
    kind: row.kind,
    details: eventDetails(row.kind, row.data, linkedObject),
  };
}
