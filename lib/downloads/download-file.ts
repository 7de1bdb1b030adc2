import "server-only";
import { Readable } from "node:stream";
import type { Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import { authorizeObjectRead, type ObjectReadContext } from "@/lib/authz/object-access";
import { subjectOf } from "@/lib/authz/subject";
import { fileStorage } from "@/lib/files/file-storage";
import type { Locale } from "@/lib/i18n/locales";
import { loadFileFacts } from "@/lib/previews/file-facts";
import { fileInputSchema, type FileInput } from "@/lib/previews/file-schemas";
import { fileNotFound } from "@/lib/previews/get-preview-page";
import { heavyFileWork, inMemoryFileLimit } from "@/lib/previews/one-at-a-time";
import { previewKindOf } from "@/lib/previews/preview-kind";
import { recordFileAccess } from "@/lib/previews/record-file-access";
import { readStoredBytes, StoredBytesError } from "@/lib/previews/stored-bytes";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { forensicMark } from "./forensic-mark";
import { stampPdf } from "./stamp-pdf";

/** A download ready to send: a stream of the stored bytes, or a stamped PDF. */
export interface FileDownload {
  body: ReadableStream<Uint8Array> | Uint8Array;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  /** The access-log entry of this download (the id the forensic mark carries). */
  accessLogId: number;
}

const megabytes = Math.floor(inMemoryFileLimit / 1024 / 1024);

/**
 * A file's download (needs `view`: 403 for `view_no_download`, 404 when the document cannot be viewed at all),
 * written to the access log first. A PDF is stamped with the forensic mark naming that entry (in memory, one at a
 * time, up to the in-memory limit); any other file streams from storage as it is, in constant memory.
 */
export async function downloadFile(
  db: Executor,
  user: ActingUser,
  input: FileInput,
  context: ObjectReadContext & { locale: Locale },
): Promise<Result<FileDownload>> {
  const parsed = parseInput(fileInputSchema, input);
  if (!parsed.ok) return parsed;
  const file = await loadFileFacts(db, user.organizationId, parsed.data.id);
  if (!file) return fileNotFound();
  const authorized = await authorizeObjectRead(db, subjectOf(user), file.objectId, "download", context);
  if (!authorized.ok) return authorized;
  const isPdf = previewKindOf(file.contentType) === "pdf";
  if (isPdf && file.sizeBytes > inMemoryFileLimit) return fail("too_large", "previews.errors.tooLargeToStamp", undefined, { megabytes });

  const at = new Date();
  const accessLogId = await recordFileAccess(db, user, { kind: "download", action: "files.download", file, clientAddress: context.clientAddress });
  const described = { fileName: file.fileName, contentType: file.contentType, accessLogId };
  if (!isPdf) {
    const stream = await fileStorage().openRead(file.storageKey);
    if (!stream) return fail("not_found", "previews.errors.missingBytes");
    return ok({ ...described, body: Readable.toWeb(stream) as ReadableStream<Uint8Array>, sizeBytes: file.sizeBytes });
  }
  const mark = await forensicMark(db, user, accessLogId, at, context.locale);
  try {
    const stamped = await heavyFileWork(async () => stampPdf(await readStoredBytes(file.storageKey, inMemoryFileLimit), mark));
    return ok({ ...described, body: stamped, sizeBytes: stamped.byteLength });
  } catch (error) {
    if (error instanceof StoredBytesError) return error.reason === "missing" ? fail("not_found", "previews.errors.missingBytes") : fail("too_large", "previews.errors.tooLargeToStamp", undefined, { megabytes });
    // A PDF pdf-lib cannot rewrite (damaged, encrypted) is never sent without its mark.
    return fail("invalid", "previews.errors.unreadable", undefined, { kind: "pdf" });
  }
}
