import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import busboy from "busboy";
import { unknownFieldMessage } from "@/lib/validation/field-errors";
import { fail, type AppError } from "@/lib/result";
import type { FileStorage, StoredFile } from "./file-storage";
import { contentTypeFor, sniffLength } from "./sniff-content-type";
import { uploadMessages } from "./upload-messages";

/** A file of the upload, stored, with the name it was sent under and the content type its content showed. */
export interface ReceivedFile extends StoredFile {
  fileName: string;
  contentType: string;
}

/**
 * What the upload left: the files stored (all of them, or those before the refusal) and the refusal, if any. On a
 * refusal the caller discards the stored files: a request is kept whole or not at all.
 */
export interface UploadOutcome {
  stored: ReceivedFile[];
  error: AppError | null;
}

/** The multipart field that carries files (repeated for several). */
export const uploadFileField = "file";

/** The name a file is kept under: its last path segment, NFC, 1–255 characters, no control characters. */
function cleanFileName(sent: string | undefined): string | null {
  const name = (sent ?? "").split(/[/\\]/).at(-1)!.normalize("NFC").trim();
  if (name.length === 0 || name.length > 255 || name === "." || name === "..") return null;
   
  if (/[\u0000-\u001f\u007f]/.test(name) || !name.isWellFormed()) return null;
  return name;
}

interface Head {
  chunks: Uint8Array[];
  bytes: Uint8Array;
  done: boolean;
}

/** Reads chunks until `sniffLength` bytes (or the end) are in hand, keeping them for the storage after. */
async function readHead(iterator: AsyncIterator<Uint8Array>): Promise<Head> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < sniffLength) {
    const next = await iterator.next();
    if (next.done) return { chunks, bytes: Buffer.concat(chunks), done: true };
    chunks.push(next.value);
    size += next.value.byteLength;
  }
  return { chunks, bytes: Buffer.concat(chunks), done: false };
}

/** The head read for sniffing, then the rest of the stream: what the storage receives. */
async function* headThenRest(head: Head, iterator: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* head.chunks;
  if (head.done) return;
  for (;;) {
    const next = await iterator.next();
    if (next.done) return;
    yield next.value;
  }
}

/**
 * Streams a multipart upload into storage, one file after the other, in constant memory: each file's first bytes
 * decide its type (refused when they contradict its name's extension), an empty file is refused, and the size limit
 * is counted while the bytes pass. The first refusal stops storing; the rest of the body is read and dropped, so the
 * client receives the answer instead of a cut connection. A body that ends early (the client went away) is a refusal
 * too, and the file in progress is deleted by the storage.
 */
export async function receiveUpload(
  request: Request,
  storage: FileStorage,
  limits: { maxBytes: number; maxFiles: number },
): Promise<UploadOutcome> {
  const stored: ReceivedFile[] = [];
  let error: AppError | null = null;
  const refuse = (refusal: { error: AppError }) => void (error ??= refusal.error);
  if (!request.body) return { stored, error: fail("invalid", uploadMessages.noFile).error };

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": request.headers.get("content-type") ?? "" },
      defParamCharset: "utf8",
      limits: { files: limits.maxFiles, fields: 10, fieldSize: 1024, parts: limits.maxFiles + 10, headerPairs: 50 },
    });
  } catch {
    return { stored, error: fail("invalid", uploadMessages.malformed).error };
  }

  const tasks: Promise<void>[] = [];
  let current: Readable | null = null;

  async function storeOne(stream: Readable, sentName: string | undefined): Promise<void> {
    const iterator = stream.iterator({ destroyOnReturn: false })[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
    const drop = async () => {
      await iterator.return?.();
      stream.resume();
    };
    const fileName = cleanFileName(sentName);
    if (!fileName) return drop().then(() => refuse(fail("invalid", uploadMessages.badFileName)));
    const head = await readHead(iterator);
    if (head.done && head.bytes.byteLength === 0) return drop().then(() => refuse(fail("invalid", uploadMessages.empty, undefined, { name: fileName })));
    const type = contentTypeFor(fileName, head.bytes);
    if (!type.ok) {
      await drop();
      return refuse(fail("invalid", uploadMessages.mismatch, undefined, { name: fileName, extension: type.extension, detected: type.detected }));
    }
    const put = await storage.put(headThenRest(head, iterator), { maxBytes: limits.maxBytes });
    if (!put.ok) {
      await drop();
      return refuse({ error: { ...put.error, params: { ...put.error.params, name: fileName } } });
    }
    stored.push({ ...put.data, fileName, contentType: type.contentType });
  }

  parser.on("file", (field, stream, info) => {
    if (error || field !== uploadFileField) {
      if (field !== uploadFileField) refuse(fail("invalid", "errors.fieldsNeedAttention", { [field]: unknownFieldMessage }));
      stream.resume();
      return;
    }
    current = stream;
    // A failing stream (the body cut off) has had its partial file deleted by the storage.
    tasks.push(
      storeOne(stream, info.filename).catch(() => {
        stream.resume();
        refuse(fail("invalid", uploadMessages.cutOff));
      }),
    );
  });
  parser.on("field", (name) => refuse(fail("invalid", "errors.fieldsNeedAttention", { [name]: unknownFieldMessage })));
  parser.on("filesLimit", () => refuse(fail("invalid", uploadMessages.tooManyFiles, undefined, { count: limits.maxFiles })));
  parser.on("partsLimit", () => refuse(fail("invalid", uploadMessages.tooManyFiles, undefined, { count: limits.maxFiles })));

  try {
    await pipeline(Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>), parser);
  } catch (failure) {
    // The body ended early or was malformed: the file in progress must fail too, so its partial bytes are deleted.
    (current as Readable | null)?.destroy(failure instanceof Error ? failure : new Error("upload interrupted"));
    refuse(fail("invalid", uploadMessages.cutOff));
  }
  await Promise.all(tasks);
  if (!error && stored.length === 0) refuse(fail("invalid", uploadMessages.noFile));
  return { stored, error };
}
