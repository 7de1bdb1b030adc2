import "server-only";
import { fail, type AppError } from "@/lib/result";

/** The largest JSON body /api/v1 reads (files go through upload routes, which stream to storage). */
export const jsonBodyLimitBytes = 1024 * 1024;

type BodyText = { ok: true; text: string } | { ok: false; error: AppError };

const tooLarge = () => fail("too_large", "errors.bodyTooLarge", undefined, { megabytes: jsonBodyLimitBytes / 1024 / 1024 });

/**
 * The request's body as text, read only up to the limit: refused at once by its Content-Length, and while
 * streaming when the sender lied or sent chunks, so an oversized body is never held in memory.
 */
export async function readBodyText(request: Request, limit = jsonBodyLimitBytes): Promise<BodyText> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > limit) return tooLarge();
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return tooLarge();
    }
    chunks.push(value);
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)) };
  } catch {
    return fail("invalid", "errors.bodyNotUtf8");
  }
}

/** Whether the request declares a JSON body (`application/json`, any parameters such as a charset). */
export function declaresJson(request: Request): boolean {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  return type === "application/json";
}

/** Whether the request declares a multipart form body (file uploads). */
export function declaresMultipart(request: Request): boolean {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  return type === "multipart/form-data";
}

/** Whether the request carries a body at all (a declared length above zero, or chunks). */
export function hasBody(request: Request): boolean {
  const length = request.headers.get("content-length");
  if (length !== null) return Number(length) > 0;
  return request.headers.has("transfer-encoding");
}
