import { z } from "zod";
import { revisionStatuses } from "@/db/schema/enums";
import type { compareRevisions } from "@/lib/documents/compare-revisions";
import type { getRevision } from "@/lib/documents/get-revision";
import type { listRevisions } from "@/lib/documents/list-revisions";
import type { validateRevisionRequest } from "@/lib/documents/validate-revision-request";
import { describes, type ResponseDeclarations, type ServiceData } from "../response-schema";
import { id, instant, namedRef, propertyValues, version } from "./common-schemas";

const file = z.strictObject({
  id,
  fileName: z.string(),
  contentType: z.string().meta({ description: "Sniffed from the content, checked against the name's extension." }),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: instant,
  uploadedBy: namedRef,
});

const snapshot = z.strictObject({ title: z.string(), properties: propertyValues });

const revision = describes<ServiceData<typeof getRevision>>()(
  z.strictObject({
    id,
    objectId: id,
    label: z.string(),
    sequence: z.number().int(),
    status: z.enum(revisionStatuses),
    note: z.string().nullable(),
    createdAt: instant,
    createdBy: namedRef,
    validatedAt: instant.nullable(),
    validatedBy: namedRef.nullable(),
    obsoletedAt: instant.nullable(),
    snapshot: snapshot.nullable().meta({ description: "The document's title and properties at validation; null on a draft." }),
    version,
    files: z.array(file),
  }),
);

const revisionPage = describes<ServiceData<typeof listRevisions>>()(z.strictObject({ items: z.array(revision), nextCursor: z.string().nullable() }));

const summary = describes<ServiceData<typeof validateRevisionRequest>>()(
  z.strictObject({
    id,
    objectId: id,
    label: z.string(),
    status: z.enum(revisionStatuses),
    version,
    validatedAt: instant.nullable(),
    validatedById: id.nullable(),
  }),
);

const heading = z.strictObject({ id, label: z.string(), status: z.enum(revisionStatuses) });
const comparison = describes<ServiceData<typeof compareRevisions>>()(
  z.strictObject({
    from: heading,
    to: heading,
    files: z.strictObject({
      added: z.array(file),
      removed: z.array(file),
      changed: z.array(z.strictObject({ fileName: z.string(), before: file, after: file })),
      unchanged: z.number().int(),
    }),
    properties: z.strictObject({
      recorded: z.boolean(),
      title: z.strictObject({ before: z.string(), after: z.string() }).nullable(),
      changes: z.array(z.strictObject({ propertyId: id, before: z.unknown(), after: z.unknown() })),
    }),
  }),
);

export const documentResponses: ResponseDeclarations = {
  "GET /api/v1/objects/{id}/revisions": { summary: "A document's revisions, newest first, with their files", schema: revisionPage },
  "POST /api/v1/objects/{id}/revisions": { summary: "Open the next draft revision (Modify, Manager+)", schema: revision, errors: ["conflict"] },
  "GET /api/v1/objects/{id}/revisions/compare": { summary: "What changed between two revisions: files and properties", schema: comparison },
  "GET /api/v1/objects/{id}/revisions/{rev}": { summary: "One revision (by id or label) with its files", schema: revision },
  "PATCH /api/v1/objects/{id}/revisions/{rev}": { summary: "Edit a draft's note", schema: revision, errors: ["conflict"] },
  "POST /api/v1/objects/{id}/revisions/{rev}/validate": {
    summary: "Validate a draft (Full access, Manager+); the previous validated revision becomes obsolete",
    schema: summary,
    errors: ["conflict"],
  },
  "GET /api/v1/objects/{id}/revisions/{rev}/files": { summary: "A revision's files", schema: z.strictObject({ items: z.array(file), nextCursor: z.null() }) },
  "POST /api/v1/objects/{id}/revisions/{rev}/files": {
    summary: "Upload files to a draft (multipart `file` parts; size limit per file; type sniffed from the content)",
    schema: revision,
    errors: ["conflict", "too_large"],
  },
  "DELETE /api/v1/objects/{id}/revisions/{rev}/files/{fileId}": { summary: "Remove a file from a draft", schema: revision, errors: ["conflict"] },
};
