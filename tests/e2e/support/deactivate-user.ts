// `tsx --conditions=react-server tests/e2e/support/deactivate-user.ts <email> [--admin <email>]`, with DATABASE_URL:
// deactivates an account through the user service the admin panel calls, as the demo Admin, from a process other
// than any running app instance. What it owned and its open tasks go to that Admin. Prints the outcome as JSON.
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { closeDb, getDb, type Database } from "@/db/client";
import { organizations, users } from "@/db/schema";
import { actingUserFacts, actingUserOf, type ActingUser } from "@/lib/auth/acting-user";
import { deactivateUser } from "@/lib/users/deactivate-user";

/** The Admin as the gate would hand it to the service (lib/auth/acting-user.ts), read from the database. */
async function actingUserByEmail(db: Database, email: string): Promise<ActingUser | null> {
  const [row] = await db
    .select(actingUserFacts)
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  // No request, so no usage session: the service never reads it.
  return row?.user.active ? actingUserOf(row, null) : null;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { admin: { type: "string", default: "admin@demo.test" } } });
  const [email] = positionals;
  if (!email || !process.env.DATABASE_URL) {
    console.error("Usage: DATABASE_URL=… tsx --conditions=react-server tests/e2e/support/deactivate-user.ts <email> [--admin <email>]");
    return 2;
  }
  const db = await getDb();
  const admin = await actingUserByEmail(db, values.admin);
  if (!admin) {
    console.error(`No active account ${values.admin}.`);
    return 1;
  }
  const [target] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  if (!target) {
    console.error(`No account ${email}.`);
    return 1;
  }
  const result = await deactivateUser(db, admin, { userId: target.id, newOwnerId: admin.id, newAssigneeId: admin.id });
  console.log(JSON.stringify(result));
  return result.ok ? 0 : 1;
}

try {
  process.exitCode = await main();
} finally {
  await closeDb();
}
