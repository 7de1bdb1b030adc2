/** The words of the user services' refusals (SPEC §1), shared by the pages, the API and the tests. */
export const kindChangeMessage =
  "A shared-computer account cannot become a personal account, or the other way round: create a new account and deactivate this one.";
export const serviceKindChangeMessage = "An integration's service account cannot become a shared-computer account.";
export const duplicateEmailMessage = "Another account already uses this e-mail address.";
export const staleUserMessage = "This account was changed by someone else since you opened it. Reload and try again.";
export const deactivatedUserMessage = "This account is deactivated: it cannot be changed here. Only support can reactivate it.";
export const adminsOnlyMessage = "Only Admins can manage accounts.";
export const userNotFoundMessage = "This user does not exist.";
