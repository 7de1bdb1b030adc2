import { getTranslations } from "next-intl/server";
import { PreviewViewer } from "@/components/previews/preview-viewer";
import type { ObjectPageContext } from "@/lib/gate/object-page-gate";
import { loadDocumentPreview } from "@/lib/previews/load-document-preview";

/**
 * The preview of the document's newest revision: its files, each PDF page or image rendered by the server with its
 * stamp and watermarks. Download links only for those whose access includes downloading (the server refuses the
 * others anyway); a view-without-download user's browser only ever receives the rendered images.
 */
export async function DocumentPreviewPanel({ context }: { context: ObjectPageContext }) {
  if (context.object.type !== "document") return null;
  const loaded = await loadDocumentPreview(context.db, context.user, context.object.id, { authorized: context.authorized });
  if (!loaded.ok) return null;
  const { revision, files, canDownload } = loaded.data;
  const t = await getTranslations("previews.panel");
  const tStatus = await getTranslations("previews.stamp.status");
  return (
    <section aria-labelledby="document-preview-heading" className="space-y-4 rounded-lg border border-gray-200 bg-white p-4 sm:p-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="document-preview-heading" className="text-base font-semibold text-gray-900">
          {t("heading")}
        </h2>
        {revision && <p className="text-sm text-gray-700">{t("revision", { label: revision.label, status: tStatus(revision.status) })}</p>}
      </div>
      {!canDownload && revision && files.length > 0 && <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("viewOnly")}</p>}
      {!revision ? (
        <p className="text-sm text-gray-600">{t("noRevision")}</p>
      ) : files.length === 0 ? (
        <p className="text-sm text-gray-600">{t("noFiles", { label: revision.label })}</p>
      ) : (
        <PreviewViewer files={files} revisionLabel={revision.label} />
      )}
    </section>
  );
}
