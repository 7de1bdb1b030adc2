import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { EventItem } from "@/lib/activity/activity-item";
import { objectPath } from "@/lib/objects/object-paths";
import type { ObjectType } from "@/db/schema";
import type { Messages } from "@/lib/i18n/messages";

type Translate = ReturnType<typeof useTranslations<"activity">>;

type StatusKey = keyof Messages["activity"]["statuses"];

/** A status's name, or null for a value this catalogue does not name (then the sentence leaves statuses out). */
function statusLabel(t: Translate, value: string | undefined): string | null {
  if (value === undefined || !t.has(`statuses.${value as StatusKey}`)) return null;
  return t(`statuses.${value as StatusKey}`);
}

const workflowEventKeys = {
  workflow_started: "events.workflowStarted",
  workflow_completed: "events.workflowCompleted",
  workflow_cancelled: "events.workflowCancelled",
} as const;

/**
 * An optional fact for a sentence that says it only when known: `{ hasX: "yes", x }`, or `{ hasX: "no", x: "" }`
 * (the message's `select` picks the wording; every argument it names must still be given).
 */
function present<Flag extends string, Name extends string>(flag: Flag, name: Name, value: string | undefined) {
  return { [flag]: value ? "yes" : "no", [name]: value ?? "" } as Record<Flag | Name, string>;
}

/** The sentence of one event, in the reader's language ("Marie Curie changed the sharing."). */
function sentence(t: Translate, event: EventItem, actor: string, type: ObjectType): ReactNode {
  const details = event.details;
  const tags = {
    who: (chunks: ReactNode) => <span className="font-medium">{chunks}</span>,
    object: (chunks: ReactNode) =>
      details.object ? (
        <Link href={objectPath(details.object.type, details.object.id)} className="font-medium text-blue-700 hover:underline">
          {chunks}
        </Link>
      ) : (
        chunks
      ),
  };
  switch (event.kind) {
    case "created":
      return t.rich("events.created", { ...tags, actor, type });
    case "updated":
      if (details.title !== undefined && details.propertyCount) {
        return t.rich("events.updatedTitleAndProperties", { ...tags, actor, title: details.title, count: details.propertyCount });
      }
      if (details.title !== undefined) return t.rich("events.updatedTitle", { ...tags, actor, title: details.title });
      if (details.propertyCount) return t.rich("events.updatedProperties", { ...tags, actor, count: details.propertyCount });
      return t.rich("events.updated", { ...tags, actor, type });
    case "scope_changed":
      return details.scope ? t.rich("events.scopeChangedTo", { ...tags, actor, scope: details.scope }) : t.rich("events.scopeChanged", { ...tags, actor });
    case "trashed":
      return t.rich("events.trashed", { ...tags, actor, type });
    case "restored":
      return t.rich("events.restored", { ...tags, actor, type });
    case "linked":
    case "unlinked":
      if (details.object) {
        const { reference, title } = details.object;
        return t.rich(event.kind === "linked" ? "events.linked" : "events.unlinked", { ...tags, actor, reference, title });
      }
      break;
    case "details_updated":
      return t.rich("events.detailsUpdated", { ...tags, actor });
    case "status_changed": {
      const [from, to] = [statusLabel(t, details.from), statusLabel(t, details.to)];
      return from && to ? t.rich("events.statusChangedFromTo", { ...tags, actor, from, to }) : t.rich("events.statusChanged", { ...tags, actor });
    }
    case "revision_created":
      return details.label ? t.rich("events.revisionCreated", { ...tags, actor, label: details.label }) : t.rich("events.revisionCreatedUnlabelled", { ...tags, actor });
    case "revision_validated":
      return details.label
        ? t.rich("events.revisionValidated", { ...tags, actor, label: details.label })
        : t.rich("events.revisionValidatedUnlabelled", { ...tags, actor });
    case "file_added":
    case "file_removed":
      return t.rich(event.kind === "file_added" ? "events.fileAdded" : "events.fileRemoved", {
        ...tags,
        actor,
        ...present("hasName", "fileName", details.fileName),
        ...present("hasLabel", "label", details.label),
      });
    case "workflow_started":
    case "workflow_completed":
    case "workflow_cancelled":
      return t.rich(workflowEventKeys[event.kind], { ...tags, actor, ...present("hasTitle", "title", details.title) });
    case "task_assigned":
      return t.rich("events.taskAssigned", { ...tags, actor, ...present("hasTitle", "title", details.title), ...present("hasAssignee", "assigneeName", details.assigneeName) });
    case "task_completed":
      return t.rich("events.taskCompleted", { ...tags, actor, ...present("hasTitle", "title", details.title) });
    case "revision_signed":
    case "revision_rejected":
      return t.rich(event.kind === "revision_rejected" || details.decision === "rejected" ? "events.revisionRejected" : "events.revisionSigned", {
        ...tags,
        actor,
        ...present("hasLabel", "label", details.label),
        ...present("hasComment", "comment", details.comment),
      });
  }
  return t.rich("events.other", { ...tags, actor, kind: event.kind.replaceAll("_", " ") });
}

/** One event of the feed as a sentence naming who did it; the system's own events name Atelier. */
export function EventSentence({ event, objectType }: { event: EventItem; objectType: ObjectType }) {
  const t = useTranslations("activity");
  return <p className="text-sm text-gray-700 [overflow-wrap:anywhere]">{sentence(t, event, event.author?.name ?? t("system"), objectType)}</p>;
}
