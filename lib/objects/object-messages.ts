/** Messages the object services share (catalogue keys), so pages, actions and the API word them the same way. */
export const staleObjectMessage = "objects.errors.stale";

/** A write that found its object changed between the access check and the write, with no version to compare. */
export const concurrentChangeMessage = "objects.errors.concurrentChange";

/** The creator of an object that no access rule lets them see (SPEC §3: it is not shown, not even its reference). */
export const createdButInvisibleMessage = "objects.createdButInvisible";
