import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { dataDir } from "@/db/config";
import type { PreviewStamp } from "./preview-stamp";

// Rendered pages on disk, content-addressed: `<data>/previews/<2 hex>/<sha256>/` holds the page count and each
// page's PNG per stamp (the stamp's own hash), so a file's second view — or another copy of the same bytes — is a
// file read. A changed signature, watermark or status makes a new stamp hash: never a stale stamp.

const renderVersion = "1";

function folderOf(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("not a sha256");
  return path.join(dataDir(), "previews", sha256.slice(0, 2), sha256);
}

export function stampKey(stamp: PreviewStamp): string {
  return createHash("sha256").update(renderVersion).update(JSON.stringify(stamp)).digest("hex").slice(0, 32);
}

async function readOrNull(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** Written beside, then renamed: a reader never sees half a PNG, and two renders of one page just race harmlessly. */
async function writeAtomically(file: string, content: Buffer | string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${randomUUID()}.tmp`;
  await writeFile(temporary, content);
  try {
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

const pageFile = (sha256: string, page: number, stamp: string) => path.join(folderOf(sha256), `${page}-${stamp}.png`);
const countFile = (sha256: string) => path.join(folderOf(sha256), "pages.json");

export function readCachedPage(sha256: string, page: number, stamp: string): Promise<Buffer | null> {
  return readOrNull(pageFile(sha256, page, stamp));
}

export function cachePage(sha256: string, page: number, stamp: string, png: Buffer): Promise<void> {
  return writeAtomically(pageFile(sha256, page, stamp), png);
}

export async function readCachedPageCount(sha256: string): Promise<number | null> {
  const text = await readOrNull(countFile(sha256));
  if (!text) return null;
  try {
    const count = Number((JSON.parse(text.toString("utf8")) as { pages?: unknown }).pages);
    return Number.isInteger(count) && count > 0 ? count : null;
  } catch {
    // A damaged cache entry is only a cache miss: the count is read from the file again.
    return null;
  }
}

export function cachePageCount(sha256: string, pages: number): Promise<void> {
  return writeAtomically(countFile(sha256), JSON.stringify({ pages }));
}
