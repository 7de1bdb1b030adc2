import { and, asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as compareRoute } from "@/app/api/v1/objects/[id]/revisions/compare/route";
import { GET as listRoute, POST as openRoute } from "@/app/api/v1/objects/[id]/revisions/route";
import { GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/objects/[id]/revisions/[rev]/route";
import { POST as validateRoute } from "@/app/api/v1/objects/[id]/revisions/[rev]/validate/route";
import { DELETE as deleteFileRoute } from "@/app/api/v1/objects/[id]/revisions/[rev]/files/[fileId]/route";
import { GET as filesRoute, POST as uploadRoute } from "@/app/api/v1/objects/[id]/revisions/[rev]/files/route";
import { getDb, type Database } from "@/db/client";
import { activityEvents, documentFiles, documentRevisions } from "@/db/schema";
import { compareRevisions } from "@/lib/documents/compare-revisions";
import { listRevisions } from "@/lib/documents/list-revisions";
import { openNextDraft as openNextDraftService } from "@/lib/documents/open-next-draft";
import { revisionLabel, revisionSequence } from "@/lib/documents/revision-labels";
import { updateDraft } from "@/lib/documents/update-draft";
import { markRevisionValidated, validateRevision as validateRevisionService } from "@/lib/documents/validate-revision";
import { updateObjectProperties } from "@/lib/objects/update-object-properties";
import { dataOf, inEnglish } from "../fixtures/results";
import { callRoute, documentWorld } from "./document-world";

const validateRevision = async (...args: Parameters<typeof validateRevisionService>) => inEnglish(await validateRevisionService(...args));
const openNextDraft = async (...args: Parameters<typeof openNextDraftService>) => inEnglish(await openNextDraftService(...args));

const objectNotFound = { ok: false, error: { code: "not_found", message: "This object does not exist, or you do not have access to it." } };
const notDraft = {
  ok: false,
  error: {
    code: "conflict",
    message: "Only a draft revision can be changed or validated: this one is validated or obsolete, and stays as it is. Open the next draft to make changes.",
  },
};

/** A file row attached straight to a draft (the upload route has its own tests): what the revision services read. */
async function attach(db: Database, draft: { organizationId: string; revisionId: string; uploadedById: string }, fileName: string, sha256: string) {
  await db.insert(documentFiles).values({
    organizationId: draft.organizationId,
    revisionId: draft.revisionId,
    fileName,
    contentType: "application/pdf",
    sizeBytes: 10,
    sha256,
    storageKey: `sha256/${sha256.slice(0, 2)}/${sha256}`,
    uploadedById: draft.uploadedById,
  });
}
const sha = (digit: string) => digit.repeat(64);

describe("document revisions", () => {
  let db: Database;
  beforeAll(async () => {
    db = await getDb();
  });

  it("labels revisions A…Z, then AA, AB… and reads them back", () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(revisionLabel)).toEqual(["A", "B", "Z", "AA", "AB", "ZZ", "AAA"]);
    for (const sequence of [0, 5, 25, 26, 700, 702, 5000]) expect(revisionSequence(revisionLabel(sequence))).toBe(sequence);
    expect(revisionSequence("a")).toBeNull();
  });

  it("goes draft → validated → obsolete: one draft at a time, validating B obsoletes A, the next draft carries the files", async () => {
    const { world, lead, document } = await documentWorld(db);
    const [a] = dataOf(await listRevisions(db, lead, { id: document.id })).items;
    expect(a).toMatchObject({ label: "A", status: "draft", version: 1, files: [], createdBy: { id: lead.id, name: "Lena Lead" } });
    await attach(db, { organizationId: world.organizationId, revisionId: a!.id, uploadedById: lead.id }, "drawing.pdf", sha("a"));

    expect(await openNextDraft(db, lead, { id: document.id })).toEqual({
      ok: false,
      error: { code: "conflict", message: "Revision A is already open as a draft: change it or validate it before opening another." },
    });
    const validatedA = dataOf(await validateRevision(db, lead, { objectId: document.id, revisionId: a!.id, version: 1 }));
    expect(validatedA).toMatchObject({ label: "A", status: "validated", version: 2, validatedById: lead.id });
    expect(await validateRevision(db, lead, { objectId: document.id, revisionId: a!.id, version: 2 })).toEqual(notDraft);

    const b = dataOf(await openNextDraft(db, lead, { id: document.id, note: "Thicker flange" }));
    expect(b).toMatchObject({ label: "B", sequence: 1, status: "draft", note: "Thicker flange", version: 1 });
    expect(b.files.map((file) => [file.fileName, file.sha256])).toEqual([["drawing.pdf", sha("a")]]);
    dataOf(await validateRevision(db, lead, { objectId: document.id, revisionId: b.id, version: 1 }));

    const statuses = await db
      .select({ label: documentRevisions.label, status: documentRevisions.status, obsolete: sql<boolean>`${documentRevisions.obsoletedAt} is not null` })
      .from(documentRevisions)
      .where(eq(documentRevisions.objectId, document.id))
      .orderBy(asc(documentRevisions.sequence));
    expect(statuses).toEqual([
      { label: "A", status: "obsolete", obsolete: true },
      { label: "B", status: "validated", obsolete: false },
    ]);
    const events = await db
      .select({ kind: activityEvents.kind, data: activityEvents.data })
      .from(activityEvents)
      .where(and(eq(activityEvents.objectId, document.id), sql`${activityEvents.kind} like 'revision%'`))
      .orderBy(asc(activityEvents.occurredAt), asc(activityEvents.id));
    expect(events.map(({ kind, data }) => `${kind} ${(data as { label: string }).label}`)).toEqual(["revision_validated A", "revision_created B", "revision_validated B"]);
  });

  it("lets only a draft be edited, at the version read; the note is the draft's own", async () => {
    const { lead, manager, document } = await documentWorld(db);
    const a = dataOf(await listRevisions(db, lead, { id: document.id })).items[0]!;
    const edited = dataOf(await updateDraft(db, manager, { id: document.id, rev: "A", version: 1, note: "First issue" }));
    expect(edited).toMatchObject({ note: "First issue", version: 2 });
    expect(inEnglish(await updateDraft(db, manager, { id: document.id, rev: a.id, version: 1, note: "Stale" }))).toMatchObject({ ok: false, error: { code: "conflict" } });
    dataOf(await validateRevision(db, lead, { objectId: document.id, revisionId: a.id, version: 2 }));
    expect(inEnglish(await updateDraft(db, manager, { id: document.id, rev: "A", version: 3, note: "After validation" }))).toEqual(notDraft);
  });

  it("validates for a completed workflow without access checks, and refuses what is no draft", async () => {
    const { world, lead, viewer, document } = await documentWorld(db);
    const a = dataOf(await listRevisions(db, lead, { id: document.id })).items[0]!;
    // A Viewer could never validate; the workflow's responsible validates through markRevisionValidated.
    const marked = dataOf(await markRevisionValidated(db, { organizationId: world.organizationId, objectId: document.id, revisionId: a.id, validatedById: viewer.id }));
    expect(marked).toMatchObject({ status: "validated", validatedById: viewer.id });
    expect(inEnglish(await markRevisionValidated(db, { organizationId: world.organizationId, objectId: document.id, revisionId: a.id, validatedById: lead.id }))).toEqual(notDraft);
  });

  it("has the database refuse any change to a validated revision but becoming obsolete, and any change to an obsolete one or their files", async () => {
    const { world, lead, document } = await documentWorld(db);
    const a = dataOf(await listRevisions(db, lead, { id: document.id })).items[0]!;
    await attach(db, { organizationId: world.organizationId, revisionId: a.id, uploadedById: lead.id }, "drawing.pdf", sha("b"));
    dataOf(await validateRevision(db, lead, { objectId: document.id, revisionId: a.id, version: 1 }));
    const refused = async (statement: ReturnType<typeof sql>) => {
      await expect(db.transaction(async (tx) => void (await tx.execute(statement)))).rejects.toThrow();
    };
    const id = a.id;
    await refused(sql`update document_revisions set note = 'rewritten' where id = ${id}`);
    await refused(sql`update document_revisions set status = 'draft' where id = ${id}`);
    await refused(sql`update document_revisions set label = 'Z' where id = ${id}`);
    await refused(sql`update document_revisions set status = 'obsolete', obsoleted_at = now(), note = 'sneaky' where id = ${id}`);
    await refused(sql`delete from document_files where revision_id = ${id}`);
    await refused(sql`update document_files set file_name = 'other.pdf' where revision_id = ${id}`);
    await refused(
      sql`insert into document_files (organization_id, revision_id, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by_id)
          values (${world.organizationId}, ${id}, 'late.pdf', 'application/pdf', 1, ${sha("c")}, ${`sha256/cc/${sha("c")}`}, ${lead.id})`,
    );
    // Becoming obsolete is the one change allowed; after it, nothing changes any more.
    await db.execute(sql`update document_revisions set status = 'obsolete', obsoleted_at = now(), updated_at = now(), version = version + 1 where id = ${id}`);
    await refused(sql`update document_revisions set status = 'validated', obsoleted_at = null where id = ${id}`);
    await refused(sql`update document_revisions set updated_at = now() where id = ${id}`);
    const [row] = await db.select({ note: documentRevisions.note, status: documentRevisions.status }).from(documentRevisions).where(eq(documentRevisions.id, id));
    expect(row).toEqual({ note: null, status: "obsolete" });
  });

  it("compares two revisions: files added, removed and changed by SHA-256, and the properties recorded at validation", async () => {
    const { world, lead, document } = await documentWorld(db);
    const material = await world.addProperty("document", "Material", "text");
    const a = dataOf(await listRevisions(db, lead, { id: document.id })).items[0]!;
    const owner = { organizationId: world.organizationId, uploadedById: lead.id };
    await attach(db, { ...owner, revisionId: a.id }, "drawing.pdf", sha("1"));
    await attach(db, { ...owner, revisionId: a.id }, "notes.txt", sha("2"));
    await attach(db, { ...owner, revisionId: a.id }, "bom.csv", sha("3"));
    const withMaterial = dataOf(await updateObjectProperties(db, lead, { id: document.id, version: document.version, properties: { [material.id]: "Steel" } }));
    dataOf(await validateRevision(db, lead, { objectId: document.id, revisionId: a.id, version: 1 }));
    const b = dataOf(await openNextDraft(db, lead, { id: document.id }));
    await db.transaction(async (tx) => {
      await tx.delete(documentFiles).where(and(eq(documentFiles.revisionId, b.id), eq(documentFiles.fileName, "notes.txt")));
      await tx.delete(documentFiles).where(and(eq(documentFiles.revisionId, b.id), eq(documentFiles.fileName, "drawing.pdf")));
    });
    await attach(db, { ...owner, revisionId: b.id }, "drawing.pdf", sha("4"));
    await attach(db, { ...owner, revisionId: b.id }, "model.step", sha("5"));
    dataOf(await updateObjectProperties(db, lead, { id: document.id, version: withMaterial.version, properties: { [material.id]: "Aluminium" } }));

    // The draft compares with the document as it is now.
    const compared = dataOf(await compareRevisions(db, lead, { id: document.id, from: "A", to: "B" }));
    expect(compared.from).toMatchObject({ label: "A", status: "validated" });
    expect(compared.files.added.map((file) => file.fileName)).toEqual(["model.step"]);
    expect(compared.files.removed.map((file) => file.fileName)).toEqual(["notes.txt"]);
    expect(compared.files.changed.map((change) => [change.fileName, change.before.sha256, change.after.sha256])).toEqual([["drawing.pdf", sha("1"), sha("4")]]);
    expect(compared.files.unchanged).toBe(1);
    expect(compared.properties).toEqual({ recorded: true, title: null, changes: [{ propertyId: material.id, before: "Steel", after: "Aluminium" }] });

    const byId = dataOf(await compareRevisions(db, lead, { id: document.id, from: b.id, to: a.id }));
    expect(byId.files.added.map((file) => file.fileName)).toEqual(["notes.txt"]);
  });

  it("answers not_found for every revision and file route of a document the caller cannot view, and forbidden for a visible one it may not change", async () => {
    const { lead, document, tokenLike } = await documentWorld(db);
    const a = dataOf(await listRevisions(db, lead, { id: document.id })).items[0]!;
    const outsider = await tokenLike(lead, "manager", ["Toulouse"]);
    const viewer = await tokenLike(lead, "viewer", ["Lyon"]);
    const modifier = await tokenLike(lead, "manager", ["Lyon"]);
    const params = { id: document.id, rev: "A" };
    const multipart = { contentType: "multipart/form-data; boundary=x", body: "--x--\r\n" };
    const fileParams = { ...params, fileId: "00000000-0000-4000-8000-000000000000" };

    const calls = (token: string) => [
      callRoute(listRoute, { id: document.id }, token),
      callRoute(openRoute, { id: document.id }, token, { method: "POST", json: {} }),
      callRoute(getRoute, params, token),
      callRoute(patchRoute, params, token, { method: "PATCH", json: { version: 1, note: "x" } }),
      callRoute(validateRoute, params, token, { method: "POST", json: { version: 1 } }),
      callRoute(filesRoute, params, token),
      callRoute(uploadRoute, params, token, { method: "POST", ...multipart }),
      callRoute(deleteFileRoute, fileParams, token, { method: "DELETE", query: "?version=1" }),
      callRoute(compareRoute, { id: document.id }, token, { query: "?from=A&to=A" }),
    ];
    for (const response of await Promise.all(calls(outsider))) {
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: objectNotFound.error });
    }
    const asViewer = await Promise.all(calls(viewer));
    expect(asViewer.map((response) => response.status)).toEqual([200, 403, 200, 403, 403, 200, 403, 403, 200]);

    // A Manager with Modify opens and edits drafts, uploads, but validating needs Full access.
    const validate = await callRoute(validateRoute, params, modifier, { method: "POST", json: { version: 1 } });
    expect(validate.status).toBe(403);
    const listed = (await (await callRoute(listRoute, { id: document.id }, viewer)).json()) as { items: { id: string; label: string }[]; nextCursor: null };
    expect(listed).toMatchObject({ items: [{ id: a.id, label: "A" }], nextCursor: null });
  });

  it("checks API inputs: missing or stale version, unknown fields, a revision that does not exist", async () => {
    const { lead, document, tokenLike } = await documentWorld(db);
    const token = await tokenLike(lead, "manager", ["Lyon"]);
    const missing = await callRoute(patchRoute, { id: document.id, rev: "A" }, token, { method: "PATCH", json: { note: "x" } });
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ error: { fields: { version: expect.any(String) } } });
    const unknown = await callRoute(patchRoute, { id: document.id, rev: "A" }, token, { method: "PATCH", json: { version: 1, note: "x", status: "validated" } });
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toMatchObject({ error: { fields: { status: "Unknown field: remove it, or check its spelling." } } });
    const stale = await callRoute(patchRoute, { id: document.id, rev: "A" }, token, { method: "PATCH", json: { version: 7, note: "x" } });
    expect(stale.status).toBe(409);
    const noSuch = await callRoute(getRoute, { id: document.id, rev: "Q" }, token);
    expect(noSuch.status).toBe(404);
    expect(await noSuch.json()).toEqual({ error: { code: "not_found", message: "This revision does not exist on this document." } });
    const badRef = await callRoute(getRoute, { id: document.id, rev: "../etc" }, token);
    expect(badRef.status).toBe(422);
    const opened = await callRoute(openRoute, { id: document.id }, token, { method: "POST", json: { note: "B?" } });
    expect(opened.status).toBe(409);
  });
});
