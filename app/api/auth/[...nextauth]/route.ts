import { handlers } from "@/lib/auth/auth";

// The Auth.js endpoints (OIDC redirects and callbacks, CSRF, session): a named exemption of the gate.
export const { GET, POST } = handlers;
