import "server-only";
import path from "node:path";
import type { Readable } from "node:stream";
import { dataDir } from "@/db/config";
import type { Result } from "@/lib/result";
import { localDiskStorage } from "./local-disk-storage";

/** A file's bytes as stored: addressed by their SHA-256, so the same content is kept once. */
export interface StoredFile {
  /** Where the bytes are, for `openRead` and `remove` (document_files.storage_key). */
  key: string;
  /** Hex SHA-256 of the content. */
  sha256: string;
  sizeBytes: number;
}

/**
 * Where uploaded files live. Callers see only this interface, so the default local disk can give way to a shared
 * object store (several app instances) without touching them.
 */
export interface FileStorage {
  /**
   * Stores a stream of bytes: written to a temporary place, then moved under its content's key in one step, so a
   * failed, cut-off or too-large upload leaves nothing behind. `too_large` when the stream goes past `maxBytes` (it is
   * counted while streaming, never read whole); an error of the source is thrown again after the clean-up.
   */
  put(source: AsyncIterable<Uint8Array>, options: { maxBytes: number }): Promise<Result<StoredFile>>;
  /** The stored bytes, or null when there is no such key. */
  openRead(key: string): Promise<Readable | null>;
  /** Deletes the bytes (no error when already gone). The caller checks that no row still names the key. */
  remove(key: string): Promise<void>;
}

/** The deployment's file storage: the local disk under the data directory (`.data/files/`). */
export function fileStorage(): FileStorage {
  return localDiskStorage(path.join(dataDir(), "files"));
}
