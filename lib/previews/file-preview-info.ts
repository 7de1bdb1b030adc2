import "server-only";
import type { AccessDecision } from "@/lib/authz/decide";
import type { FileFacts } from "./file-facts";
import type { PreviewKind } from "./preview-kind";
import { previewPageCount } from "./preview-page-count";
import { previewSourceOf, readingFile } from "./preview-source";

/** A file as the preview viewer needs it: what it is, how many pages its preview has, whether it may be downloaded. */
export interface FilePreviewInfo {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  revisionId: string;
  /** null: no preview for this file (its type, its size, or content that does not parse). */
  previewKind: PreviewKind | null;
  pageCount: number | null;
  canDownload: boolean;
}

/** The preview facts of a file the caller may view (the decision says whether they may download it too). */
export async function filePreviewInfo(file: FileFacts, decision: AccessDecision): Promise<FilePreviewInfo> {
  const source = previewSourceOf(file);
  const pageCount = source.ok ? await readingFile(source.data, () => previewPageCount(source.data)) : null;
  const previewable = source.ok && pageCount?.ok === true;
  return {
    id: file.id,
    fileName: file.fileName,
    contentType: file.contentType,
    sizeBytes: file.sizeBytes,
    revisionId: file.revisionId,
    previewKind: previewable ? source.data.kind : null,
    pageCount: previewable ? pageCount.data : null,
    canDownload: decision.actions.download.allowed,
  };
}
