import "server-only";
import { degrees, PDFDocument, rgb, StandardFonts, type PDFFont } from "pdf-lib";

/**
 * Text the standard Helvetica can draw (WinAnsi): accents of Latin scripts are kept, other letters lose their marks
 * or become "?". The mark stays readable and extractable whatever the name; it is a trace, not a typeset line.
 */
function encodable(font: PDFFont, text: string): string {
  let out = "";
  for (const character of text) {
    for (const candidate of [character, character.normalize("NFKD").replace(/\p{M}/gu, ""), "?"]) {
      try {
        font.encodeText(candidate);
        out += candidate;
        break;
      } catch {
        // Not in WinAnsi: try the next, plainer form.
      }
    }
  }
  return out;
}

/**
 * Stamps the forensic mark along the bottom edge of every page (turned with the page's rotation, so it reads
 * upright), as real text: a copy found later names its download, and the mark can be extracted as text. Refuses
 * encrypted PDFs (pdf-lib would save them damaged) by throwing.
 */
export async function stampPdf(bytes: Uint8Array, mark: string): Promise<Uint8Array> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const font = await document.embedFont(StandardFonts.Helvetica);
  const text = encodable(font, mark);
  for (const page of document.getPages()) {
    const { width, height } = page.getSize();
    const rotation = ((page.getRotation().angle % 360) + 360) % 360;
    const along = rotation === 90 || rotation === 270 ? height : width;
    const size = Math.max(5, Math.min(8, (along - 24) / Math.max(1, font.widthOfTextAtSize(text, 1))));
    // The page's visual bottom-left corner in its own (unrotated) coordinates, and the text turned to match.
    const origin = { 0: { x: 12, y: 8 }, 90: { x: width - 8, y: 12 }, 180: { x: width - 12, y: height - 8 }, 270: { x: 8, y: height - 12 } }[rotation as 0 | 90 | 180 | 270] ?? { x: 12, y: 8 };
    page.drawText(text, { ...origin, size, font, color: rgb(0.35, 0.35, 0.35), rotate: degrees(rotation), opacity: 0.9 });
  }
  document.setSubject(text);
  return document.save({ useObjectStreams: false });
}
