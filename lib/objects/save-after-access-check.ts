import "server-only";
import { ok, type Result } from "@/lib/result";
import type { ObjectAccessImpact } from "./object-access-impact";

/** What a form's save answers: saved, or the access change to confirm first (the warning, with its counts). */
export type AccessCheckedSave<T> = { status: "saved"; saved: T } | { status: "confirm"; impact: ObjectAccessImpact; token: string };

/** Names the counts a user confirmed: a second submit saves only if the change still does exactly that. */
export function accessChangeToken(impact: ObjectAccessImpact): string {
  return [impact.objectId, ...impact.levels.map((entry) => `${entry.level}:+${entry.gained}-${entry.lost}`)].join(" ");
}

/**
 * The two steps of the edit and scope forms (issue 15, point 7): a change that alters who can access the object is
 * not saved until the user has seen how many users gain or lose which level and confirmed it ("Save anyway"); a change
 * that alters nobody's access is saved at once. `preview` is null when the draft touches nothing access depends on.
 * A confirmation made for other counts than the change has now (someone changed rules or members meanwhile) is asked
 * again with the new ones.
 */
export async function saveAfterAccessCheck<T>(steps: {
  preview: (() => Promise<Result<ObjectAccessImpact>>) | null;
  confirmedToken: string | undefined;
  save: () => Promise<Result<T>>;
}): Promise<Result<AccessCheckedSave<T>>> {
  if (steps.preview) {
    const previewed = await steps.preview();
    if (!previewed.ok) return previewed;
    const token = accessChangeToken(previewed.data);
    if (previewed.data.changesAccess && steps.confirmedToken !== token) return ok({ status: "confirm", impact: previewed.data, token });
  }
  const saved = await steps.save();
  return saved.ok ? ok({ status: "saved", saved: saved.data }) : saved;
}
