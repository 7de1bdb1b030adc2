import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteFileRoute } from "@/app/api/v1/objects/[id]/revisions/[rev]/files/[fileId]/route";
import { POST as uploadRoute } from "@/app/api/v1/objects/[id]/revisions/[rev]/files/route";
import { getDb, type Database } from "@/db/client";
import { documentFiles, documentRevisions } from "@/db/schema";
import { listRevisions } from "@/lib/documents/list-revisions";
import { openNextDraft } from "@/lib/documents/open-next-draft";
import type { RevisionView } from "@/lib/documents/revision-view";
import { validateRevision } from "@/lib/documents/validate-revision";
import { contentTypeFor } from "@/lib/files/sniff-content-type";
import { dataOf } from "../fixtures/results";
import { callRoute, documentWorld } from "./document-world";

const boundary = "atelier-test-boundary";
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** A multipart body of files, each a `file` part. */
function multipart(files: { name: string; content: Buffer }[]): Buffer {
  const parts = files.flatMap(({ name, content }) => [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from("\r\n"),
  ]);
  return Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]);
}
const contentType = `multipart/form-data; boundary=${boundary}`;

/** Every file under a folder (the storage's finished files and its temporary ones alike). */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe("file uploads to a draft revision", () => {
  let db: Database;
  let dataDir: string;
  const saved = { dir: process.env.ATELIER_DATA_DIR, max: process.env.ATELIER_MAX_UPLOAD_MB };

  beforeAll(async () => {
    db = await getDb();
    dataDir = await mkdtemp(path.join(tmpdir(), "atelier-uploads-"));
    process.env.ATELIER_DATA_DIR = dataDir;
    process.env.ATELIER_MAX_UPLOAD_MB = "1";
  });
  afterAll(async () => {
    for (const [name, value] of [["ATELIER_DATA_DIR", saved.dir], ["ATELIER_MAX_UPLOAD_MB", saved.max]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  async function setUp() {
    const world = await documentWorld(db);
    const token = await world.tokenLike(world.manager, "manager", ["Lyon"]);
    const draft = dataOf(await listRevisions(db, world.lead, { id: world.document.id })).items[0]!;
    const upload = (body: Buffer | ReadableStream<Uint8Array>, rev = "A") =>
      callRoute(uploadRoute, { id: world.document.id, rev }, token, { method: "POST", body: (body instanceof Buffer ? new Uint8Array(body) : body) as BodyInit, contentType });
    const rows = () => db.select().from(documentFiles).where(eq(documentFiles.revisionId, draft.id));
    return { ...world, token, draft, upload, rows };
  }

  it("stores several files content-addressed, typed from their content, and attaches them in one step", async () => {
    const { upload, rows, draft, document, lead } = await setUp();
    const drawing = pdf("pump housing");
    const response = await upload(multipart([
      { name: "housing.pdf", content: drawing },
      { name: "bom.csv", content: Buffer.from("part;qty\nPRT-000001;2\n") },
      { name: "Plan coupé — été.PNG", content: png },
    ]));
    expect(response.status).toBe(201);
    const revision = (await response.json()) as RevisionView;
    expect(revision).toMatchObject({ id: draft.id, label: "A", version: 2 });
    expect(revision.files.map((file) => [file.fileName, file.contentType, file.sizeBytes]).sort()).toEqual([
      ["Plan coupé — été.PNG", "image/png", png.byteLength],
      ["bom.csv", "text/csv", 22],
      ["housing.pdf", "application/pdf", drawing.byteLength],
    ]);
    const sha256 = createHash("sha256").update(drawing).digest("hex");
    const [stored] = (await rows()).filter((row) => row.fileName === "housing.pdf");
    expect(stored).toMatchObject({ sha256, storageKey: `sha256/${sha256.slice(0, 2)}/${sha256}` });
    expect(await readFile(path.join(dataDir, "files", stored!.storageKey))).toEqual(drawing);

    // The same name again replaces the draft's file; validated, the revision takes no more files.
    const again = await upload(multipart([{ name: "housing.pdf", content: pdf("pump housing, issue 2") }]));
    expect(again.status).toBe(201);
    expect((await rows()).filter((row) => row.fileName === "housing.pdf")).toHaveLength(1);
    expect(await filesUnder(path.join(dataDir, "files"))).not.toContain(path.join(dataDir, "files", stored!.storageKey));
    dataOf(await validateRevision(db, lead, { objectId: document.id, revisionId: draft.id, version: 3 }));
    const late = await upload(multipart([{ name: "late.pdf", content: pdf("late") }]));
    expect(late.status).toBe(409);
  });

  it("refuses a file over the limit, an empty file and content that contradicts the name, and keeps nothing of the request", async () => {
    const { upload, rows } = await setUp();
    const before = await filesUnder(path.join(dataDir, "files"));
    const cases: [Buffer, number, string][] = [
      [multipart([{ name: "ok.pdf", content: pdf("fine") }, { name: "huge.pdf", content: Buffer.concat([pdf("huge"), Buffer.alloc(1024 * 1024)]) }]), 413, "“huge.pdf” is over the limit of 1 MB per file. Nothing was kept."],
      [multipart([{ name: "empty.txt", content: Buffer.alloc(0) }]), 422, "“empty.txt” is empty: there is nothing to upload."],
      [
        multipart([{ name: "drawing.pdf", content: png }]),
        422,
        "The content of “drawing.pdf” does not match its extension .pdf: it looks like a PNG image. Rename it or pick the right file.",
      ],
      [
        multipart([{ name: "list.csv", content: Buffer.from([0, 1, 2, 3, 255]) }]),
        422,
        "The content of “list.csv” does not match its extension .csv: it looks like unrecognised binary data. Rename it or pick the right file.",
      ],
      [Buffer.from(`--${boundary}--\r\n`), 422, "Choose at least one file to upload."],
    ];
    for (const [body, status, message] of cases) {
      const response = await upload(body);
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: { message: string } }).error.message).toBe(message);
    }
    expect(await rows()).toEqual([]);
    expect(await filesUnder(path.join(dataDir, "files"))).toEqual(before);
  });

  it("rolls back an upload cut off midway: no partial file, no row", async () => {
    const { upload, rows } = await setUp();
    const before = await filesUnder(path.join(dataDir, "files"));
    const whole = multipart([{ name: "first.pdf", content: pdf("complete") }, { name: "second.pdf", content: Buffer.concat([pdf("cut"), Buffer.alloc(512 * 1024, 32)]) }]);
    const cutAt = whole.byteLength - 200 * 1024;
    // The client goes away: the body errors after part of the second file.
    const aborted = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(whole.subarray(0, cutAt));
      },
      pull(controller) {
        controller.error(new Error("client went away"));
      },
    });
    const response = await upload(aborted);
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      "The upload did not arrive whole (it was interrupted or malformed): nothing was kept. Try again.",
    );
    // The body simply stops before its end.
    const truncated = await upload(whole.subarray(0, cutAt));
    expect(truncated.status).toBe(422);
    expect(await rows()).toEqual([]);
    expect(await filesUnder(path.join(dataDir, "files"))).toEqual(before);
  });

  it("removes a file from a draft, and its bytes only when no other revision holds them", async () => {
    const { upload, token, rows, document, lead, draft } = await setUp();
    const shared = pdf("shared between A and B");
    const first = (await (await upload(multipart([{ name: "shared.pdf", content: shared }, { name: "only-b.pdf", content: pdf("to remove") }]))).json()) as RevisionView;
    expect(first.files).toHaveLength(2);
    dataOf(await validateRevision(db, lead, { objectId: document.id, revisionId: draft.id, version: first.version }));
    const b = dataOf(await openNextDraft(db, lead, { id: document.id }));
    const sharedFile = b.files.find((file) => file.fileName === "shared.pdf")!;
    const removed = await callRoute(deleteFileRoute, { id: document.id, rev: "B", fileId: sharedFile.id }, token, { method: "DELETE", query: `?version=${b.version}` });
    expect(removed.status).toBe(200);
    const after = (await removed.json()) as RevisionView;
    expect(after.files.map((file) => file.fileName)).toEqual(["only-b.pdf"]);
    // Revision A still has it: the bytes stay.
    expect(await readFile(path.join(dataDir, "files", sharedFile.sha256.replace(/^(..)/, "sha256/$1/$1")))).toEqual(shared);
    expect(await rows()).toHaveLength(2);
    const stale = await callRoute(deleteFileRoute, { id: document.id, rev: "B", fileId: sharedFile.id }, token, { method: "DELETE", query: `?version=${b.version}` });
    expect(stale.status).toBe(409);
    const [revisionB] = await db.select({ version: documentRevisions.version }).from(documentRevisions).where(eq(documentRevisions.id, b.id));
    expect(revisionB!.version).toBe(b.version + 1);
  });

  it("sniffs the types Atelier knows and lets a name without a known extension be what its content is", () => {
    const text = Buffer.from("ISO-10303-21;\nHEADER;\n");
    expect(contentTypeFor("bracket.step", text)).toEqual({ ok: true, contentType: "model/step" });
    expect(contentTypeFor("outline.DXF", Buffer.from("0\nSECTION\n"))).toEqual({ ok: true, contentType: "image/vnd.dxf" });
    expect(contentTypeFor("report.docx", Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0]))).toMatchObject({ ok: true });
    expect(contentTypeFor("photo.jpg", Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ ok: true, contentType: "image/jpeg" });
    expect(contentTypeFor("photo.webp", Buffer.from("RIFF\0\0\0\0WEBPVP8 "))).toEqual({ ok: true, contentType: "image/webp" });
    expect(contentTypeFor("README", pdf("x"))).toEqual({ ok: true, contentType: "application/pdf" });
    expect(contentTypeFor("report.docx", pdf("x"))).toEqual({ ok: false, extension: "docx", detected: "pdf" });
    expect(contentTypeFor("bracket.step", png)).toEqual({ ok: false, extension: "step", detected: "png" });
  });
});
