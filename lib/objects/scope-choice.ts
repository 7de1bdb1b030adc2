import { z } from "zod";
import { scopeKinds, type ScopeKind } from "@/db/schema";

/** A scope as a user picks it (the Share menu, or a create that states one): a kind, and sites for a scope by sites. */
export interface ScopeChoice {
  kind: ScopeKind;
  siteIds?: string[];
}

export const scopeChoiceFields = {
  kind: z.enum(scopeKinds, "objects.scope.kindInvalid"),
  siteIds: z.array(z.uuid("objects.fields.siteIdInvalid"), "objects.scope.siteIdsNotList").max(500, "objects.scope.siteIdsTooMany").optional(),
};

/** Sites go with a scope by sites, and only with it. */
export function checkScopeChoiceSites(choice: ScopeChoice, context: z.RefinementCtx<ScopeChoice>): void {
  if (choice.kind === "sites" && (choice.siteIds ?? []).length === 0) {
    context.addIssue({ code: "custom", path: ["siteIds"], message: "objects.scope.sitesRequired" });
  }
  if (choice.kind !== "sites" && (choice.siteIds ?? []).length > 0) {
    context.addIssue({ code: "custom", path: ["siteIds"], message: "objects.scope.sitesOnlyForSites" });
  }
}

/** The sites of a scope choice, each once, sorted as scopes are stored and compared (none unless by sites). */
export function scopeChoiceSiteIds(choice: ScopeChoice): string[] {
  return choice.kind === "sites" ? [...new Set(choice.siteIds)].sort() : [];
}

/** `scope` of a create: the same choices as the Share menu. */
export const scopeChoiceSchema = z.strictObject(scopeChoiceFields, "objects.scope.notObject").superRefine(checkScopeChoiceSites);
