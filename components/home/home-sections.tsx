import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Instant } from "@/components/ui/instant";
import type { Home } from "@/lib/home/load-home";
import { objectPath } from "@/lib/objects/object-paths";

function Panel({ id, title, empty, children }: { id: string; title: string; empty: string | null; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-gray-200 bg-white p-4 sm:p-5">
      <h2 id={id} className="text-base font-semibold text-gray-900">
        {title}
      </h2>
      {empty ? <p className="mt-2 text-sm text-gray-600">{empty}</p> : <ul className="mt-3 divide-y divide-gray-100 text-sm">{children}</ul>}
    </section>
  );
}

function ObjectLink({ object }: { object: { id: string; type: Parameters<typeof objectPath>[0]; reference: string; title: string } }) {
  return (
    <Link href={objectPath(object.type, object.id)} className="text-blue-700 hover:underline">
      <span className="font-mono text-xs">{object.reference}</span> <span className="font-medium">{object.title}</span>
    </Link>
  );
}

const knownEvents = new Set(["created", "updated", "scope_changed", "trashed", "restored", "linked", "unlinked", "details_updated", "commented", "revision_created", "revision_validated", "status_changed", "file_added", "file_removed", "workflow_started", "workflow_completed", "workflow_cancelled", "task_assigned", "task_completed", "revision_signed", "revision_rejected"]);

/** The home page's three lists: recent objects, recent changes, open tasks (the last only for roles given tasks). */
export async function HomeSections({ home }: { home: Home }) {
  const t = await getTranslations("home");
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Panel id="home-recent" title={t("recent.title")} empty={home.recent.length === 0 ? t("recent.empty") : null}>
        {home.recent.map((object) => (
          <li key={object.id} className="py-2 [overflow-wrap:anywhere]">
            <ObjectLink object={object} />
            <p className="text-xs text-gray-600">
              <Instant value={object.at} />
            </p>
          </li>
        ))}
      </Panel>
      <Panel id="home-changes" title={t("changes.title")} empty={home.changes.length === 0 ? t("changes.empty") : null}>
        {home.changes.map((change) => (
          <li key={change.eventId} className="py-2 [overflow-wrap:anywhere]">
            <ObjectLink object={change} />
            <p className="text-xs text-gray-600">
              {t(`changes.kinds.${knownEvents.has(change.kind) ? change.kind : "other"}` as Parameters<typeof t>[0], { actor: change.actorName ?? t("changes.someone") })}
              {" · "}
              <Instant value={change.at} />
            </p>
          </li>
        ))}
      </Panel>
      {home.tasks && (
        <Panel id="home-tasks" title={t("tasks.title")} empty={home.tasks.length === 0 ? t("tasks.empty") : null}>
          {home.tasks.map((task) => (
            <li key={`${task.source}-${task.id}`} className="py-2 [overflow-wrap:anywhere]">
              <p className="font-medium text-gray-900">{task.title}</p>
              <p className="text-xs text-gray-600">
                <ObjectLink object={task.object} />
                {task.dueDate && <> · {t("tasks.due", { date: task.dueDate })}</>}
                {task.overdue && <span className="ml-1.5 rounded bg-red-50 px-1.5 py-0.5 font-medium text-red-800">{t("tasks.overdue")}</span>}
              </p>
            </li>
          ))}
        </Panel>
      )}
    </div>
  );
}
