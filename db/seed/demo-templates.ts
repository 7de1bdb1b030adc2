import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objectTemplates, templateScopeSites, type ObjectType } from "@/db/schema";
import type { SiteName } from "./demo-sites";

export interface DemoTemplates {
  /** The default template of each type, made by createOrganization. */
  standard: Record<ObjectType, string>;
  confidentialDocument: string;
  lyonSharedParts: string;
}

/** Shows every default-scope kind: creator's sites (the standard ones), organisation, owner and fixed sites. */
export async function seedTemplates(
  tx: Executor,
  organizationId: string,
  siteIds: Record<SiteName, string>,
  createdAt: Date,
): Promise<DemoTemplates> {
  const defaults = await tx
    .select({ id: objectTemplates.id, objectType: objectTemplates.objectType })
    .from(objectTemplates)
    .where(and(eq(objectTemplates.organizationId, organizationId), eq(objectTemplates.isDefault, true)));
  const standard = Object.fromEntries(defaults.map(({ objectType, id }) => [objectType, id])) as Record<ObjectType, string>;

  await tx
    .update(objectTemplates)
    .set({ defaultScopeKind: "organization" })
    .where(and(eq(objectTemplates.organizationId, organizationId), eq(objectTemplates.id, standard.workflow)));

  const confidentialDocument = randomUUID();
  const lyonSharedParts = randomUUID();
  await tx.insert(objectTemplates).values([
    {
      id: confidentialDocument,
      organizationId,
      objectType: "document",
      name: "Confidential document",
      defaultScopeKind: "owner",
      createdAt,
      updatedAt: createdAt,
    },
    {
      id: lyonSharedParts,
      organizationId,
      objectType: "part",
      name: "Lyon shared parts",
      defaultScopeKind: "sites",
      createdAt,
      updatedAt: createdAt,
    },
  ]);
  await tx.insert(templateScopeSites).values({ organizationId, templateId: lyonSharedParts, siteId: siteIds.Lyon });
  return { standard, confidentialDocument, lyonSharedParts };
}
