/** Refusals of the comment services (catalogue keys), worded the same on pages, in actions and in the API. */
export const commentNotFoundMessage = "activity.errors.commentNotFound";
export const notYourCommentMessage = "activity.errors.notYourComment";
export const editWindowClosedMessage = "activity.errors.editWindowClosed";
export const staleCommentMessage = "activity.errors.staleComment";
