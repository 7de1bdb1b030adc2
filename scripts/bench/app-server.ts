// The built app served by scripts/server.mjs for the HTTP benchmarks, and a password sign-in against it.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");

/**
 * Starts the production server on 127.0.0.1:`port` with the given data folder and extra environment (a database,
 * seeding, limits), fresh secrets, and resolves once it listens (it prints "Ready: http" after preparing the database).
 */
export function startAppServer(port: number, dataDir: string, extraEnv: Record<string, string>): Promise<ChildProcess> {
  const server = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_MANUAL_SIG_HANDLE: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOST: "127.0.0.1",
      ATELIER_DATA_DIR: dataDir,
      AUTH_SECRET: crypto.randomBytes(32).toString("base64"),
      AUTH_TRUST_HOST: "true",
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 240_000);
    server.stderr!.on("data", (chunk) => (output += chunk.toString()));
    server.stdout!.on("data", (chunk) => {
      output += chunk.toString();
      if (output.includes("Ready: http")) {
        clearTimeout(timer);
        resolve(server);
      }
    });
    server.on("exit", (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
  });
}

/** Signs in through Auth.js's credentials callback, as the sign-in form does; returns the session cookie. */
export async function signInWithPassword(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const answer = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; "), origin: base },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }),
  });
  const session = answer.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0]!)
    .find((cookie) => cookie.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in as ${email} failed (${answer.status} ${answer.headers.get("location") ?? ""})`);
  return session;
}
