import { getFormatter, getTranslations } from "next-intl/server";
import { statusLabels } from "@/components/objects/status-label";
import { FormStatus } from "@/components/ui/form-status";
import { loadRevisionsPanel } from "@/lib/documents/load-revisions-panel";
import { revisionLabel } from "@/lib/documents/revision-labels";
import type { ObjectPageContext } from "@/lib/gate/object-page-gate";
import { renderAppError } from "@/lib/i18n/render-error";
import { requestLocale } from "@/lib/i18n/request-locale";
import { DraftNoteForm } from "./draft-note-form";
import { OpenDraftForm } from "./open-draft-form";
import { RevisionChanges } from "./revision-changes";
import { RevisionFiles } from "./revision-files";
import { RevisionStatusBadge } from "./revision-status-badge";
import { UploadFiles } from "./upload-files";
import { ValidateRevisionForm } from "./validate-revision-form";

/**
 * A document's revisions, newest first: each with its status, who made and validated it, its note, its files and
 * what it changed since the one before. The draft carries the controls the user's access allows — note, upload,
 * file removal (Modify), validation (Full access) — and, without a draft, "edit" opens the next one.
 */
export async function DocumentRevisionsPanel({ context }: { context: ObjectPageContext }) {
  const { db, user, object, authorized } = context;
  if (object.type !== "document") return null;
  const [t, format, statusLabel, locale, loaded] = await Promise.all([
    getTranslations("documents.panel"),
    getFormatter(),
    statusLabels(),
    requestLocale(),
    loadRevisionsPanel(db, user, object, authorized),
  ]);
  const headingId = `revisions-${object.id}`;
  if (!loaded.ok) {
    return (
      <section aria-labelledby={headingId} className="rounded-lg border border-gray-200 bg-white p-5">
        <h2 id={headingId} className="text-lg font-semibold">
          {t("heading")}
        </h2>
        <FormStatus error={renderAppError(locale, loaded.error)} />
      </section>
    );
  }
  const { revisions, changes, definitions, uploadLimits } = loaded.data;
  const canEdit = object.access.actions.includes("upload_revision");
  const canValidate = object.access.actions.includes("validate_revision");
  const latest = revisions[0];
  const validated = revisions.find((revision) => revision.status === "validated");
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });

  return (
    <section aria-labelledby={headingId} className="min-w-0 space-y-5 rounded-lg border border-gray-200 bg-white p-5">
      <div>
        <h2 id={headingId} className="text-lg font-semibold">
          {t("heading")}
        </h2>
        <p className="mt-1 text-sm text-gray-600">{t("intro")}</p>
      </div>
      {canEdit && latest?.status !== "draft" && <OpenDraftForm objectId={object.id} nextLabel={revisionLabel(latest ? latest.sequence + 1 : 0)} />}
      {revisions.length === 0 ? (
        <p className="rounded-md border border-dashed border-gray-300 px-4 py-3 text-sm text-gray-600">{t("none")}</p>
      ) : (
        <ol className="space-y-4" aria-label={t("history")}>
          {revisions.map((revision, index) => {
            const isDraft = revision.status === "draft";
            const diff = changes.get(revision.id);
            const headingOf = `${headingId}-${revision.id}`;
            return (
              <li key={revision.id} aria-labelledby={headingOf} className={`space-y-3 rounded-md border p-4 ${isDraft ? "border-amber-300" : "border-gray-200"}`}>
                <div className="flex flex-wrap items-center gap-2">
                  <h3 id={headingOf} className="text-base font-semibold text-gray-900">
                    {t("revision", { label: revision.label })}
                  </h3>
                  <RevisionStatusBadge status={revision.status} label={statusLabel("document", revision.status)} />
                </div>
                <ul className="space-y-0.5 text-xs text-gray-600">
                  <li>{t("created", { name: revision.createdBy.name, date: date(revision.createdAt) })}</li>
                  {revision.validatedAt && revision.validatedBy && <li>{t("validated", { name: revision.validatedBy.name, date: date(revision.validatedAt) })}</li>}
                  {revision.obsoletedAt && <li>{t("obsoleted", { date: date(revision.obsoletedAt) })}</li>}
                </ul>
                {isDraft && canEdit ? (
                  <DraftNoteForm objectId={object.id} revision={revision} />
                ) : (
                  revision.note && <p className="text-sm text-gray-800 [overflow-wrap:anywhere]">{revision.note}</p>
                )}
                <RevisionFiles files={revision.files} removable={isDraft && canEdit ? { objectId: object.id, revisionId: revision.id, version: revision.version } : undefined} />
                {isDraft && canEdit && <UploadFiles objectId={object.id} revision={{ id: revision.id, label: revision.label }} limits={uploadLimits} />}
                {isDraft && canValidate && (
                  <ValidateRevisionForm
                    objectId={object.id}
                    revision={{ id: revision.id, label: revision.label, version: revision.version, fileCount: revision.files.length }}
                    obsoletes={validated?.label ?? null}
                  />
                )}
                {diff && <RevisionChanges diff={diff} previousLabel={revisions[index + 1]!.label} definitions={definitions} />}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
