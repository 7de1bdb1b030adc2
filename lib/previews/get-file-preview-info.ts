import "server-only";
import type { Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import { authorizeObjectRead, type ObjectReadContext } from "@/lib/authz/object-access";
import { subjectOf } from "@/lib/authz/subject";
import { ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { loadFileFacts } from "./file-facts";
import { filePreviewInfo, type FilePreviewInfo } from "./file-preview-info";
import { fileInputSchema, type FileInput } from "./file-schemas";
import { fileNotFound } from "./get-preview-page";

/** A file's preview facts — kind, page count, whether the caller may download it — for any level that can view. */
export async function getFilePreviewInfo(db: Executor, user: ActingUser, input: FileInput, context: ObjectReadContext = {}): Promise<Result<FilePreviewInfo>> {
  const parsed = parseInput(fileInputSchema, input);
  if (!parsed.ok) return parsed;
  const file = await loadFileFacts(db, user.organizationId, parsed.data.id);
  if (!file) return fileNotFound();
  const authorized = await authorizeObjectRead(db, subjectOf(user), file.objectId, "view", context);
  if (!authorized.ok) return authorized;
  return ok(await filePreviewInfo(file, authorized.data.decision));
}
