import type { ObjectPageContext } from "@/lib/gate/object-page-gate";

/** The preview of a document revision's files, with its watermarks (being built, #16). */
export async function DocumentPreviewPanel({ context }: { context: ObjectPageContext }) {
  void context;
  return null;
}
