/** The user services' refusals (SPEC §1) that several services or routes share: catalogue keys (adminUsers.errors). */
export const kindChangeMessage = "adminUsers.errors.kindChange";
export const serviceKindChangeMessage = "adminUsers.errors.serviceKindChange";
export const duplicateEmailMessage = "adminUsers.errors.duplicateEmail";
export const staleUserMessage = "adminUsers.errors.stale";
export const deactivatedUserMessage = "adminUsers.errors.deactivatedAccount";
export const adminsOnlyMessage = "adminUsers.errors.adminsOnly";
export const userNotFoundMessage = "adminUsers.errors.notFound";
export const lastAdminMessage = "adminUsers.errors.lastAdmin";
