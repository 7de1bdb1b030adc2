import "server-only";
import { fail, ok, type AppError, type Result } from "@/lib/result";
import type { FileFacts } from "./file-facts";
import { inMemoryFileLimit } from "./one-at-a-time";
import { previewKindOf } from "./preview-kind";
import type { PreviewSource } from "./render-page";
import { readStoredBytes, StoredBytesError } from "./stored-bytes";

const megabytes = Math.floor(inMemoryFileLimit / 1024 / 1024);

/** What a preview is made from, or why this file has none (its type, its size). */
export function previewSourceOf(file: FileFacts): Result<PreviewSource> {
  const kind = previewKindOf(file.contentType);
  if (!kind) return fail("unsupported_media_type", "previews.errors.noPreview");
  if (file.sizeBytes > inMemoryFileLimit) return fail("too_large", "previews.errors.tooLargeToPreview", undefined, { megabytes });
  return ok({ kind, sha256: file.sha256, bytes: () => readStoredBytes(file.storageKey, inMemoryFileLimit) });
}

/**
 * Work that reads and parses the file's content (pdfjs, the image decoder): a missing or oversized content, or
 * content that does not parse — damaged or disguised — is the caller's error, not the server's.
 */
export async function readingFile<T>(source: PreviewSource, work: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await work());
  } catch (error) {
    return fileFailure(error, source.kind);
  }
}

function fileFailure(error: unknown, kind: PreviewSource["kind"]): { ok: false; error: AppError } {
  if (error instanceof StoredBytesError) {
    return error.reason === "missing" ? fail("not_found", "previews.errors.missingBytes") : fail("too_large", "previews.errors.tooLargeToPreview", undefined, { megabytes });
  }
  return fail("invalid", "previews.errors.unreadable", undefined, { kind });
}
