import { and, eq, or, sql, type SQL } from "drizzle-orm";
import { intArray } from "@/db/array-parameters";
import { objects } from "@/db/schema";
import type { AuthzContext } from "@/lib/authz/authz-context";
import { planRules, type PlannedRule, type RuleSubject } from "@/lib/authz/plan";
import { siteMask, someSiteAmongSql } from "./scope-tables";

/*
 * The previewing user's view. SPEC §3 exempts nobody, Admins included: the preview's figures and samples cover only
 * the objects its viewer can view now — what the visibility predicate (lib/authz/predicate.ts) lists for them at
 * view_no_download under the current rules, not the draft. Counting the others would tell an Admin that objects
 * hidden from them exist, and, through drafts naming property values, what their values are.
 *
 * The predicate's two halves follow the lines the preview already reads objects by. The rule half reads only an
 * object's type and properties, so it is decided per property map, when the candidate maps are chosen
 * (object-tuples.ts). The scope half reads the scope kind, owner and scope site numbers, all held by
 * objects_live_impact_idx, so it joins the WHERE of every pass over the objects at the price of a bit test.
 */

export interface ImpactViewer {
  id: string;
  /** The viewer's planned rules: each grants view_no_download at least, so any one lets an object be seen. */
  rules: readonly PlannedRule[];
  /** The numbers (`sites.number`) of the viewer's sites. */
  siteNumbers: number[];
  /** The width of the site masks: one more than the organisation's highest site number. */
  siteNumberWidth: number;
}

export function impactViewer(subject: RuleSubject, context: AuthzContext, siteNumber: ReadonlyMap<string, number>, siteNumberWidth: number): ImpactViewer {
  return {
    id: subject.id,
    rules: planRules(subject, context).rules,
    siteNumbers: subject.siteIds.flatMap((siteId) => siteNumber.get(siteId) ?? []),
    siteNumberWidth,
  };
}

/** The predicate's scope half (`scopeSql`) on site numbers: organisation-wide, the viewer's own, or on their sites. */
export function viewerScopeSql(viewer: ImpactViewer): SQL {
  const mask = sql`${siteMask(viewer.siteNumbers, viewer.siteNumberWidth)}::varbit`;
  const onMySites =
    viewer.siteNumbers.length > 0
      ? and(eq(objects.scopeKind, "sites"), someSiteAmongSql(mask, intArray(viewer.siteNumbers), objects.scopeSiteNumbers))
      : undefined;
  return or(eq(objects.scopeKind, "organization"), eq(objects.ownerId, viewer.id), onMySites)!;
}
