import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { documentFiles } from "@/db/schema";
import type { FileStorage } from "./file-storage";

/**
 * Deletes stored files that no document file names any more (a refused upload's, a removed file's). Storage is
 * content-addressed and shared: the same bytes may belong to other revisions, of any organisation, and stay then.
 */
export async function discardUnreferenced(db: Executor, storage: FileStorage, keys: string[]): Promise<void> {
  for (const key of new Set(keys)) {
    const [named] = await db.select({ id: documentFiles.id }).from(documentFiles).where(eq(documentFiles.storageKey, key)).limit(1);
    if (!named) await storage.remove(key);
  }
}
