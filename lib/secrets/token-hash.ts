import { createHash } from "node:crypto";

/** What is stored of a bearer secret (reset link, API token): its SHA-256 in hex; the secret itself is shown once. */
export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
