import "server-only";
import { heavyFileWork } from "./one-at-a-time";
import { cachePageCount, readCachedPageCount } from "./preview-store";
import { countPreviewPages, type PreviewSource } from "./render-page";

/** The preview's page count, from the cache beside its rendered pages, else read from the file once. */
export async function previewPageCount(source: PreviewSource): Promise<number> {
  if (source.kind === "image") return 1;
  const cached = await readCachedPageCount(source.sha256);
  if (cached !== null) return cached;
  const counted = await heavyFileWork(() => countPreviewPages(source));
  await cachePageCount(source.sha256, counted);
  return counted;
}
