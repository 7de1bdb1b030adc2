import { z } from "zod";
import { revisionStatuses } from "@/db/schema/enums";
import type { compareRevisions } from "@/lib/documents/compare-revisions";
import type { getRevision } from "@/lib/documents/get-revision";
import type { validateRevisionRequest } from "@/lib/documents/validate-revision-request";
import { describes, type ResponseDeclarations, type ServiceData } from "../response-schema";
import { id, instant, namedRef, page, propertyValues, version } from "./common-schemas";

// A document's revisions and their files.

const revisionStatus = z.enum(revisionStatuses);

const storedFile = z.strictObject({
  id,
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: instant,
  uploadedBy: namedRef,
});

const revision = describes<ServiceData<typeof getRevision>>()(
  z.strictObject({
    id,
    objectId: id,
    label: z.string(),
    sequence: z.number().int(),
    status: revisionStatus,
    note: z.string().nullable(),
    createdAt: instant,
    createdBy: namedRef,
    validatedAt: instant.nullable(),
    validatedBy: namedRef.nullable(),
    obsoletedAt: instant.nullable(),
    snapshot: z
      .strictObject({ title: z.string(), properties: propertyValues })
      .nullable()
      .meta({ description: "The document's title and properties recorded at validation." }),
    version,
    files: z.array(storedFile),
  }),
);

const revisionRef = z.strictObject({ id, label: z.string(), status: revisionStatus });

const comparison = describes<ServiceData<typeof compareRevisions>>()(
  z.strictObject({
    from: revisionRef,
    to: revisionRef,
    files: z.strictObject({
      added: z.array(storedFile),
      removed: z.array(storedFile),
      changed: z.array(z.strictObject({ fileName: z.string(), before: storedFile, after: storedFile })),
      unchanged: z.number().int(),
    }),
    properties: z.strictObject({
      recorded: z.boolean(),
      title: z.strictObject({ before: z.string(), after: z.string() }).nullable(),
      changes: z.array(z.strictObject({ propertyId: id, before: z.unknown(), after: z.unknown() })),
    }),
  }),
);

const validated = describes<ServiceData<typeof validateRevisionRequest>>()(
  z.strictObject({
    id,
    objectId: id,
    label: z.string(),
    status: revisionStatus,
    version,
    validatedAt: instant.nullable(),
    validatedById: id.nullable(),
  }),
);

export const revisionResponses: ResponseDeclarations = {
  "GET /api/v1/objects/{id}/revisions": { summary: "A document's revisions, newest first, with their files", schema: page(revision) },
  "POST /api/v1/objects/{id}/revisions": { summary: "Open a document's next draft revision", schema: revision, errors: ["conflict"] },
  "GET /api/v1/objects/{id}/revisions/compare": { summary: "What changed between two revisions", schema: comparison },
  "GET /api/v1/objects/{id}/revisions/{rev}": { summary: "One revision (by id or label), with its files", schema: revision },
  "PATCH /api/v1/objects/{id}/revisions/{rev}": { summary: "Edit a draft's note", schema: revision },
  "POST /api/v1/objects/{id}/revisions/{rev}/validate": { summary: "Validate a draft revision", schema: validated },
  "GET /api/v1/objects/{id}/revisions/{rev}/files": { summary: "A revision's files", schema: page(storedFile) },
  "POST /api/v1/objects/{id}/revisions/{rev}/files": {
    summary: "Upload files to a draft (multipart/form-data, one or more `file` parts)",
    schema: revision,
    errors: ["conflict"],
  },
  "DELETE /api/v1/objects/{id}/revisions/{rev}/files/{fileId}": { summary: "Remove a file from a draft", schema: revision },
};
