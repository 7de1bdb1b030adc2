import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as downloadRoute } from "@/app/api/v1/files/[id]/download/route";
import { GET as pagesRoute } from "@/app/api/v1/files/[id]/pages/route";
import { GET as previewRoute } from "@/app/api/v1/files/[id]/preview/route";
import { getDb, type Database } from "@/db/client";
import { accessLog, documentFiles, documentRevisions, integrations, signatures, users, type Role } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { fileStorage } from "@/lib/files/file-storage";
import { issueApiToken } from "@/lib/integrations/api-tokens";
import { loadFileFacts } from "@/lib/previews/file-facts";
import { loadPreviewStamp } from "@/lib/previews/preview-stamp";
import { createWatermark } from "@/lib/watermarks/create-watermark";
import { dataOf } from "../fixtures/results";
import { ObjectsWorld } from "./objects-world";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function pdfOfPages(count: number): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= count; page += 1) document.addPage([595, 842]).drawText(`Bracket drawing, sheet ${page}`, { x: 60, y: 760, size: 24, font });
  return document.save();
}

/** The text of every page of a PDF, as a reader (pdfjs) extracts it. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const pdf = await getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, standardFontDataUrl: `${path.resolve("node_modules/pdfjs-dist/standard_fonts")}/` }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await pdf.destroy();
  return pages.join("\n");
}

describe("previews and downloads of document files", () => {
  let db: Database;
  let dataDirectory: string;
  const previousDataDir = process.env.ATELIER_DATA_DIR;

  beforeAll(async () => {
    db = await getDb();
    dataDirectory = await mkdtemp(path.join(tmpdir(), "atelier-previews-"));
    process.env.ATELIER_DATA_DIR = dataDirectory;
  });

  afterAll(async () => {
    if (previousDataDir === undefined) delete process.env.ATELIER_DATA_DIR;
    else process.env.ATELIER_DATA_DIR = previousDataDir;
    await rm(dataDirectory, { recursive: true, force: true });
  });

  async function tokenFor(world: ObjectsWorld, role: Role, sites: string[], name: string): Promise<{ token: string; userId: string }> {
    const service = await world.addUser({ role, sites, name });
    await db.update(users).set({ kind: "service", passwordHash: null }).where(eq(users.id, service.id));
    const [integration] = await db.insert(integrations).values({ organizationId: world.organizationId, name: `${name} ${service.id}`, serviceUserId: service.id }).returning();
    return { token: (await issueApiToken(db, { organizationId: world.organizationId, integrationId: integration!.id, name: "test" })).token, userId: service.id };
  }

  function call(route: Handler, fileId: string, token: string, query = "", language = "en") {
    const request = new Request(`http://atelier.test/api/v1/files/${fileId}/x${query}`, { headers: { authorization: `Bearer ${token}`, "accept-language": language } });
    return route(request, { params: Promise.resolve({ id: fileId }) });
  }

  async function attach(manager: ActingUser, revisionId: string, fileName: string, contentType: string, bytes: Uint8Array): Promise<string> {
    const stored = dataOf(await fileStorage().put(Readable.from([bytes]), { maxBytes: 50 * 1024 * 1024 }));
    const [row] = await db
      .insert(documentFiles)
      .values({ organizationId: manager.organizationId, revisionId, fileName, contentType, sizeBytes: stored.sizeBytes, sha256: stored.sha256, storageKey: stored.key, uploadedById: manager.id })
      .returning({ id: documentFiles.id });
    return row!.id;
  }

  /**
   * Lyon: everyone may view without download, Managers may modify documents. A Lyon document whose draft revision A
   * holds a 3-page PDF, a PNG and an archive; a Toulouse Manager outside its scope.
   */
  async function workshop() {
    const world = await ObjectsWorld.create(db, {
      sites: ["Lyon", "Toulouse"],
      rules: [
        { name: "Everyone — View without download", level: "view_no_download", users: { all: true } },
        { name: "Managers — Modify", level: "modify", users: { roles: ["manager"] } },
      ],
    });
    const manager = await world.actor({ role: "manager", sites: ["Lyon"], name: "Marie Curie" });
    const document = await world.createObject(manager, { type: "document", title: "Bracket drawing" });
    // A new document starts with its draft revision A.
    const [revision] = await db.select({ id: documentRevisions.id, label: documentRevisions.label }).from(documentRevisions).where(eq(documentRevisions.objectId, document.id));
    expect(revision?.label).toBe("A");
    const pdf = await attach(manager, revision!.id, "bracket.pdf", "application/pdf", await pdfOfPages(3));
    const { createCanvas } = await import("@napi-rs/canvas");
    const canvas = createCanvas(300, 200);
    canvas.getContext("2d").fillRect(20, 20, 100, 100);
    const image = await attach(manager, revision!.id, "photo.png", "image/png", await canvas.encode("png"));
    const archive = await attach(manager, revision!.id, "cad.zip", "application/zip", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    const viewer = await tokenFor(world, "viewer", ["Lyon"], "Victor Viewer");
    const downloader = await tokenFor(world, "manager", ["Lyon"], "Dana Downloader");
    const outsider = await tokenFor(world, "manager", ["Toulouse"], "Toulouse manager");
    return { world, manager, document, revisionId: revision!.id, files: { pdf, image, archive }, viewer, downloader, outsider };
  }

  async function logOf(organizationId: string, userId: string) {
    return db
      .select({ id: accessLog.id, kind: accessLog.kind, action: accessLog.action, fileId: accessLog.fileId, objectId: accessLog.objectId, reason: accessLog.reason })
      .from(accessLog)
      .where(and(eq(accessLog.organizationId, organizationId), eq(accessLog.userId, userId)))
      .orderBy(accessLog.id);
  }

  it("renders a PDF page as a PNG for view without download, refuses its download, and logs both", async () => {
    const { world, document, files, viewer } = await workshop();
    const first = await call(previewRoute, files.pdf, viewer.token, "?page=2");
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("image/png");
    expect(first.headers.get("x-page-count")).toBe("3");
    const png = new Uint8Array(await first.arrayBuffer());
    expect([...png.subarray(0, 8)]).toEqual(pngSignature);
    // Width from the PNG header: an A4 page fitted to 1600 px high (the stamp's bands come above and below).
    const view = new DataView(png.buffer, png.byteOffset);
    expect(view.getUint32(16)).toBe(1131);
    expect(view.getUint32(20)).toBeGreaterThan(1600);

    // Cached under the data folder by content hash: the second view reads it back, byte for byte.
    const again = new Uint8Array(await (await call(previewRoute, files.pdf, viewer.token, "?page=2")).arrayBuffer());
    expect(Buffer.from(again).equals(Buffer.from(png))).toBe(true);
    const facts = (await loadFileFacts(db, world.organizationId, files.pdf))!;
    const cached = await readdir(path.join(dataDirectory, "previews", facts.sha256.slice(0, 2), facts.sha256));
    expect(cached.filter((name) => name.startsWith("2-") && name.endsWith(".png"))).toHaveLength(1);

    const image = await call(previewRoute, files.image, viewer.token);
    expect(image.status).toBe(200);
    expect([...new Uint8Array(await image.arrayBuffer()).subarray(0, 8)]).toEqual(pngSignature);

    expect((await call(previewRoute, files.pdf, viewer.token, "?page=4")).status).toBe(422);
    expect((await call(previewRoute, files.pdf, viewer.token, "?page=0")).status).toBe(422);
    expect((await call(previewRoute, files.pdf, viewer.token, "?page=2&zoom=3")).status).toBe(422);
    expect((await call(previewRoute, files.archive, viewer.token)).status).toBe(415);

    const info = await call(pagesRoute, files.pdf, viewer.token);
    expect(await info.json()).toMatchObject({ fileName: "bracket.pdf", previewKind: "pdf", pageCount: 3, canDownload: false });

    const refused = await call(downloadRoute, files.pdf, viewer.token);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).toContain("application/json");

    expect(await logOf(world.organizationId, viewer.userId)).toEqual([
      expect.objectContaining({ kind: "preview", action: "files.preview", fileId: files.pdf, objectId: document.id }),
      expect.objectContaining({ kind: "preview", action: "files.preview", fileId: files.pdf, objectId: document.id }),
      expect.objectContaining({ kind: "preview", action: "files.preview", fileId: files.image, objectId: document.id }),
      expect.objectContaining({ kind: "denied", action: "download", objectId: document.id, reason: "level" }),
    ]);
  });

  it("answers 404 for files of documents out of scope, and for unknown ids, and logs the refusal", async () => {
    const { world, document, files, outsider } = await workshop();
    for (const route of [previewRoute, pagesRoute, downloadRoute]) {
      expect((await call(route, files.pdf, outsider.token)).status).toBe(404);
      expect((await call(route, "00000000-0000-4000-8000-000000000000", outsider.token)).status).toBe(404);
      expect((await call(route, "not-a-file", outsider.token)).status).toBe(404);
    }
    const log = await logOf(world.organizationId, outsider.userId);
    expect(log.map((row) => [row.kind, row.action, row.objectId, row.reason])).toEqual([
      ["denied", "view", document.id, "cannot view"],
      ["denied", "view", document.id, "cannot view"],
      ["denied", "download", document.id, "cannot view"],
    ]);
  });

  it("stamps every downloaded PDF with the downloader, their site, the time and the access-log entry", async () => {
    const { world, files, downloader } = await workshop();
    const response = await call(downloadRoute, files.pdf, downloader.token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toContain('filename="bracket.pdf"');
    const entry = Number(response.headers.get("x-access-log-id"));
    const text = await pdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain("Bracket drawing, sheet 3");
    const email = (await db.select({ email: users.email }).from(users).where(eq(users.id, downloader.userId)))[0]!.email;
    for (const sheet of text.split("\n")) {
      expect(sheet).toMatch(new RegExp(`Downloaded by Dana Downloader <${email.replace(/[.+]/g, "\\$&")}> · Lyon · \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC · access log #${entry}`));
    }
    expect(await logOf(world.organizationId, downloader.userId)).toEqual([expect.objectContaining({ id: entry, kind: "download", action: "files.download", fileId: files.pdf })]);

    // Other files stream as they are.
    const archive = await call(downloadRoute, files.archive, downloader.token);
    expect([...new Uint8Array(await archive.arrayBuffer())]).toEqual([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
  });

  it("stamps previews with the reference, revision, status, signatures, DRAFT and the watermarks that apply", async () => {
    const { world, manager, document, revisionId, files } = await workshop();
    const admin = await world.actor({ role: "admin", sites: ["Lyon"], name: "Ada Admin" });
    const file = (await loadFileFacts(db, world.organizationId, files.pdf))!;
    const draft = await loadPreviewStamp(db, manager, file, "en");
    expect(draft).toMatchObject({ header: `${document.reference} · Revision A · Draft`, signatures: ["No signature"], banner: "DRAFT", watermarks: [] });
    expect(draft.viewer).toBe(`Preview for Marie Curie (${manager.email})`);

    dataOf(await createWatermark(db, admin, { name: "Internal", text: "INTERNAL USE", color: "#1d4ed8" }));
    await db.insert(signatures).values({ organizationId: world.organizationId, revisionId, signerId: admin.id, decision: "approved", signedAt: new Date("2026-12-07T10:00:00Z") });
    const signed = await loadPreviewStamp(db, manager, file, "fr");
    expect(signed).toMatchObject({
      header: `${document.reference} · Révision A · Brouillon`,
      signatures: [expect.stringMatching(/^Approuvé par Ada Admin le 7 déc\. 2026$/)],
      banner: "BROUILLON",
      watermarks: [{ text: "INTERNAL USE", color: "#1d4ed8" }],
    });
  });
});
