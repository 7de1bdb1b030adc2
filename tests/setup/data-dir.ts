import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Global set-up of the integration projects: the files tests store (uploads, the demo's drawings, preview images) go
 * to a folder of this run, removed at teardown, never to the working tree's .data that `npm start` uses. The
 * workers inherit the setting; a run given ATELIER_DATA_DIR keeps it.
 */
export default function setup(): (() => void) | undefined {
  if (process.env.ATELIER_DATA_DIR) return undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-tests-"));
  process.env.ATELIER_DATA_DIR = dataDir;
  return () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    delete process.env.ATELIER_DATA_DIR;
  };
}
