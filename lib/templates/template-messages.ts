/** Messages the template services share, so pages, actions and the API word them the same way. */
export const templateNotFoundMessage = "This template does not exist.";
export const staleTemplateMessage = "This template was changed by someone else since you opened it. Reload it to see the changes.";
export const templatesAdminOnlyMessage = "Only Admins manage templates.";
