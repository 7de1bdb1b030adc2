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
 * Parsed documents stay open, keyed by content hash, so paging through a PDF parses it once. Each holds its file's
 * bytes: at most three stay open, and fewer when they are large (their files' sizes add up to 64 MB at most, the
 * newest always kept), least recently used closed first.
 */
const openLimit = 3;
const openBytesLimit = 64 * 1024 * 1024;
const open = new Map<string, Promise<PDFDocumentProxy>>();
/** The size of each open document's file, known once it is read. */
const sizes = new Map<string, number>();

function closeBeyondLimits(): void {
  let total = [...sizes.values()].reduce((sum, bytes) => sum + bytes, 0);
  for (const [sha256, document] of open) {
    if (open.size <= 1 || (open.size <= openLimit && total <= openBytesLimit)) return;
    open.delete(sha256);
    total -= sizes.get(sha256) ?? 0;
    sizes.delete(sha256);
    void document.then((opened) => opened.destroy()).catch(() => undefined);
  }
}

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
    const data = await load();
    // Counted only while still open (a burst of other documents may have closed it already).
    if (open.has(sha256)) {
      sizes.set(sha256, data.byteLength);
      closeBeyondLimits();
    }
    return getDocument({
      data,
      // Fonts of the 14 standard PDF fonts, read from the package: no system font needed.
      standardFontDataUrl: `${path.join(process.cwd(), "node_modules/pdfjs-dist/standard_fonts")}/`,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
    }).promise;
  })();
  open.set(sha256, opening);
  opening.catch(() => {
    if (open.get(sha256) !== opening) return;
    open.delete(sha256);
    sizes.delete(sha256);
  });
  closeBeyondLimits();
  return opening;
}
