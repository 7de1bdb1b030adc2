// The operator CLI: `npm run ops -- <command>`. Runs against the same database the app uses
// (DATABASE_URL, else the embedded one under .data/, which only one process may open at a time).
import { parseArgs } from "node:util";
import { closeDb, driverName, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { DatabaseBusyError } from "@/db/pglite-lock";
import { demoAccounts, demoPassword } from "@/db/seed/demo-accounts";
import { seedDemo } from "@/db/seed/demo";
import { organizations } from "@/db/schema";
import { createOrganization } from "@/lib/organizations/create-organization";
import { setOrganizationSso } from "@/lib/organizations/set-organization-sso";
import type { AppError } from "@/lib/result";
import { reactivateUser } from "@/lib/users/reactivate-user";

const usage = `Usage: npm run ops -- <command>

Commands:
  migrate                                    apply pending database migrations
  create-org <name> --admin <email>          create an organisation and its first Admin
      [--admin-name <name>] [--time-zone <IANA zone>]
                                             (prints the Admin's one-time initial password)
  list-orgs                                  list organisations (name, slug, SSO issuer)
  set-sso <org-slug> --issuer <url> --client-id <id> --client-secret <secret> [--label <text>]
      [--claims-source userinfo|id_token] [--email-verified-claim <claim>]   (Entra ID: id_token, xms_edov)
                                             set the organisation's OpenID Connect provider; the IdP's
                                             redirect URI is <public URL>/api/auth/callback/sso-<org-slug>
  clear-sso <org-slug>                       remove the organisation's OpenID Connect provider
  reactivate-user <email>                    reactivate a deactivated account (support path)
  seed-demo                                  seed the demo organisation if this deployment never had it
  help                                       show this text`;

class UsageError extends Error {}

function describe(error: AppError): string {
  const fields = Object.entries(error.fields ?? {}).map(([field, message]) => `\n  ${field}: ${message}`);
  return `${error.message}${fields.join("")}`;
}

async function openMigrated() {
  const db = await getDb();
  await migrateDatabase(db);
  return db;
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "migrate": {
      await openMigrated();
      console.log(`Migrations applied (${driverName() === "postgres" ? "PostgreSQL" : "embedded PGlite"}).`);
      return 0;
    }
    case "create-org": {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { admin: { type: "string" }, "admin-name": { type: "string" }, "time-zone": { type: "string" } },
      });
      const name = positionals.join(" ").trim();
      if (!name || !values.admin) throw new UsageError("create-org needs a name and --admin <email>.");
      const db = await openMigrated();
      const result = await createOrganization(db, {
        name,
        adminEmail: values.admin,
        adminName: values["admin-name"],
        timeZone: values["time-zone"],
      });
      if (!result.ok) {
        console.error(`Could not create the organisation: ${describe(result.error)}`);
        return 1;
      }
      const { organization, admin, initialPassword } = result.data;
      console.log(`Created organisation “${organization.name}” (${organization.id}).`);
      console.log(`First Admin: ${admin.email}`);
      console.log(`Initial password (shown once, not stored in clear): ${initialPassword}`);
      return 0;
    }
    case "list-orgs": {
      const db = await openMigrated();
      const rows = await db.select().from(organizations).orderBy(organizations.createdAt);
      if (rows.length === 0) console.log("No organisation yet: create one with create-org.");
      for (const org of rows) console.log(`${org.slug.padEnd(28)} ${org.name}${org.ssoIssuer ? `  (SSO: ${org.ssoIssuer})` : ""}`);
      return 0;
    }
    case "set-sso":
    case "clear-sso": {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          issuer: { type: "string" },
          "client-id": { type: "string" },
          "client-secret": { type: "string" },
          label: { type: "string" },
          "claims-source": { type: "string" },
          "email-verified-claim": { type: "string" },
        },
      });
      const [slug] = positionals;
      if (!slug) throw new UsageError(`${command} needs the organisation's slug.`);
      const settings =
        command === "clear-sso"
          ? null
          : {
              issuer: values.issuer ?? "",
              clientId: values["client-id"] ?? "",
              clientSecret: values["client-secret"] ?? "",
              buttonLabel: values.label,
              claimsSource: values["claims-source"] as "userinfo" | "id_token" | undefined,
              emailVerifiedClaim: values["email-verified-claim"],
            };
      const result = await setOrganizationSso(await openMigrated(), slug, settings);
      if (!result.ok) {
        console.error(`Could not ${command === "set-sso" ? "set" : "clear"} SSO: ${describe(result.error)}`);
        return 1;
      }
      console.log(
        result.data.providerId
          ? `SSO set for ${slug}. Register this redirect URI at the IdP: <public URL>/api/auth/callback/${result.data.providerId}`
          : `SSO removed for ${slug}.`,
      );
      return 0;
    }
    case "reactivate-user": {
      const [email] = rest;
      if (!email) throw new UsageError("reactivate-user needs an e-mail address.");
      const result = await reactivateUser(await openMigrated(), email);
      if (!result.ok) {
        console.error(`Could not reactivate: ${result.error.message}`);
        return 1;
      }
      console.log(`Reactivated ${result.data.email}. They can sign in again.`);
      return 0;
    }
    case "seed-demo": {
      const { seeded } = await seedDemo(await openMigrated(), { password: demoPassword() });
      console.log(seeded ? "Seeded the demo organisation." : "The demo organisation was already seeded: nothing to do.");
      if (seeded) for (const account of demoAccounts) console.log(`  ${account.email}  ${account.description}`);
      return 0;
    }
    case undefined:
    case "help":
    case "--help":
      console.log(usage);
      return command === undefined ? 1 : 0;
    default:
      throw new UsageError(`Unknown command “${command}”.`);
  }
}

async function main(): Promise<void> {
  let code: number;
  try {
    code = await run(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${usage}`);
      code = 2;
    } else if (error instanceof DatabaseBusyError) {
      console.error(error.message);
      code = 3;
    } else {
      console.error(error);
      code = 1;
    }
  }
  await closeDb().catch(() => undefined);
  process.exit(code);
}

void main();
