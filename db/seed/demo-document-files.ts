import "server-only";
import { PDFDocument, StandardFonts, rgb, type PDFFont } from "pdf-lib";
import type { documentFiles } from "@/db/schema";
import { fileStorage } from "@/lib/files/file-storage";
import type { DocumentSpec } from "./demo-catalog-documents";
import type { DemoObject } from "./demo-objects";

/** Helvetica writes WinAnsi only: a title with anything else is written without its accents, then as ASCII. */
function writable(font: PDFFont, text: string): string {
  for (const candidate of [text, text.normalize("NFD").replace(/[\u0300-\u036f]/g, ""), text.replace(/[^\x20-\x7e]/g, "?")]) {
    try {
      font.encodeText(candidate);
      return candidate;
    } catch {
      // try the next, plainer form
    }
  }
  return "";
}

/**
 * A one-page A4 landscape "drawing" for a demo revision: a frame, a title block with the reference, title, kind and
 * revision, and a few lines standing for the part — so previews and downloads have a real PDF to show. Its dates are
 * the revision's, so the same seed makes the same bytes.
 */
async function revisionPdf(object: DemoObject, spec: DocumentSpec, revision: { label: string; sequence: number; createdAt: Date }): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${object.reference} ${revision.label}`);
  pdf.setCreationDate(revision.createdAt);
  pdf.setModificationDate(revision.createdAt);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage([842, 595]);
  const ink = rgb(0.15, 0.2, 0.3);
  page.drawRectangle({ x: 20, y: 20, width: 802, height: 555, borderColor: ink, borderWidth: 1.5 });
  page.drawRectangle({ x: 502, y: 20, width: 320, height: 110, borderColor: ink, borderWidth: 1 });
  page.drawText(writable(bold, object.reference), { x: 515, y: 105, size: 14, font: bold, color: ink });
  const title = writable(font, spec.title);
  page.drawText(title.length > 50 ? `${title.slice(0, 49)}…` : title, { x: 515, y: 85, size: 10, font, color: ink });
  page.drawText(writable(font, `${spec.kind} · ${spec.department} · ${spec.site}`), { x: 515, y: 65, size: 9, font, color: ink });
  page.drawText(`Revision ${revision.label}`, { x: 515, y: 40, size: 12, font: bold, color: ink });
  // The "part": a plate whose holes move with each revision, so revisions differ to the eye and by SHA-256.
  page.drawRectangle({ x: 120, y: 200, width: 360, height: 240, borderColor: ink, borderWidth: 2 });
  for (let hole = 0; hole < 3 + revision.sequence; hole += 1) {
    page.drawCircle({ x: 170 + hole * 70, y: 320 + (hole % 2) * 40, size: 14 + revision.sequence * 2, borderColor: ink, borderWidth: 1.5 });
  }
  page.drawLine({ start: { x: 120, y: 170 }, end: { x: 480, y: 170 }, thickness: 0.8, color: ink });
  page.drawText("360", { x: 290, y: 155, size: 9, font, color: ink });
  return pdf.save();
}

type FileRow = typeof documentFiles.$inferInsert;

/** Stores the revision's PDF and answers its file row (the revision is still a draft when it is inserted). */
export async function demoRevisionFile(
  organizationId: string,
  object: DemoObject,
  spec: DocumentSpec,
  revision: { id: string; label: string; sequence: number; createdAt: Date },
): Promise<FileRow> {
  const bytes = await revisionPdf(object, spec, revision);
  const stored = await fileStorage().put(
    (async function* () {
      yield bytes;
    })(),
    { maxBytes: bytes.byteLength },
  );
  if (!stored.ok) throw new Error(`storing the demo PDF of ${object.reference} failed: ${stored.error.message}`);
  return {
    organizationId,
    revisionId: revision.id,
    fileName: `${object.reference}-${spec.kind.toLowerCase()}.pdf`,
    contentType: "application/pdf",
    sizeBytes: stored.data.sizeBytes,
    sha256: stored.data.sha256,
    storageKey: stored.data.key,
    uploadedById: object.owner.id,
    createdAt: revision.createdAt,
  };
}
