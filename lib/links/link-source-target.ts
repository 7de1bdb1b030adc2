import "server-only";
import type { ObjectTargetLoader } from "@/lib/gate/gate-context";
import { linkSourceId } from "./guarded-link-write";

/**
 * The gate's target for a change to one link of an object (`id`: either end): the link's source, on which link access
 * is decided whichever end the request names. Null (not found) for a link that is not this object's.
 */
export const linkSourceTarget: ObjectTargetLoader<{ id: string; linkId: string }> = (input, { db, organizationId }) =>
  linkSourceId(db, { organizationId, objectId: input.id, linkId: input.linkId });
