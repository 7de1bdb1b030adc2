import fs from "node:fs";

/** Raised when another process (usually the running server) holds the embedded database. */
export class DatabaseBusyError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database at ${dir} is in use by another process (pid ${pid}), usually the running Atelier server. ` +
        "PGlite allows one process at a time: stop the server first, or use PostgreSQL by setting DATABASE_URL.",
    );
    this.name = "DatabaseBusyError";
  }
}

function lockPath(dir: string): string {
  return `${dir}.lock`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the single-process lock of an embedded database directory, or throws DatabaseBusyError.
 * A lock left behind by a dead process is taken over.
 */
export function acquirePgliteLock(dir: string): void {
  const file = lockPath(dir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(file, "utf8").trim());
      if (holder === process.pid) return;
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) throw new DatabaseBusyError(dir, holder);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${file}`);
}

export function releasePgliteLock(dir: string): void {
  const file = lockPath(dir);
  try {
    if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.rmSync(file, { force: true });
  } catch {
    // Already gone: nothing to release.
  }
}
