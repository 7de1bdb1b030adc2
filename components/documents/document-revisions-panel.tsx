import type { ObjectPageContext } from "@/lib/gate/object-page-gate";

/** A document's revisions, their files and what changed between two of them (being built, #16). */
export async function DocumentRevisionsPanel({ context }: { context: ObjectPageContext }) {
  void context;
  return null;
}
