import type { GatedRouteHandler } from "@/lib/gate/define-route";
import * as accessRulesRoute from "@/app/api/v1/access-rules/route";
import * as accessRulesByIdRoute from "@/app/api/v1/access-rules/[id]/route";
import * as accessRulesPreviewRoute from "@/app/api/v1/access-rules/preview/route";
import * as integrationLogRoute from "@/app/api/v1/integration-log/route";
import * as integrationTokensByIdRevokeRoute from "@/app/api/v1/integration-tokens/[id]/revoke/route";
import * as integrationTokensByIdRotateRoute from "@/app/api/v1/integration-tokens/[id]/rotate/route";
import * as integrationsRoute from "@/app/api/v1/integrations/route";
import * as integrationsByIdRoute from "@/app/api/v1/integrations/[id]/route";
import * as integrationsByIdTokensRoute from "@/app/api/v1/integrations/[id]/tokens/route";
import * as auditLogRoute from "@/app/api/v1/audit-log/route";
import * as exportsByKindRoute from "@/app/api/v1/exports/[kind]/route";
import * as filesByIdDownloadRoute from "@/app/api/v1/files/[id]/download/route";
import * as filesByIdPagesRoute from "@/app/api/v1/files/[id]/pages/route";
import * as filesByIdPreviewRoute from "@/app/api/v1/files/[id]/preview/route";
import * as analyticsRoute from "@/app/api/v1/analytics/route";
import * as analyticsExportRoute from "@/app/api/v1/analytics/export/route";
import * as meRoute from "@/app/api/v1/me/route";
import * as meNotificationPreferencesRoute from "@/app/api/v1/me/notification-preferences/route";
import * as notificationsRoute from "@/app/api/v1/notifications/route";
import * as notificationsReadRoute from "@/app/api/v1/notifications/read/route";
import * as objectsRoute from "@/app/api/v1/objects/route";
import * as objectsByIdRoute from "@/app/api/v1/objects/[id]/route";
import * as objectsByIdAccessRoute from "@/app/api/v1/objects/[id]/access/route";
import * as objectsByIdAccessImpactRoute from "@/app/api/v1/objects/[id]/access-impact/route";
import * as objectsByIdCommentsRoute from "@/app/api/v1/objects/[id]/comments/route";
import * as objectsByIdCommentsByCommentIdRoute from "@/app/api/v1/objects/[id]/comments/[commentId]/route";
import * as objectsByIdDetailsRoute from "@/app/api/v1/objects/[id]/details/route";
import * as objectsByIdLinksRoute from "@/app/api/v1/objects/[id]/links/route";
import * as objectsByIdLinksByLinkIdRoute from "@/app/api/v1/objects/[id]/links/[linkId]/route";
import * as objectsByIdRestoreRoute from "@/app/api/v1/objects/[id]/restore/route";
import * as objectsByIdScopeRoute from "@/app/api/v1/objects/[id]/scope/route";
import * as objectsByIdShareRoute from "@/app/api/v1/objects/[id]/share/route";
import * as objectsByIdTasksRoute from "@/app/api/v1/objects/[id]/tasks/route";
import * as objectsCountRoute from "@/app/api/v1/objects/count/route";
import * as openapiJsonRoute from "@/app/api/v1/openapi.json/route";
import * as peopleByIdRoute from "@/app/api/v1/people/[id]/route";
import * as projectTasksByTaskIdRoute from "@/app/api/v1/project-tasks/[taskId]/route";
import * as propertiesRoute from "@/app/api/v1/properties/route";
import * as propertiesByIdRoute from "@/app/api/v1/properties/[id]/route";
import * as sitesRoute from "@/app/api/v1/sites/route";
import * as sitesByIdRoute from "@/app/api/v1/sites/[id]/route";
import * as teamsRoute from "@/app/api/v1/teams/route";
import * as teamsByIdRoute from "@/app/api/v1/teams/[id]/route";
import * as templatesRoute from "@/app/api/v1/templates/route";
import * as templatesByIdRoute from "@/app/api/v1/templates/[id]/route";
import * as trashRoute from "@/app/api/v1/trash/route";
import * as usersRoute from "@/app/api/v1/users/route";
import * as usersByIdRoute from "@/app/api/v1/users/[id]/route";
import * as usersByIdDeactivateRoute from "@/app/api/v1/users/[id]/deactivate/route";
import * as viewsRoute from "@/app/api/v1/views/route";
import * as viewsByIdRoute from "@/app/api/v1/views/[id]/route";
import * as watermarksRoute from "@/app/api/v1/watermarks/route";
import * as watermarksByIdRoute from "@/app/api/v1/watermarks/[id]/route";
import * as workflowsRoute from "@/app/api/v1/workflows/route";
import * as workflowsByIdRoute from "@/app/api/v1/workflows/[id]/route";
import * as workflowsByIdCancelRoute from "@/app/api/v1/workflows/[id]/cancel/route";
import * as workflowsByIdCompleteRoute from "@/app/api/v1/workflows/[id]/complete/route";
import * as workflowsByIdStartRoute from "@/app/api/v1/workflows/[id]/start/route";
import * as workflowsByIdTasksRoute from "@/app/api/v1/workflows/[id]/tasks/route";
import * as tasksByTaskIdCompleteRoute from "@/app/api/v1/tasks/[taskId]/complete/route";
import * as tasksByTaskIdSignRoute from "@/app/api/v1/tasks/[taskId]/sign/route";

