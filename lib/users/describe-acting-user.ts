import type { ActingUser } from "@/lib/auth/acting-user";

/** The caller as `GET /api/v1/me` answers it (API.md). */
export function describeActingUser(user: ActingUser) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    signInMethod: user.signInMethod,
    siteIds: user.siteIds,
    properties: user.properties,
    active: true,
  };
}
