import "server-only";
import { fileStorage } from "@/lib/files/file-storage";

/** Why a file's content could not be had: its stored bytes are gone, or it is larger than the reader accepts. */
export class StoredBytesError extends Error {
  constructor(readonly reason: "missing" | "too_large") {
    super(`stored file ${reason}`);
  }
}

/**
 * A stored file's whole content, for readers that need it in memory (pdfjs, pdf-lib, image decoding): refused past
 * `maxBytes`, counted while reading, so a wrong size in the database cannot make the server read more.
 */
export async function readStoredBytes(storageKey: string, maxBytes: number): Promise<Uint8Array> {
  const stream = await fileStorage().openRead(storageKey);
  if (!stream) throw new StoredBytesError("missing");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      stream.destroy();
      throw new StoredBytesError("too_large");
    }
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks, size));
}
