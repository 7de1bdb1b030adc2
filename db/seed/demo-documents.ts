import "server-only";
import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import { documentFiles, documentRevisions, signatures, type RevisionStatus } from "@/db/schema";
import { documentCatalog, type DocumentSpec } from "./demo-catalog-documents";
import { assigneesOf, creationMoment, momentAfter, type DemoContext } from "./demo-context";
import { demoRevisionFile } from "./demo-document-files";
import { insertInChunks } from "./demo-insert";
import { insertObjects, link, logEvent, pickOwner, scopeFor, type DemoObject } from "./demo-objects";
import type { DemoPart } from "./demo-parts";
import type { DemoPerson } from "./demo-people";
import type { DemoProduct } from "./demo-products";
import type { SiteName } from "./demo-sites";
import { dayMs } from "./demo-time";

/** Revision histories, by sequence (A, B, C); at most one draft and one validated each. */
const histories: RevisionStatus[][] = [
  ["validated"],
  ["validated", "draft"],
  ["obsolete", "validated"],
  ["draft"],
  ["obsolete", "validated", "draft"],
  ["obsolete", "obsolete", "validated"],
];
const notes = ["Initial release", "Updated after design review", "Tolerances updated after change order"];

export interface DemoRevision {
  id: string;
  label: string;
  sequence: number;
  status: RevisionStatus;
  createdAt: Date;
  validatedAt: Date | null;
  obsoletedAt: Date | null;
}

export interface DemoDocument {
  object: DemoObject;
  spec: DocumentSpec;
  revisions: DemoRevision[];
}

/** Each revision is drafted after the previous one was validated, and validated (if ever) a few days later. */
function planRevisions(ctx: DemoContext, index: number, createdAt: Date, site: SiteName): DemoRevision[] {
  const statuses = histories[index % histories.length] ?? ["draft"];
  const revisions: DemoRevision[] = [];
  let cursor = createdAt;
  for (const [sequence, status] of statuses.entries()) {
    const revisionCreatedAt = sequence === 0 ? createdAt : momentAfter(ctx, cursor, site, 5, 40);
    const validatedAt = status === "draft" ? null : momentAfter(ctx, revisionCreatedAt, site, 1, 15);
    revisions.push({
      id: randomUUID(),
      label: String.fromCharCode(65 + sequence),
      sequence,
      status,
      createdAt: revisionCreatedAt,
      validatedAt,
      obsoletedAt: null,
    });
    cursor = validatedAt ?? revisionCreatedAt;
  }
  revisions.forEach((revision, index) => {
    if (revision.status === "obsolete") revision.obsoletedAt = revisions[index + 1]?.validatedAt ?? null;
  });
  return revisions;
}

function documentOwner(ctx: DemoContext, spec: DocumentSpec): DemoPerson {
  const managers = ctx.people.filter((person) => person.role === "manager" && person.sites.includes(spec.site));
  const sameDepartment = managers.filter((person) => person.department === spec.department);
  return sameDepartment.length > 0 ? ctx.random.pick(sameDepartment) : pickOwner(ctx, spec.site);
}

/**
 * The database takes files only on drafts (validated revisions are immutable, migration 0017): each sequence's
 * revisions go in as drafts, get their files, then reach their final status — A before B, so at most one draft and
 * one validated revision per document at any moment.
 */
async function insertRevisionsWithFiles(
  ctx: DemoContext,
  revisionRows: (typeof documentRevisions.$inferInsert)[],
  fileRows: (typeof documentFiles.$inferInsert)[],
): Promise<void> {
  const lastSequence = Math.max(-1, ...revisionRows.map((row) => row.sequence));
  for (let sequence = 0; sequence <= lastSequence; sequence += 1) {
    const phase = revisionRows.filter((row) => row.sequence === sequence);
    const ids = new Set(phase.map((row) => row.id));
    await insertInChunks(ctx.tx, documentRevisions, phase.map((row) => ({ ...row, status: "draft" as const })));
    await insertInChunks(ctx.tx, documentFiles, fileRows.filter((row) => ids.has(row.revisionId)));
    for (const status of ["obsolete", "validated"] as const) {
      const reaching = phase.filter((row) => row.status === status).map((row) => row.id!);
      if (reaching.length > 0) await ctx.tx.update(documentRevisions).set({ status }).where(inArray(documentRevisions.id, reaching));
    }
  }
}

