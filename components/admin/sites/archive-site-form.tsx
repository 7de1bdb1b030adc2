"use client";

import { useActionState, useState } from "react";
import { setSiteArchivedAction } from "@/app/(app)/admin/sites/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";

interface ArchiveSiteFormProps {
  site: { id: string; name: string; version: number; archived: boolean; memberCount: number };
}

/** Archive (after a confirmation that says what it does) or bring back an archived site. */
export function ArchiveSiteForm({ site }: ArchiveSiteFormProps) {
  const [state, formAction, pending] = useActionState(setSiteArchivedAction, null);
  const [confirming, setConfirming] = useState(false);
  const error = state && !state.ok ? state.error : null;

  if (site.archived) {
    return (
      <form action={formAction} className="space-y-3">
        <p className="text-sm text-gray-600">
          Unarchiving lets Admins add members again and lets the site be picked for new scopes and access rules.
        </p>
        <FormStatus error={error} />
        <button type="submit" disabled={pending} className={buttonStyles.secondary}>
          {pending ? "Unarchiving…" : "Unarchive site"}
        </button>
        <input type="hidden" name="id" value={site.id} />
        <input type="hidden" name="version" value={site.version} />
        <input type="hidden" name="archived" value="false" />
      </form>
    );
  }

  if (!confirming) {
    return (
      <div className="space-y-3">
        <p className="text-sm text-gray-600">Archive a site that closed or merged: it keeps its data and its members.</p>
        <FormStatus error={error} />
        <button type="button" onClick={() => setConfirming(true)} className={buttonStyles.secondary}>
          Archive site…
        </button>
      </div>
    );
  }

  return (
    <form action={formAction} className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4">
      <p className="text-sm font-medium text-amber-900">Archive {site.name}?</p>
      <ul className="list-disc space-y-1 pl-5 text-sm text-amber-900">
        <li>
          Its {site.memberCount} {site.memberCount === 1 ? "member keeps" : "members keep"} their membership and the access it gives to
          objects shared with the site.
        </li>
        <li>Nobody can be added to it, and it can no longer be picked for new scopes or access rules.</li>
        <li>You can unarchive it later.</li>
      </ul>
      <FormStatus error={error} />
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className={buttonStyles.danger}>
          {pending ? "Archiving…" : "Archive site"}
        </button>
        <button type="button" onClick={() => setConfirming(false)} className={buttonStyles.secondary}>
          Cancel
        </button>
      </div>
      <input type="hidden" name="id" value={site.id} />
      <input type="hidden" name="version" value={site.version} />
      <input type="hidden" name="archived" value="true" />
    </form>
  );
}
