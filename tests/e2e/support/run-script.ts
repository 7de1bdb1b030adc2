import { execFile } from "node:child_process";
import path from "node:path";
import { postgresAppDatabaseUrl } from "./e2e-env";

const root = path.resolve(import.meta.dirname, "..", "..", "..");

export interface ScriptOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a TypeScript file of this repository in a separate Node process, as the operator CLI runs
 * (`tsx --conditions=react-server`, so `server-only` modules load), against the "postgres" app's database.
 */
export function runAppScript(script: string, args: string[]): Promise<ScriptOutput> {
  return new Promise((resolve) => {
    execFile(
      path.join(root, "node_modules", ".bin", "tsx"),
      ["--conditions=react-server", script, ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: postgresAppDatabaseUrl() }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