/** Documents with their revisions, related parts and products, and a few signatures given outside workflows. */
export async function seedDocuments(
  ctx: DemoContext,
  products: DemoProduct[],
  parts: DemoPart[],
  validator: DemoPerson,
): Promise<DemoDocument[]> {
  const { properties, organizationId } = ctx;
  const entries = documentCatalog.map((spec, index) => {
    const product = products.find((candidate) => candidate.spec.code === spec.family);
    const createdAt = product
      ? momentAfter(ctx, product.object.createdAt, spec.site, 1, 150)
      : creationMoment(ctx, spec.site, 10);
    const revisions = planRevisions(ctx, index, createdAt, spec.site);
    const scope = scopeFor(index, spec.site);
    const last = revisions.at(-1);
    return {
      spec,
      product,
      revisions,
      plan: {
        title: spec.title,
        owner: documentOwner(ctx, spec),
        site: spec.site,
        scope,
        templateId: scope.kind === "owner" ? ctx.templates.confidentialDocument : ctx.templates.standard.document,
        properties: {
          [properties.document.siteTag.id]: properties.document.siteTag.option[spec.site],
          [properties.document.department.id]: properties.document.department.option[spec.department],
          [properties.document.kind.id]: properties.document.kind.option[spec.kind],
        },
        createdAt,
        updatedAt: last?.validatedAt ?? last?.createdAt ?? createdAt,
      },
    };
  });
  const seeded = await insertObjects(ctx, "document", entries);

  const revisionRows: (typeof documentRevisions.$inferInsert)[] = [];
  const fileRows: (typeof documentFiles.$inferInsert)[] = [];
  const signatureRows: (typeof signatures.$inferInsert)[] = [];
  for (const { object, spec, product, revisions } of seeded) {
    for (const revision of revisions) {
      const { id, label, sequence, status, createdAt, validatedAt, obsoletedAt } = revision;
      revisionRows.push({
        id,
        organizationId,
        objectId: object.id,
        label,
        sequence,
        status,
        note: notes[sequence] ?? null,
        createdById: object.owner.id,
        validatedById: validatedAt ? validator.id : null,
        snapshot: validatedAt ? { title: object.title, properties: object.properties } : null,
        validatedAt,
        obsoletedAt,
        createdAt,
        updatedAt: obsoletedAt ?? validatedAt ?? createdAt,
      });
      fileRows.push(await demoRevisionFile(organizationId, object, spec, revision));
      if (sequence > 0) logEvent(ctx, object, "revision_created", object.owner, createdAt, { revisionId: id, label });
      if (!validatedAt) continue;
      logEvent(ctx, object, "revision_validated", validator, validatedAt, { revisionId: id, label });
      if (!ctx.random.chance(0.3)) continue;
      for (const signer of ctx.random.sample(assigneesOf(ctx, spec.site), ctx.random.int(1, 2))) {
        signatureRows.push({
          organizationId,
          revisionId: id,
          signerId: signer.id,
          decision: "approved",
          signedAt: momentAfter(ctx, createdAt, spec.site, 0, (validatedAt.getTime() - createdAt.getTime()) / dayMs),
        });
      }
    }
    const familyParts = parts.filter((part) => part.spec.family !== null && part.spec.family === spec.family);
    for (const part of ctx.random.sample(familyParts, ctx.random.int(1, 2))) {
      link(ctx, object, part.object, "related", object.owner);
    }
    if (product && spec.kind === "Specification") link(ctx, object, product.object, "related", object.owner);
  }
  await insertRevisionsWithFiles(ctx, revisionRows, fileRows);
  await insertInChunks(ctx.tx, signatures, signatureRows);
  return seeded.map(({ object, spec, revisions }) => ({ object, spec, revisions }));
}
