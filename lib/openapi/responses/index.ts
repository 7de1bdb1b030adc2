import type { ResponseDeclarations } from "../response-schema";
import { accessRuleResponses } from "./access-rules";
import { analyticsResponses } from "./analytics";
import { apiDescriptionResponses } from "./api-description";
import { documentResponses } from "./documents";
import { fileResponses } from "./files";
import { notificationResponses } from "./notifications";
import { integrationResponses } from "./integrations";
import { exportsAuditResponses } from "./exports-audit";
import { objectRecordResponses } from "./object-records";
import { objectResponses } from "./objects";
import { watermarkResponses } from "./watermarks";
import { workflowResponses } from "./workflows";
import { workspaceSettingsResponses } from "./workspace-settings";

/** Every operation's answers, keyed by "METHOD /api/v1/path/{param}"; one file per area. */
export const responseDeclarations: ResponseDeclarations = {
  ...workspaceSettingsResponses,
  ...accessRuleResponses,
  ...objectResponses,
  ...objectRecordResponses,
  ...apiDescriptionResponses,
  ...watermarkResponses,
  ...notificationResponses,
  ...documentResponses,
  ...workflowResponses,
  ...integrationResponses,
  ...exportsAuditResponses,
  ...fileResponses,
  ...analyticsResponses,
};
