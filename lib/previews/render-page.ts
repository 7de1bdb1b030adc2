import "server-only";
import { createCanvas, loadImage, type Canvas } from "@napi-rs/canvas";
import { stampedPage } from "./draw-stamp";
import { openPdf } from "./pdf-documents";
import type { PreviewKind } from "./preview-kind";
import type { PreviewStamp } from "./preview-stamp";

/** The longest side of a preview image, in pixels: sharp on a laptop screen, a few hundred KB as PNG. */
export const previewLongestSide = 1600;
/** PDF pages render at most at twice their size in points (≈ 144 dpi): an A4 page is 1190 × 1684 px, then fitted. */
const maxPdfScale = 2;

export interface PreviewSource {
  kind: PreviewKind;
  sha256: string;
  /** The file's whole content, read only when the PDF is not open already. */
  bytes: () => Promise<Uint8Array>;
}

/** How many pages the preview has: a PDF's page count, 1 for an image. */
export async function countPreviewPages(source: PreviewSource): Promise<number> {
  if (source.kind === "image") return 1;
  return (await openPdf(source.sha256, source.bytes)).numPages;
}

async function renderPdfPage(source: PreviewSource, pageNumber: number): Promise<Canvas> {
  const document = await openPdf(source.sha256, source.bytes);
  const page = await document.getPage(pageNumber);
  try {
    const natural = page.getViewport({ scale: 1 });
    const scale = Math.min(maxPdfScale, previewLongestSide / Math.max(natural.width, natural.height));
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext("2d");
    // PDF pages are transparent where nothing is drawn: paper is white.
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    // pdfjs's types name the DOM canvas; @napi-rs/canvas implements the same 2D context API.
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
    return canvas;
  } finally {
    page.cleanup();
  }
}

/** An image re-drawn by the server (never the uploaded bytes themselves), fitted to the preview size. */
async function renderImage(source: PreviewSource): Promise<Canvas> {
  const image = await loadImage(Buffer.from(await source.bytes()));
  const scale = Math.min(1, previewLongestSide / Math.max(image.width, image.height));
  const canvas = createCanvas(Math.max(1, Math.round(image.width * scale)), Math.max(1, Math.round(image.height * scale)));
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas;
}

/** One page of the preview as a PNG, with its stamp. */
export async function renderPreviewPage(source: PreviewSource, pageNumber: number, stamp: PreviewStamp): Promise<Buffer> {
  const page = source.kind === "pdf" ? await renderPdfPage(source, pageNumber) : await renderImage(source);
  return stampedPage(page, stamp).encode("png");
}
