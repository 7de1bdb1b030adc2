"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { buttonStyles } from "@/components/ui/button-styles";
import type { FilePreviewInfo } from "@/lib/previews/file-preview-info";
import { fileSizeFormat, fileSizeParts } from "@/components/documents/file-size";
import { PreviewPages } from "./preview-pages";

/**
 * A revision's files and the preview of the chosen one, page by page. The images are the server's renderings; the
 * download link exists only for a file the user may download.
 */
export function PreviewViewer({ files, revisionLabel }: { files: FilePreviewInfo[]; revisionLabel: string }) {
  const t = useTranslations("previews.panel");
  const format = useFormatter();
  const sizeOf = (bytes: number) => {
    const size = fileSizeParts(bytes);
    return format.number(size.value, fileSizeFormat(size.unit));
  };
  const [chosenId, setChosenId] = useState(files.find((file) => file.previewKind !== null)?.id ?? files[0]!.id);
  const chosen = files.find((file) => file.id === chosenId) ?? files[0]!;

  return (
    <div className="space-y-4">
      <ul aria-label={t("filesCaption", { label: revisionLabel })} className="divide-y divide-gray-100 rounded-md border border-gray-200">
        {files.map((file) => (
          <li key={file.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
            <button
              type="button"
              onClick={() => setChosenId(file.id)}
              aria-pressed={file.id === chosen.id}
              className={`min-w-0 text-left text-sm [overflow-wrap:anywhere] ${file.id === chosen.id ? "font-semibold text-gray-900" : "text-blue-700 hover:underline"}`}
            >
              {file.fileName}
              <span className="ml-2 font-normal text-gray-600">{sizeOf(file.sizeBytes)}</span>
            </button>
            {file.canDownload && (
              <a href={`/api/v1/files/${file.id}/download`} download className={buttonStyles.secondary} aria-label={t("downloadFile", { name: file.fileName })}>
                {t("download")}
              </a>
            )}
          </li>
        ))}
      </ul>
      {chosen.previewKind && chosen.pageCount ? (
        <PreviewPages key={chosen.id} file={{ id: chosen.id, fileName: chosen.fileName, kind: chosen.previewKind, pageCount: chosen.pageCount }} />
      ) : (
        <p className="text-sm text-gray-600">{chosen.canDownload ? t("noPreview") : t("noPreviewNoDownload")}</p>
      )}
    </div>
  );
}
