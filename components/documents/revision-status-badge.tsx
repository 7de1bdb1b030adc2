import type { RevisionStatus } from "@/db/schema";

const tones: Record<RevisionStatus, string> = {
  draft: "bg-amber-100 text-amber-900",
  validated: "bg-green-100 text-green-900",
  obsolete: "bg-gray-100 text-gray-700",
};

/** A revision's status as a coloured word (the word carries the meaning; the colour only helps). */
export function RevisionStatusBadge({ status, label }: { status: RevisionStatus; label: string }) {
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${tones[status]}`}>{label}</span>;
}
