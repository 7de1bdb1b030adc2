// Every catalogue, by language and namespace. One file per namespace and language keeps each area's words together
// (lib/i18n/messages/<locale>/<namespace>.json); tests/unit/i18n-catalogues.test.ts checks both languages hold the same keys.
import enCommon from "./en/common.json";
import enAuth from "./en/auth.json";
import enShell from "./en/shell.json";
import enHome from "./en/home.json";
import enAccount from "./en/account.json";
import enAdmin from "./en/admin.json";
import enAdminUsers from "./en/adminUsers.json";
import enAdminSites from "./en/adminSites.json";
import enAdminTeams from "./en/adminTeams.json";
import enAdminProperties from "./en/adminProperties.json";
import enAdminTemplates from "./en/adminTemplates.json";
import enAdminViews from "./en/adminViews.json";
import enAdminRules from "./en/adminRules.json";
import enObjects from "./en/objects.json";
import enErrors from "./en/errors.json";
import enMail from "./en/mail.json";
import enWorkspace from "./en/workspace.json";
import enActivity from "./en/activity.json";
import enLinks from "./en/links.json";
import enTrash from "./en/trash.json";
import enDetails from "./en/details.json";
import enShare from "./en/share.json";
import enPeople from "./en/people.json";
import enDocuments from "./en/documents.json";
import enWorkflows from "./en/workflows.json";
import enNotifications from "./en/notifications.json";
import enAnalytics from "./en/analytics.json";
import enAdminWatermarks from "./en/adminWatermarks.json";
import enAdminIntegrations from "./en/adminIntegrations.json";
import enAdminIntegrationLog from "./en/adminIntegrationLog.json";
import enAdminExports from "./en/adminExports.json";
import enAdminAudit from "./en/adminAudit.json";
import enApiDocs from "./en/apiDocs.json";
import enPreviews from "./en/previews.json";
import frCommon from "./fr/common.json";
import frAuth from "./fr/auth.json";
import frShell from "./fr/shell.json";
import frHome from "./fr/home.json";
import frAccount from "./fr/account.json";
import frAdmin from "./fr/admin.json";
import frAdminUsers from "./fr/adminUsers.json";
import frAdminSites from "./fr/adminSites.json";
import frAdminTeams from "./fr/adminTeams.json";
import frAdminProperties from "./fr/adminProperties.json";
import frAdminTemplates from "./fr/adminTemplates.json";
import frAdminViews from "./fr/adminViews.json";
import frAdminRules from "./fr/adminRules.json";
import frObjects from "./fr/objects.json";
import frErrors from "./fr/errors.json";
import frMail from "./fr/mail.json";
import frWorkspace from "./fr/workspace.json";
import frActivity from "./fr/activity.json";
import frLinks from "./fr/links.json";
import frTrash from "./fr/trash.json";
import frDetails from "./fr/details.json";
import frShare from "./fr/share.json";
import frPeople from "./fr/people.json";
import frDocuments from "./fr/documents.json";
import frWorkflows from "./fr/workflows.json";
import frNotifications from "./fr/notifications.json";
import frAnalytics from "./fr/analytics.json";
import frAdminWatermarks from "./fr/adminWatermarks.json";
import frAdminIntegrations from "./fr/adminIntegrations.json";
import frAdminIntegrationLog from "./fr/adminIntegrationLog.json";
import frAdminExports from "./fr/adminExports.json";
import frAdminAudit from "./fr/adminAudit.json";
import frApiDocs from "./fr/apiDocs.json";
import frPreviews from "./fr/previews.json";

const en = {
  common: enCommon,
  auth: enAuth,
  shell: enShell,
  home: enHome,
  account: enAccount,
  admin: enAdmin,
  adminUsers: enAdminUsers,
  adminSites: enAdminSites,
  adminTeams: enAdminTeams,
  adminProperties: enAdminProperties,
  adminTemplates: enAdminTemplates,
  adminViews: enAdminViews,
  adminRules: enAdminRules,
  objects: enObjects,
  errors: enErrors,
  mail: enMail,
  workspace: enWorkspace,
  activity: enActivity,
  links: enLinks,
  trash: enTrash,
  details: enDetails,
  share: enShare,
  people: enPeople,
  documents: enDocuments,
  workflows: enWorkflows,
  notifications: enNotifications,
  analytics: enAnalytics,
  adminWatermarks: enAdminWatermarks,
  adminIntegrations: enAdminIntegrations,
  adminIntegrationLog: enAdminIntegrationLog,
  adminExports: enAdminExports,
  adminAudit: enAdminAudit,
  apiDocs: enApiDocs,
  previews: enPreviews,
};

const fr = {
  common: frCommon,
  auth: frAuth,
  shell: frShell,
  home: frHome,
  account: frAccount,
  admin: frAdmin,
  adminUsers: frAdminUsers,
  adminSites: frAdminSites,
  adminTeams: frAdminTeams,
  adminProperties: frAdminProperties,
  adminTemplates: frAdminTemplates,
  adminViews: frAdminViews,
  adminRules: frAdminRules,
  objects: frObjects,
  errors: frErrors,
  mail: frMail,
  workspace: frWorkspace,
  activity: frActivity,
  links: frLinks,
  trash: frTrash,
  details: frDetails,
  share: frShare,
  people: frPeople,
  documents: frDocuments,
  workflows: frWorkflows,
  notifications: frNotifications,
  analytics: frAnalytics,
  adminWatermarks: frAdminWatermarks,
  adminIntegrations: frAdminIntegrations,
  adminIntegrationLog: frAdminIntegrationLog,
  adminExports: frAdminExports,
  adminAudit: frAdminAudit,
  apiDocs: frApiDocs,
  previews: frPreviews,
};

export type Messages = typeof en;

// French must hold every English key (the test compares them); its type is English's.
export const catalogues: Record<"en" | "fr", Messages> = { en, fr: fr as unknown as Messages };
