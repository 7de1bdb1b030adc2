import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/db/config";
import { env } from "@/lib/env";

/**
 * The deployment's AUTH_SECRET: from the environment (what the server is given), else from the file `npm start`
 * generates into the data directory (scripts/start.mjs), which the operator CLI reads too — creating it the same way
 * on a fresh data directory, so that the server started afterwards uses the same secret.
 */
export function authSecret(): string {
  const fromEnvironment = env().AUTH_SECRET;
  if (fromEnvironment) return fromEnvironment;
  const file = path.join(dataDir(), "auth-secret");
  // Read once per file: the session cookie is decrypted with it on every request.
  const known = fileSecrets.get(file) ?? readOrCreate(file);
  fileSecrets.set(file, known);
  return known;
}

const fileSecrets = new Map<string, string>();

function readOrCreate(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64");
  try {
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    // Another process created it meanwhile: theirs is the secret.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return fs.readFileSync(file, "utf8").trim();
  }
  return secret;
}