import * as objectRevisionsRoute from "@/app/api/v1/objects/[id]/revisions/route";
import * as objectRevisionsCompareRoute from "@/app/api/v1/objects/[id]/revisions/compare/route";
import * as objectRevisionRoute from "@/app/api/v1/objects/[id]/revisions/[rev]/route";
import * as objectRevisionValidateRoute from "@/app/api/v1/objects/[id]/revisions/[rev]/validate/route";
import * as objectRevisionFilesRoute from "@/app/api/v1/objects/[id]/revisions/[rev]/files/route";
import * as objectRevisionFileRoute from "@/app/api/v1/objects/[id]/revisions/[rev]/files/[fileId]/route";
export const httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof httpMethods)[number];
export type ApiRouteModule = Partial<Record<HttpMethod, GatedRouteHandler>>;

/**
 * Every route module under app/api/v1, keyed by its path as the document writes it (`[id]` → `{id}`): the document
 * reads each handler's gate declaration from here. A new route is added by hand; tests/integration/openapi.test.ts
 * walks app/api/v1 and fails naming any route missing here.
 */
export const apiRouteModules: Record<string, ApiRouteModule> = {
  "/api/v1/access-rules": accessRulesRoute,
  "/api/v1/access-rules/{id}": accessRulesByIdRoute,
  "/api/v1/access-rules/preview": accessRulesPreviewRoute,
  "/api/v1/integration-log": integrationLogRoute,
  "/api/v1/integration-tokens/{id}/revoke": integrationTokensByIdRevokeRoute,
  "/api/v1/integration-tokens/{id}/rotate": integrationTokensByIdRotateRoute,
  "/api/v1/integrations": integrationsRoute,
  "/api/v1/integrations/{id}": integrationsByIdRoute,
  "/api/v1/integrations/{id}/tokens": integrationsByIdTokensRoute,
  "/api/v1/audit-log": auditLogRoute,
  "/api/v1/exports/{kind}": exportsByKindRoute,
  "/api/v1/files/{id}/download": filesByIdDownloadRoute,
  "/api/v1/files/{id}/pages": filesByIdPagesRoute,
  "/api/v1/files/{id}/preview": filesByIdPreviewRoute,
  "/api/v1/analytics": analyticsRoute,
  "/api/v1/analytics/export": analyticsExportRoute,
  "/api/v1/me": meRoute,
  "/api/v1/me/notification-preferences": meNotificationPreferencesRoute,
  "/api/v1/notifications": notificationsRoute,
  "/api/v1/notifications/read": notificationsReadRoute,
  "/api/v1/objects": objectsRoute,
  "/api/v1/objects/{id}": objectsByIdRoute,
  "/api/v1/objects/{id}/access": objectsByIdAccessRoute,
  "/api/v1/objects/{id}/access-impact": objectsByIdAccessImpactRoute,
  "/api/v1/objects/{id}/comments": objectsByIdCommentsRoute,
  "/api/v1/objects/{id}/comments/{commentId}": objectsByIdCommentsByCommentIdRoute,
  "/api/v1/objects/{id}/details": objectsByIdDetailsRoute,
  "/api/v1/objects/{id}/links": objectsByIdLinksRoute,
  "/api/v1/objects/{id}/links/{linkId}": objectsByIdLinksByLinkIdRoute,
  "/api/v1/objects/{id}/restore": objectsByIdRestoreRoute,
  "/api/v1/objects/{id}/scope": objectsByIdScopeRoute,
  "/api/v1/objects/{id}/share": objectsByIdShareRoute,
  "/api/v1/objects/{id}/tasks": objectsByIdTasksRoute,
  "/api/v1/objects/count": objectsCountRoute,
  "/api/v1/openapi.json": openapiJsonRoute,
  "/api/v1/people/{id}": peopleByIdRoute,
  "/api/v1/project-tasks/{taskId}": projectTasksByTaskIdRoute,
  "/api/v1/properties": propertiesRoute,
  "/api/v1/properties/{id}": propertiesByIdRoute,
  "/api/v1/sites": sitesRoute,
  "/api/v1/sites/{id}": sitesByIdRoute,
  "/api/v1/teams": teamsRoute,
  "/api/v1/teams/{id}": teamsByIdRoute,
  "/api/v1/templates": templatesRoute,
  "/api/v1/templates/{id}": templatesByIdRoute,
  "/api/v1/trash": trashRoute,
  "/api/v1/users": usersRoute,
  "/api/v1/users/{id}": usersByIdRoute,
  "/api/v1/users/{id}/deactivate": usersByIdDeactivateRoute,
  "/api/v1/views": viewsRoute,
  "/api/v1/views/{id}": viewsByIdRoute,
  "/api/v1/watermarks": watermarksRoute,
  "/api/v1/watermarks/{id}": watermarksByIdRoute,
  "/api/v1/workflows": workflowsRoute,
  "/api/v1/workflows/{id}": workflowsByIdRoute,
  "/api/v1/workflows/{id}/cancel": workflowsByIdCancelRoute,
  "/api/v1/workflows/{id}/complete": workflowsByIdCompleteRoute,
  "/api/v1/workflows/{id}/start": workflowsByIdStartRoute,
  "/api/v1/workflows/{id}/tasks": workflowsByIdTasksRoute,
  "/api/v1/tasks/{taskId}/complete": tasksByTaskIdCompleteRoute,
  "/api/v1/tasks/{taskId}/sign": tasksByTaskIdSignRoute,
  "/api/v1/objects/{id}/revisions": objectRevisionsRoute,
  "/api/v1/objects/{id}/revisions/compare": objectRevisionsCompareRoute,
  "/api/v1/objects/{id}/revisions/{rev}": objectRevisionRoute,
  "/api/v1/objects/{id}/revisions/{rev}/validate": objectRevisionValidateRoute,
  "/api/v1/objects/{id}/revisions/{rev}/files": objectRevisionFilesRoute,
  "/api/v1/objects/{id}/revisions/{rev}/files/{fileId}": objectRevisionFileRoute,
};
