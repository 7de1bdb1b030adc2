import "server-only";
import { closeDb, driverName } from "@/db/client";
import { prepareDatabase } from "@/db/prepare-database";
import { demoAccounts, demoPassword } from "@/db/seed/demo-accounts";
import { publicBaseUrl } from "@/lib/auth/public-base-url";
import { listenForAuthzChanges } from "@/lib/authz/listen-for-authz-changes";
import { environmentProblems } from "@/lib/env";
import { startScheduledJobs } from "@/lib/jobs/start-scheduled-jobs";

function printBanner(demoPresent: boolean): void {
  const lines = [
    "",
    `  Atelier is starting on ${publicBaseUrl()} (database: ${driverName() === "postgres" ? "PostgreSQL" : "embedded PGlite"})`,
  ];
  if (demoPresent) {
    lines.push("", `  Demo sign-in accounts (password: ${demoPassword()}):`);
    for (const account of demoAccounts) {
      lines.push(`    ${account.email.padEnd(20)} ${account.description}`);
    }
  }
  console.log(lines.join("\n") + "\n");
}

function closeOnSignals(): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    // An unclean stop would force PGlite into crash recovery at the next start.
    closeDb()
      .catch((error: unknown) => console.error("Closing the database failed:", error))
      .finally(() => process.exit(signal === "SIGINT" ? 130 : 0));
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

/** Prepares the database and announces where Atelier answers and how to sign in to the demo. */
export async function startServer(): Promise<void> {
  // A malformed setting stops the start, naming it: the server never runs on a half-understood configuration.
  const problems = environmentProblems();
  if (problems) {
    console.error(["", "  Atelier cannot start: fix these settings (README, Configuration).", ...problems.map((line) => `    ${line}`), ""].join("\n"));
    process.exit(1);
  }
  closeOnSignals();
  const prepared = await prepareDatabase();
  await listenForAuthzChanges();
  startScheduledJobs();
  if (prepared.demoSeededNow) console.log("  Seeded the demo organisation (first start of this deployment).");
  printBanner(prepared.demoPresent);
}
