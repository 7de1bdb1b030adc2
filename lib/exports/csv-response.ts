import "server-only";
import { csvByteOrderMark, csvRecord } from "./csv";

/** An export ready to stream: its file name, header, expected row count and its rows in batches. */
export interface CsvExport {
  fileName: string;
  header: string[];
  /** Counted just before the rows are read: what the page's progress bar measures against. */
  totalRows: number;
  batches: () => AsyncGenerator<string[][]>;
}

export interface CsvOutcome {
  rows: number;
  /** False when the download was cancelled or failed before its last row. */
  completed: boolean;
}

/** The header that tells the page how many rows to expect (docs/exports.md "Progress"). */
export const totalRowsHeader = "X-Total-Rows";

/**
 * The export as a streamed CSV download: the byte order mark and header first, then one chunk per batch, pulled only
 * when the client has taken the previous one (highWaterMark 1), so the server holds one batch whatever the size.
 * `onFinished` runs once, when the last row is sent, or when the client goes away or a read fails.
 */
export function csvResponse(csv: CsvExport, onFinished: (outcome: CsvOutcome) => Promise<void>): Response {
  const encoder = new TextEncoder();
  let batches: AsyncGenerator<string[][]> | null = null;
  let rows = 0;
  let finished = false;
  const finish = async (completed: boolean) => {
    if (finished) return;
    finished = true;
    await onFinished({ rows, completed });
  };
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(csvByteOrderMark + csvRecord(csv.header)));
      },
      async pull(controller) {
        batches ??= csv.batches();
        try {
          const next = await batches.next();
          if (next.done) {
            await finish(true);
            controller.close();
            return;
          }
          rows += next.value.length;
          controller.enqueue(encoder.encode(next.value.map(csvRecord).join("")));
        } catch (error) {
          await finish(false).catch(() => {});
          controller.error(error);
        }
      },
      // An async generator queues return() behind a pending next(), so a cancel during a read still closes the cursor.
      async cancel() {
        await batches?.return(undefined);
        await finish(false);
      },
    },
    { highWaterMark: 1 },
  );
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${csv.fileName}"`,
      "cache-control": "no-store",
      [totalRowsHeader]: String(csv.totalRows),
    },
  });
}
