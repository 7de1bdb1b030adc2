// `npm run bench:files`: what moving files costs the server (issue #16). Serves the built app (`npm run build`
// first) with scripts/server.mjs on a fresh data folder (embedded PGlite, the demo seeded), signs in as the demo
// Admin, then: uploads a 200 MB file through `POST /api/v1/objects/{id}/revisions/A/files` (streamed from a
// generator, never held whole) and downloads it, printing each throughput and the server's RSS growth over its
// level before (sampled every 20 ms; target < 50 MB); then uploads a 20-page PDF and times its first preview image
// (page count and page 1, uncached; target ≤ 1 s) and the same image again (cached).
import type { ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { signInWithPassword, startAppServer } from "./bench/app-server";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const port = Number(process.env.BENCH_FILES_PORT ?? 3332);
const base = `http://127.0.0.1:${port}`;
const megabyte = 1024 * 1024;
const bigFileBytes = 200 * megabyte;
const rssTargetMb = 50;
const previewTargetMs = 1000;
const demoPassword = process.env.DEMO_PASSWORD ?? "atelier-demo-2026";

function portIsFree(): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** The server's resident memory, read from /proc every 20 ms while sampling runs. */
function rssSampler(pid: number) {
  const read = () => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN) * 1024;
  let peak = 0;
  let timer: NodeJS.Timeout | null = null;
  return {
    read,
    start() {
      peak = read();
      timer = setInterval(() => (peak = Math.max(peak, read())), 20);
    },
    stop(): number {
      if (timer) clearInterval(timer);
      return Math.max(peak, read());
    },
  };
}

