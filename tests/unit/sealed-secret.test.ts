import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { authSecret } from "@/lib/secrets/auth-secret";
import { isSealed, openSecret, sealSecret } from "@/lib/secrets/sealed-secret";

const secret = "a-deployment-auth-secret-of-enough-length";

describe("sealed secrets", () => {
  it("open to the sealed text, and two seals of the same text differ", () => {
    const first = sealSecret("client-secret-à-ü", "sso-client-secret", secret);
    const second = sealSecret("client-secret-à-ü", "sso-client-secret", secret);
    expect(isSealed(first)).toBe(true);
    expect(first).not.toContain("client-secret");
    expect(first).not.toBe(second);
    expect(openSecret(first, "sso-client-secret", secret)).toEqual({ ok: true, secret: "client-secret-à-ü" });
    expect(openSecret(second, "sso-client-secret", secret)).toEqual({ ok: true, secret: "client-secret-à-ü" });
  });

  it("do not open under another AUTH_SECRET, and say so", () => {
    const sealed = sealSecret("s3cret", "sso-client-secret", secret);
    expect(openSecret(sealed, "sso-client-secret", `${secret}-rotated`)).toEqual({ ok: false, reason: "other_key" });
  });

  it("refuse any altered part: ciphertext, tag (also cut short) or iv", () => {
    const sealed = sealSecret("s3cret-value", "sso-client-secret", secret);
    const [scheme, version, keyId, iv, tag, ciphertext] = sealed.split(":") as [string, string, string, string, string, string];
    const flip = (part: string) => {
      const bytes = Buffer.from(part, "base64url");
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString("base64url");
    };
    const variants = [
      [scheme, version, keyId, iv, tag, flip(ciphertext)],
      [scheme, version, keyId, iv, flip(tag), ciphertext],
      [scheme, version, keyId, iv, Buffer.from(tag, "base64url").subarray(0, 4).toString("base64url"), ciphertext],
      [scheme, version, keyId, flip(iv), tag, ciphertext],
      [scheme, version, keyId, iv, tag],
    ];
    for (const parts of variants) expect(openSecret(parts.join(":"), "sso-client-secret", secret)).toEqual({ ok: false, reason: "altered" });
  });

  it("pass a value stored before sealing existed through as it is", () => {
    expect(openSecret("legacy-plain-secret", "sso-client-secret", secret)).toEqual({ ok: true, secret: "legacy-plain-secret" });
  });
});

describe("authSecret", () => {
  const saved = { AUTH_SECRET: process.env.AUTH_SECRET, ATELIER_DATA_DIR: process.env.ATELIER_DATA_DIR };
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it("is the environment's AUTH_SECRET, else the data directory's file, created once like npm start does", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-secret-"));
    process.env.ATELIER_DATA_DIR = dir;
    process.env.AUTH_SECRET = "from-the-environment";
    expect(authSecret()).toBe("from-the-environment");

    delete process.env.AUTH_SECRET;
    const created = authSecret();
    expect(created).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(fs.readFileSync(path.join(dir, "auth-secret"), "utf8")).toBe(`${created}\n`);
    expect(fs.statSync(path.join(dir, "auth-secret")).mode & 0o777).toBe(0o600);
    expect(authSecret()).toBe(created);
    fs.rmSync(dir, { recursive: true });
  });
});
