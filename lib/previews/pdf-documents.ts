import "server-only";
import path from "node:path";
import type * as PdfJsModule from "pdfjs-dist/legacy/build/pdf.mjs";
import type { PDFDocumentProxy } from "pdfjs-dist/types/src/display/api";

type PdfJs = typeof PdfJsModule;

let pdfjs: Promise<PdfJs> | null = null;

// The legacy build runs on Node 20; loaded on first use so that pages which never preview never pay for it.
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjs;
}

/**
 * A few parsed documents stay open, keyed by content hash: paging through a PDF parses it once. Each holds the
 * file's bytes, so the count is small and the size of what is kept open is capped by the preview size limit.
 */
const openLimit = 3;
const open = new Map<string, Promise<PDFDocumentProxy>>();

/** The parsed PDF of these bytes (read by `load` only when not open already). */
export async function openPdf(sha256: string, load: () => Promise<Uint8Array>): Promise<PDFDocumentProxy> {
  const known = open.get(sha256);
  if (known) {
    open.delete(sha256);
    open.set(sha256, known);
    return known;
  }
  const opening = (async () => {
    const { getDocument } = await loadPdfJs();
    return getDocument({
      data: await load(),
      // Fonts of the 14 standard PDF fonts, read from the package: no system font needed.
      standardFontDataUrl: `${path.join(process.cwd(), "node_modules/pdfjs-dist/standard_fonts")}/`,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
    }).promise;
  })();
  open.set(sha256, opening);
  opening.catch(() => open.delete(sha256));
  while (open.size > openLimit) {
    const [oldest, closing] = open.entries().next().value!;
    open.delete(oldest);
    void closing.then((document) => document.destroy()).catch(() => undefined);
  }
  return opening;
}