/** A multipart body of one `file` part, generated chunk by chunk (1 MB of random bytes repeated, after the head). */
function multipartStream(fileName: string, head: Uint8Array, totalBytes: number, boundary: string): ReadableStream<Uint8Array> {
  const chunk = crypto.randomBytes(megabyte);
  const parts = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`), Buffer.from(head)];
  let sent = head.byteLength;
  let finished = false;
  return new ReadableStream({
    pull(controller) {
      const first = parts.shift();
      if (first) return controller.enqueue(first);
      if (sent < totalBytes) {
        const size = Math.min(megabyte, totalBytes - sent);
        sent += size;
        return controller.enqueue(chunk.subarray(0, size));
      }
      if (!finished) {
        finished = true;
        return controller.enqueue(Buffer.from(`\r\n--${boundary}--\r\n`));
      }
      controller.close();
    },
  });
}

async function upload(cookie: string, documentId: string, fileName: string, head: Uint8Array, totalBytes: number): Promise<string> {
  const boundary = `bench${crypto.randomBytes(8).toString("hex")}`;
  const response = await fetch(`${base}/api/v1/objects/${documentId}/revisions/A/files`, {
    method: "POST",
    headers: { cookie, origin: base, "content-type": `multipart/form-data; boundary=${boundary}` },
    body: multipartStream(fileName, head, totalBytes, boundary),
    duplex: "half",
  } as RequestInit & { duplex: "half" });
  const body = (await response.json()) as { files?: { id: string; fileName: string }[]; error?: unknown };
  if (response.status !== 201) throw new Error(`upload of ${fileName}: ${response.status} ${JSON.stringify(body)}`);
  return body.files!.find((file) => file.fileName === fileName)!.id;
}

async function download(cookie: string, fileId: string): Promise<number> {
  const response = await fetch(`${base}/api/v1/files/${fileId}/download`, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`download: ${response.status} ${await response.text()}`);
  let bytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
  return bytes;
}

async function createDocument(cookie: string, title: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/objects`, {
    method: "POST",
    headers: { cookie, origin: base, "content-type": "application/json" },
    body: JSON.stringify({ type: "document", title }),
  });
  if (response.status !== 201) throw new Error(`create document: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

async function twentyPagePdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= 20; page += 1) {
    const sheet = document.addPage([842, 595]);
    sheet.drawText(`Assembly drawing — sheet ${page} of 20`, { x: 40, y: 550, size: 22, font });
    for (let line = 0; line < 40; line += 1) sheet.drawLine({ start: { x: 40, y: 40 + line * 12 }, end: { x: 800, y: 40 + ((line * 7) % 480) }, thickness: 0.5 });
  }
  return document.save();
}

const mb = (bytes: number) => (bytes / megabyte).toFixed(1);
const zipHead = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);

async function main(): Promise<number> {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.error("bench:files needs the built app: run `npm run build` first.");
    return 2;
  }
  if (!(await portIsFree())) {
    console.error(`bench:files: port ${port} is taken; set BENCH_FILES_PORT to a free one.`);
    return 2;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-bench-files-"));
  let server: ChildProcess | undefined;
  try {
    // A fresh embedded database with the demo seeded; AUTH_URL makes cookie-authenticated writes from `base` same-origin.
    server = await startAppServer(port, dataDir, { DATABASE_URL: "", AUTH_URL: base, ATELIER_MAX_UPLOAD_MB: "256" });
    const rss = rssSampler(server.pid!);
    const cookie = await signInWithPassword(base, "admin@demo.test", demoPassword);
    const documentId = await createDocument(cookie, "bench:files — 200 MB archive");
    // Warm-up: the upload and download routes compiled and their modules loaded before the baseline is read.
    await download(cookie, await upload(cookie, documentId, "warm-up.zip", zipHead, megabyte));

    const before = rss.read();
    rss.start();
    let started = performance.now();
    const bigId = await upload(cookie, documentId, "big.zip", zipHead, bigFileBytes);
    const uploadSeconds = (performance.now() - started) / 1000;
    const uploadPeak = rss.stop();
    const afterUpload = rss.read();
    rss.start();
    started = performance.now();
    const downloaded = await download(cookie, bigId);
    const downloadSeconds = (performance.now() - started) / 1000;
    const downloadPeak = rss.stop();
    if (downloaded !== bigFileBytes) throw new Error(`downloaded ${downloaded} bytes, expected ${bigFileBytes}`);

    const pdfDocumentId = await createDocument(cookie, "bench:files — 20-page drawing");
    const pdfId = await upload(cookie, pdfDocumentId, "assembly.pdf", await twentyPagePdf(), 0);
    started = performance.now();
    const pages = (await (await fetch(`${base}/api/v1/files/${pdfId}/pages`, { headers: { cookie } })).json()) as { pageCount: number };
    const countMs = performance.now() - started;
    const first = await fetch(`${base}/api/v1/files/${pdfId}/preview?page=1`, { headers: { cookie } });
    await first.arrayBuffer();
    const firstMs = performance.now() - started;
    started = performance.now();
    const again = await fetch(`${base}/api/v1/files/${pdfId}/preview?page=1`, { headers: { cookie } });
    await again.arrayBuffer();
    const cachedMs = performance.now() - started;
    started = performance.now();
    const otherPage = await fetch(`${base}/api/v1/files/${pdfId}/preview?page=12`, { headers: { cookie } });
    await otherPage.arrayBuffer();
    const nextPageMs = performance.now() - started;
    if (first.status !== 200 || pages.pageCount !== 20) throw new Error(`preview: ${first.status}, ${pages.pageCount} pages`);

    const uploadGrowth = uploadPeak - before;
    const downloadGrowth = downloadPeak - afterUpload;
    console.log(`bench:files — ${new Date().toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${mb(os.totalmem())} MB RAM, Node ${process.version}, load ${os.loadavg().map((v) => v.toFixed(2)).join(", ")}`);
    console.log(`upload   200 MB: ${uploadSeconds.toFixed(2)} s, ${(200 / uploadSeconds).toFixed(0)} MB/s; server RSS +${mb(uploadGrowth)} MB (${mb(before)} → peak ${mb(uploadPeak)} MB) — ${uploadGrowth / megabyte < rssTargetMb ? "PASS" : "MISS"} (< ${rssTargetMb} MB)`);
    console.log(`download 200 MB: ${downloadSeconds.toFixed(2)} s, ${(200 / downloadSeconds).toFixed(0)} MB/s; server RSS +${mb(downloadGrowth)} MB (${mb(afterUpload)} → peak ${mb(downloadPeak)} MB) — ${downloadGrowth / megabyte < rssTargetMb ? "PASS" : "MISS"} (< ${rssTargetMb} MB)`);
    console.log(`20-page PDF, first preview image (page count ${countMs.toFixed(0)} ms, then page 1): ${firstMs.toFixed(0)} ms — ${firstMs <= previewTargetMs ? "PASS" : "MISS"} (≤ ${previewTargetMs} ms)`);
    console.log(`  page 1 again (cached): ${cachedMs.toFixed(0)} ms; page 12 (document already parsed): ${nextPageMs.toFixed(0)} ms`);
    return 0;
  } finally {
    server?.kill("SIGTERM");
    await new Promise((resolve) => (server && server.exitCode === null ? server.once("exit", resolve) : resolve(null)));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
