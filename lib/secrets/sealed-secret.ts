import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "./auth-secret";

/*
 * Secrets Atelier must give back in clear (an IdP client secret) are stored sealed: AES-256-GCM under a key derived
 * from AUTH_SECRET for one purpose. A copy of the database alone does not reveal them, and a sealed value altered in
 * the database fails to open instead of being used.
 *
 * Stored form: `sealed:v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url). The key id (the first bytes of the key's
 * hash) tells "sealed under another AUTH_SECRET" apart from "altered".
 */

const prefix = "sealed:v1:";

export type SealedSecretPurpose = "sso-client-secret";

export type OpenedSecret = { ok: true; secret: string } | { ok: false; reason: "other_key" | "altered" };

function keyFor(purpose: SealedSecretPurpose, secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "atelier sealed secret", purpose, 32));
}

function keyIdOf(key: Buffer): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 8);
}

export function sealSecret(plaintext: string, purpose: SealedSecretPurpose, secret = authSecret()): string {
  const key = keyFor(purpose, secret);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(purpose));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [keyIdOf(key), iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")];
  return prefix + parts.join(":");
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(prefix);
}

/** The secret in clear. A value stored before sealing existed (no prefix) is returned as it is. */
export function openSecret(stored: string, purpose: SealedSecretPurpose, secret = authSecret()): OpenedSecret {
  if (!isSealed(stored)) return { ok: true, secret: stored };
  const [keyId, iv, tag, ciphertext] = stored.slice(prefix.length).split(":");
  const key = keyFor(purpose, secret);
  if (keyId !== keyIdOf(key)) return { ok: false, reason: "other_key" };
  if (iv === undefined || tag === undefined || ciphertext === undefined) return { ok: false, reason: "altered" };
  try {
    // A fixed tag length: GCM would otherwise accept a tag cut down to 4 bytes.
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const plaintext = Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]);
    return { ok: true, secret: plaintext.toString("utf8") };
  } catch {
    return { ok: false, reason: "altered" };
  }
}
