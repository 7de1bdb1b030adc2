import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getSessionState, type ActingUser } from "./acting-user";
import { requestPathHeader } from "./request-path";

/**
 * For pages: the acting user, or a redirect to the sign-in page that comes back to this page afterwards and
 * says why the session ended (deactivated, idle…).
 */
export async function requireActingUser(): Promise<ActingUser> {
  const state = await getSessionState();
  if (state.status === "signed_in") return state.user;
  const params = new URLSearchParams({ callbackUrl: (await headers()).get(requestPathHeader) ?? "/" });
  if (state.status === "ended") params.set("reason", state.reason);
  redirect(`/signin?${params}`);
}
