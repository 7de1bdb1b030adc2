import { csvRowCounter } from "./csv-row-counter";

export interface ExportProgress {
  received: number;
  total: number;
}

/** The file name the server gave the download, else a plain one. */
function fileNameOf(response: Response, fallback: string): string {
  return /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? fallback;
}

/**
 * Fetches an export, reporting its rows as they stream in against the total the server announced (`X-Total-Rows`),
 * then hands the file to the browser as a download. Resolves with the rows received; rejects with the API's error
 * message, or on a broken connection.
 */
export async function downloadExport(url: string, onProgress: (progress: ExportProgress) => void): Promise<number> {
  const response = await fetch(url, { headers: { accept: "text/csv" } });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? String(response.status));
  }
  const total = Number(response.headers.get("x-total-rows") ?? 0);
  const counter = csvRowCounter();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const reader = response.body.getReader();
  let received = 0;
  onProgress({ received, total });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received = counter.add(value);
    onProgress({ received, total });
  }
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob(chunks, { type: "text/csv;charset=utf-8" }));
  link.download = fileNameOf(response, "export.csv");
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  return received;
}
