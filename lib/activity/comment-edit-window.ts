/** How long after posting its author may still edit or delete a comment (issue 15). */
const commentEditWindowMinutes = 15;

const windowMs = commentEditWindowMinutes * 60 * 1000;

/** The instant after which a comment posted at `postedAt` can no longer be edited or deleted by its author. */
export function commentEditableUntil(postedAt: Date): Date {
  return new Date(postedAt.getTime() + windowMs);
}

export function isWithinEditWindow(postedAt: Date, now: Date): boolean {
  return now.getTime() < commentEditableUntil(postedAt).getTime();
}
