import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objects, signatures, users } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { Locale } from "@/lib/i18n/locales";
import { renderMessage } from "@/lib/i18n/render-error";
import { matchingWatermarks, type AppliedWatermark } from "@/lib/watermarks/matching-watermarks";
import type { FileFacts } from "./file-facts";

/** Everything drawn over a preview page: the system stamp (SPEC §5) and the custom watermarks that apply. */
export interface PreviewStamp {
  /** "DOC-000123 · Revision B · Draft" */
  header: string;
  /** One line per signature of the revision, oldest first; "No signature" when there is none. */
  signatures: string[];
  /** Who the page was rendered for: a screenshot still names its viewer. */
  viewer: string;
  /** The big diagonal word: DRAFT on drafts, OBSOLETE on obsolete revisions, none on the validated one. */
  banner: string | null;
  watermarks: AppliedWatermark[];
}

/**
 * The stamp of one file's previews for one viewer, in the viewer's language: read at every request (a new signature
 * or watermark shows at once; the rendered page is cached under the stamp's own hash).
 */
export async function loadPreviewStamp(db: Executor, user: ActingUser, file: FileFacts, locale: Locale): Promise<PreviewStamp> {
  const [object] = await db
    .select({ properties: objects.properties })
    .from(objects)
    .where(and(eq(objects.id, file.objectId), eq(objects.organizationId, user.organizationId)));
  const [signed, watermarks] = await Promise.all([
    db
      .select({ decision: signatures.decision, signedAt: signatures.signedAt, name: users.name })
      .from(signatures)
      .innerJoin(users, and(eq(users.id, signatures.signerId), eq(users.organizationId, signatures.organizationId)))
      .where(and(eq(signatures.revisionId, file.revisionId), eq(signatures.organizationId, user.organizationId)))
      .orderBy(asc(signatures.signedAt), asc(signatures.id)),
    matchingWatermarks(db, user.organizationId, object?.properties ?? {}),
  ]);
  const words = (key: string, params?: Record<string, string | number>) => renderMessage(locale, `previews.stamp.${key}`, params);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: user.timeZone });
  return {
    header: words("header", { reference: file.reference, label: file.revisionLabel, status: words(`status.${file.revisionStatus}`) }),
    signatures: signed.length > 0 ? signed.map((signature) => words(signature.decision, { name: signature.name, date: date.format(signature.signedAt) })) : [words("unsigned")],
    viewer: words("viewer", { name: user.name, email: user.email }),
    banner: file.revisionStatus === "draft" ? words("draft") : file.revisionStatus === "obsolete" ? words("obsolete") : null,
    watermarks,
  };
}
