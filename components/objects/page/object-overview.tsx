import type { ObjectPageContext } from "@/lib/gate/object-page-gate";
import type { ObjectHeader as ObjectHeaderFacts } from "@/lib/objects/load-object-header";
import { ActivityFeed } from "../activity/activity-feed";
import { LinksPanel } from "../links/links-panel";
import { ObjectHeader } from "./object-header";
import { ObjectProperties } from "./object-properties";

/**
 * An object's main tab: its properties and type-specific details, what it is linked to, and its activity feed. Each
 * panel loads its own data through its service with the page gate's decision, and shows only the controls the
 * caller's access allows.
 */
export async function ObjectOverview({ context, facts }: { context: ObjectPageContext; facts: ObjectHeaderFacts }) {
  return (
    <div className="space-y-6">
      <ObjectHeader context={context} facts={facts} tab="overview" />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <ObjectProperties object={context.object} definitions={facts.properties} />
          <LinksPanel context={context} />
        </div>
        <div className="space-y-6">
          <ActivityFeed context={context} />
        </div>
      </div>
    </div>
  );
}
