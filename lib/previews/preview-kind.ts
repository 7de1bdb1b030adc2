/** What a preview can show: PDF pages, or one image. Other files (CAD, archives…) have no preview, only a download. */
export type PreviewKind = "pdf" | "image";

// Raster formats the server decodes itself (@napi-rs/canvas). SVG is left out: it is a document that can fetch and
// script, not an image to trust.
const imageTypes = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

export function previewKindOf(contentType: string): PreviewKind | null {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (type === "application/pdf") return "pdf";
  return imageTypes.has(type) ? "image" : null;
}
