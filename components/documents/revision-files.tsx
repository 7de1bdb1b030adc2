import { getFormatter, getTranslations } from "next-intl/server";
import type { FileView } from "@/lib/documents/revision-view";
import { fileSizeFormat, fileSizeParts } from "./file-size";
import { RemoveFileButton } from "./remove-file-button";

interface RevisionFilesProps {
  files: FileView[];
  /** Set on a draft the user may change: each file gets its remove button. */
  removable?: { objectId: string; revisionId: string; version: number };
}

/** A revision's files: name, type, size, who uploaded it and when; a short SHA-256 to tell identical files apart. */
export async function RevisionFiles({ files, removable }: RevisionFilesProps) {
  const [t, format] = await Promise.all([getTranslations("documents.files"), getFormatter()]);
  if (files.length === 0) return <p className="text-sm text-gray-600">{t("none")}</p>;
  return (
    <ul className="divide-y divide-gray-100 rounded-md border border-gray-200">
      {files.map((file) => {
        const size = fileSizeParts(file.sizeBytes);
        return (
          <li key={file.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-3 py-2">
            <div className="min-w-0 text-sm">
              <p className="font-medium text-gray-900 [overflow-wrap:anywhere]">{file.fileName}</p>
              <p className="text-xs text-gray-600 [overflow-wrap:anywhere]">
                {t("facts", {
                  size: format.number(size.value, fileSizeFormat(size.unit)),
                  type: file.contentType,
                  name: file.uploadedBy.name,
                  date: format.dateTime(file.uploadedAt, { dateStyle: "medium" }),
                })}{" "}
                · <abbr title={file.sha256}>{t("sha", { short: file.sha256.slice(0, 8) })}</abbr>
              </p>
            </div>
            {removable && <RemoveFileButton {...removable} file={{ id: file.id, fileName: file.fileName }} />}
          </li>
        );
      })}
    </ul>
  );
}
