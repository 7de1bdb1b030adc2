import { DocumentPreviewPanel } from "@/components/documents/document-preview-panel";
import { DocumentRevisionsPanel } from "@/components/documents/document-revisions-panel";
import { WorkflowPanel } from "@/components/workflows/workflow-panel";
import type { ObjectPageContext } from "@/lib/gate/object-page-gate";
import type { ObjectHeader as ObjectHeaderFacts } from "@/lib/objects/load-object-header";
import { ActivityFeed } from "../activity/activity-feed";
import { DetailsPanel } from "../details/details-panel";
import { ProjectTasksPanel } from "../details/project-tasks-panel";
import { ReferencedByPanel } from "../details/referenced-by-panel";
import { ObjectEditPanel } from "../edit/object-edit-panel";
import { LinksPanel } from "../links/links-panel";
import { ShareMenu } from "../share/share-menu";
import { ObjectHeader } from "./object-header";
import { ObjectProperties } from "./object-properties";

/**
 * An object's main tab: its type's details, its properties (and the edit form when the caller may edit), a project's
 * tasks, what it is linked to and what names it, and its activity feed. Each panel loads its own data through its
 * service with the page gate's decision, and shows only the controls the caller's access allows.
 */
export async function ObjectOverview({ context, facts }: { context: ObjectPageContext; facts: ObjectHeaderFacts }) {
  return (
    <div className="space-y-6">
      <ObjectHeader context={context} facts={facts} tab="overview" shareControl={<ShareMenu context={context} />} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <DetailsPanel context={context} />
          <DocumentPreviewPanel context={context} />
          <DocumentRevisionsPanel context={context} />
          <WorkflowPanel context={context} />
          <ObjectProperties object={context.object} definitions={facts.properties} relations={facts.relations} />
          <ObjectEditPanel context={context} />
          <ProjectTasksPanel context={context} />
          <LinksPanel context={context} />
          <ReferencedByPanel context={context} />
        </div>
        <div className="min-w-0 space-y-6">
          <ActivityFeed context={context} />
        </div>
      </div>
    </div>
  );
}
