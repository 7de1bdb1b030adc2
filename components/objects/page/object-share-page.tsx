import type { ObjectPageContext } from "@/lib/gate/object-page-gate";
import type { ObjectHeader as ObjectHeaderFacts } from "@/lib/objects/load-object-header";
import type { SearchParams } from "@/lib/objects/object-list-url";
import { ShareMenu } from "../share/share-menu";
import { ShareTab } from "../share/share-tab";
import { ObjectHeader } from "./object-header";

/** The Share tab of an object: its header, then the scope, the rules that apply and the effective-access checker. */
export async function ObjectSharePage({ context, facts, searchParams }: { context: ObjectPageContext; facts: ObjectHeaderFacts; searchParams: SearchParams }) {
  return (
    <div className="space-y-6">
      <ObjectHeader context={context} facts={facts} tab="share" shareControl={<ShareMenu context={context} />} />
      <ShareTab context={context} searchParams={searchParams} />
    </div>
  );
}
