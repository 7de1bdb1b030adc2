import type { ObjectPageContext } from "@/lib/gate/object-page-gate";

/** A workflow's subjects, tasks and signatures (being built, #16). */
export async function WorkflowPanel({ context }: { context: ObjectPageContext }) {
  void context;
  return null;
}
