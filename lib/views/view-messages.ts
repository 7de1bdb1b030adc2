/** Messages the saved-view services share, so pages, actions and the API word them the same way. */
export const viewNotFoundMessage = "This view does not exist.";
export const staleViewMessage = "This view was changed by someone else since you opened it. Reload it to see the changes.";
export const sharedViewsAdminOnlyMessage = "Only Admins manage shared views. Save it as a personal view instead.";
