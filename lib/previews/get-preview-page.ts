import "server-only";
import type { Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import { authorizeObjectRead, type ObjectReadContext } from "@/lib/authz/object-access";
import { subjectOf } from "@/lib/authz/subject";
import type { Locale } from "@/lib/i18n/locales";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { loadFileFacts } from "./file-facts";
import { previewPageSchema, type PreviewPageInput } from "./file-schemas";
import { heavyFileWork } from "./one-at-a-time";
import { previewPageCount } from "./preview-page-count";
import { previewSourceOf, readingFile } from "./preview-source";
import { loadPreviewStamp } from "./preview-stamp";
import { cachePage, readCachedPage, stampKey } from "./preview-store";
import { recordFileAccess } from "./record-file-access";
import { renderPreviewPage } from "./render-page";

export const fileNotFound = () => fail("not_found", "previews.errors.notFound");

export interface PreviewPage {
  png: Buffer;
  page: number;
  pageCount: number;
}

/**
 * One page of a file's preview as a PNG rendered by the server with its stamp (SPEC §5, §9): `view_no_download` is
 * enough, and the file's own bytes never leave the server. Each page served is written to the access log.
 */
export async function getPreviewPage(
  db: Executor,
  user: ActingUser,
  input: PreviewPageInput,
  context: ObjectReadContext & { locale: Locale },
): Promise<Result<PreviewPage>> {
  const parsed = parseInput(previewPageSchema, input);
  if (!parsed.ok) return parsed;
  const file = await loadFileFacts(db, user.organizationId, parsed.data.id);
  if (!file) return fileNotFound();
  const authorized = await authorizeObjectRead(db, subjectOf(user), file.objectId, "view", context);
  if (!authorized.ok) return authorized;
  const source = previewSourceOf(file);
  if (!source.ok) return source;
  const page = parsed.data.page ?? 1;

  const pageCount = await readingFile(source.data, () => previewPageCount(source.data));
  if (!pageCount.ok) return pageCount;
  if (page > pageCount.data) return fail("invalid", "previews.errors.pageOutOfRange", { page: "previews.errors.pageBeyondEnd" }, { count: pageCount.data });
  const stamp = await loadPreviewStamp(db, user, file, context.locale);
  const key = stampKey(stamp);
  let png = await readCachedPage(file.sha256, page, key);
  if (!png) {
    const rendered = await readingFile(source.data, () => heavyFileWork(() => renderPreviewPage(source.data, page, stamp)));
    if (!rendered.ok) return rendered;
    png = rendered.data;
    await cachePage(file.sha256, page, key, png);
  }
  await recordFileAccess(db, user, { kind: "preview", action: "files.preview", file, clientAddress: context.clientAddress });
  return ok({ png, page, pageCount: pageCount.data });
}
