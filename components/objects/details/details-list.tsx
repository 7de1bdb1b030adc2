import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Instant } from "@/components/ui/instant";
import type { ObjectDetails } from "@/lib/object-details/object-details-view";
import { objectPath } from "@/lib/objects/object-paths";
import { CalendarDate } from "./calendar-date";
import { CompletionText } from "./completion-bar";
import { useStatusLabel } from "../use-status-label";

function Entry({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-gray-600">{label}</dt>
      <dd className="font-medium text-gray-900 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

/** A calendar date, or "Not set". */
function OptionalDate({ value }: { value: string | null }) {
  const t = useTranslations("details.panel");
  return value ? <CalendarDate value={value} /> : <span className="font-normal text-gray-600">{t("notSet")}</span>;
}

function OptionalInstant({ value }: { value: string | null }) {
  const t = useTranslations("details.panel");
  return value ? <Instant value={value} /> : <span className="font-normal text-gray-600">{t("notSet")}</span>;
}

/** An object's type-specific details as a definition list, in the reader's language. */
export function DetailsList({ details }: { details: ObjectDetails }) {
  const t = useTranslations("details");
  const statusLabel = useStatusLabel();
  const missing = (text: string) => <span className="font-normal text-gray-600">{text}</span>;
  const entries: ReactNode[] = [];
  switch (details.type) {
    case "part":
      entries.push(
        <Entry key="status" label={t("labels.status")}>{statusLabel("part", details.status)}</Entry>,
        <Entry key="unit" label={t("labels.unit")}>{details.unit}</Entry>,
        <Entry key="material" label={t("labels.material")}>{details.material ?? missing(t("panel.notSet"))}</Entry>,
      );
      break;
    case "product":
      entries.push(
        <Entry key="status" label={t("labels.status")}>{statusLabel("product", details.status)}</Entry>,
        <Entry key="since" label={t("labels.statusChangedAt")}>
          <Instant value={details.statusChangedAt} style="date" />
        </Entry>,
      );
      break;
    case "project":
      entries.push(
        <Entry key="status" label={t("labels.status")}>{statusLabel("project", details.status)}</Entry>,
        <Entry key="team" label={t("labels.team")}>{details.team?.name ?? missing(t("values.noTeam"))}</Entry>,
        <Entry key="start" label={t("labels.startDate")}>
          <OptionalDate value={details.startDate} />
        </Entry>,
        <Entry key="due" label={t("labels.dueDate")}>
          <OptionalDate value={details.dueDate} />
        </Entry>,
        <Entry key="completion" label={t("labels.completion")}>
          <CompletionText progress={details.tasks} />
        </Entry>,
      );
      break;
    case "manufacturing_order":
      entries.push(
        <Entry key="status" label={t("labels.status")}>{statusLabel("manufacturing_order", details.status)}</Entry>,
        <Entry key="product" label={t("labels.product")}>
          {!details.product ? (
            missing(t("values.noProduct"))
          ) : details.product.visible ? (
            <Link href={objectPath("product", details.product.id)} className="text-blue-700 hover:underline">
              <span className="font-mono">{details.product.reference}</span> {details.product.title}
            </Link>
          ) : (
            missing(t("values.hiddenProduct"))
          )}
        </Entry>,
        <Entry key="quantity" label={t("labels.quantity")}>{details.quantity}</Entry>,
        <Entry key="site" label={t("labels.site")}>
          {!details.site ? missing(t("values.noSite")) : details.site.archived ? t("values.archivedSite", { name: details.site.name }) : details.site.name}
        </Entry>,
        <Entry key="plannedStart" label={t("labels.plannedStart")}>
          <OptionalDate value={details.plannedStart} />
        </Entry>,
        <Entry key="plannedEnd" label={t("labels.plannedEnd")}>
          <OptionalDate value={details.plannedEnd} />
        </Entry>,
        <Entry key="startedAt" label={t("labels.startedAt")}>
          <OptionalInstant value={details.startedAt} />
        </Entry>,
        <Entry key="finishedAt" label={t("labels.finishedAt")}>
          <OptionalInstant value={details.finishedAt} />
        </Entry>,
      );
      break;
    case "document":
      entries.push(
        <Entry key="revision" label={t("labels.currentRevision")}>
          {details.currentRevision
            ? t("values.revision", { label: details.currentRevision.label, status: statusLabel("document", details.currentRevision.status) })
            : missing(t("values.noRevision"))}
        </Entry>,
        <Entry key="count" label={t("labels.revisionCount")}>{details.revisionCount}</Entry>,
      );
      break;
    case "workflow":
      entries.push(
        <Entry key="kind" label={t("labels.kind")}>{details.kind}</Entry>,
        <Entry key="status" label={t("labels.status")}>{statusLabel("workflow", details.status)}</Entry>,
        <Entry key="responsible" label={t("labels.responsible")}>
          <Link href={`/people/${details.responsible.id}`} className="text-blue-700 hover:underline">
            {details.responsible.name}
          </Link>
        </Entry>,
      );
      break;
  }
  return <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">{entries}</dl>;
}
