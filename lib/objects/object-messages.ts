/** Messages the object services share, so pages, actions and the API word them the same way. */
export const staleObjectMessage = "This object was changed by someone else since you opened it. Reload it to see the changes.";

/** A write that found its object changed between the access check and the write, with no version to compare. */
export const concurrentChangeMessage = "This object changed while you were saving. Reload it and try again.";

/** The creator of an object that no access rule lets them see (SPEC §3: it is not shown, not even its reference). */
export const createdButInvisibleMessage =
  "Created, but no access rule lets you see it: it is visible only to the users the access rules and its scope allow. Ask an Admin if you need access.";
