/** Messages the saved-view services share (catalogue keys), so pages, actions and the API word them the same way. */
export const viewNotFoundMessage = "adminViews.errors.notFound";
export const staleViewMessage = "adminViews.errors.stale";
export const sharedViewsAdminOnlyMessage = "adminViews.errors.sharedAdminOnly";
