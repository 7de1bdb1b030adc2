import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { fail, ok } from "@/lib/result";
import type { FileStorage } from "./file-storage";
import { tooLargeMessage } from "./upload-messages";

/** Keys are `sha256/<2 hex>/<64 hex>`: nothing a caller passes can reach outside the storage folder. */
const keyPattern = /^sha256\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

class TooLarge extends Error {}

async function removeQuietly(file: string): Promise<void> {
  await unlink(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
}

/**
 * Content-addressed storage on the local disk: `<root>/tmp/` holds uploads in progress, `<root>/sha256/ab/abcd…` the
 * finished files. The temporary file is on the same disk as its destination, so the final rename is atomic.
 */
export function localDiskStorage(root: string): FileStorage {
  const pathOf = (key: string): string | null => (keyPattern.test(key) ? path.join(root, ...key.split("/")) : null);

  return {
    async put(source, { maxBytes }) {
      const temporaryFolder = path.join(root, "tmp");
      await mkdir(temporaryFolder, { recursive: true });
      const temporary = path.join(temporaryFolder, `${randomUUID()}.part`);
      const hash = createHash("sha256");
      let sizeBytes = 0;
      // Created before any byte is read: a stream that fails at once cannot leave its file to appear after the removal.
      const file = await open(temporary, "wx");
      try {
        await pipeline(
          source,
          async function* (chunks: AsyncIterable<Uint8Array>) {
            for await (const chunk of chunks) {
              sizeBytes += chunk.byteLength;
              if (sizeBytes > maxBytes) throw new TooLarge();
              hash.update(chunk);
              yield chunk;
            }
          },
          file.createWriteStream(),
        );
      } catch (error) {
        await file.close().catch(() => {});
        await removeQuietly(temporary);
        if (error instanceof TooLarge) return fail("too_large", tooLargeMessage, undefined, { megabytes: Math.floor(maxBytes / 1024 / 1024) });
        throw error;
      }
      const sha256 = hash.digest("hex");
      const key = `sha256/${sha256.slice(0, 2)}/${sha256}`;
      const destination = pathOf(key)!;
      try {
        await mkdir(path.dirname(destination), { recursive: true });
        // The same content stored before: the rename replaces it with identical bytes.
        await rename(temporary, destination);
      } catch (error) {
        await removeQuietly(temporary);
        throw error;
      }
      return ok({ key, sha256, sizeBytes });
    },

    async openRead(key) {
      const file = pathOf(key);
      if (!file) return null;
      const found = await stat(file).catch(() => null);
      return found?.isFile() ? createReadStream(file) : null;
    },

    async remove(key) {
      const file = pathOf(key);
      if (file) await removeQuietly(file);
    },
  };
}
