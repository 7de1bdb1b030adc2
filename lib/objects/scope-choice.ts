import { z } from "zod";
import { scopeKinds, type ScopeKind } from "@/db/schema";

/** A scope as a user picks it (the Share menu, or a create that states one): a kind, and sites for a scope by sites. */
export interface ScopeChoice {
  kind: ScopeKind;
  siteIds?: string[];
}

export const scopeChoiceFields = {
  kind: z.enum(scopeKinds, "Pick owner, sites or organization."),
  siteIds: z.array(z.uuid("This is not a site id."), "Send site ids as a list.").max(500, "Pick at most 500 sites.").optional(),
};

/** Sites go with a scope by sites, and only with it. */
export function checkScopeChoiceSites(choice: ScopeChoice, context: z.RefinementCtx<ScopeChoice>): void {
  if (choice.kind === "sites" && (choice.siteIds ?? []).length === 0) {
    context.addIssue({ code: "custom", path: ["siteIds"], message: "Pick at least one site." });
  }
  if (choice.kind !== "sites" && (choice.siteIds ?? []).length > 0) {
    context.addIssue({ code: "custom", path: ["siteIds"], message: "Sites are only for a scope by sites." });
  }
}

/** The sites of a scope choice, each once, sorted as scopes are stored and compared (none unless by sites). */
export function scopeChoiceSiteIds(choice: ScopeChoice): string[] {
  return choice.kind === "sites" ? [...new Set(choice.siteIds)].sort() : [];
}

/** `scope` of a create: the same choices as the Share menu. */
export const scopeChoiceSchema = z.strictObject(scopeChoiceFields, "Send the scope as { kind, siteIds? }.").superRefine(checkScopeChoiceSites);
