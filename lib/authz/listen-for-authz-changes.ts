import "server-only";
import { listenToChannel } from "@/db/client";
import { forgetStaleAuthzContext } from "./authz-context";
import { authzVersionChannel } from "./bump-authz-version";

/**
 * Makes this instance drop its cached authorization context whenever any instance bumps an organisation's
 * authorization version (bumpAuthzVersion's NOTIFY, `<organisation id>:<version>`). Started once per server.
 */
export async function listenForAuthzChanges(): Promise<void> {
  await listenToChannel(authzVersionChannel, (payload) => {
    const [organizationId, version] = payload.split(":");
    const announced = Number(version);
    if (organizationId && Number.isInteger(announced)) forgetStaleAuthzContext(organizationId, announced);
  });
}
