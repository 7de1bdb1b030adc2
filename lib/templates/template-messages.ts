/** Messages the template services share (catalogue keys), so pages, actions and the API word them the same way. */
export const templateNotFoundMessage = "adminTemplates.errors.notFound";
export const staleTemplateMessage = "adminTemplates.errors.stale";
export const templatesAdminOnlyMessage = "adminTemplates.errors.adminOnly";
export const templateNameTakenMessage = "adminTemplates.errors.nameTaken";
