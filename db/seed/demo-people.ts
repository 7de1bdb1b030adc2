import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users, userSites, type Role, type UserKind } from "@/db/schema";
import { demoAccounts } from "./demo-accounts";
import type { Department, DemoProperties } from "./demo-properties";
import { siteNames, type SiteName } from "./demo-sites";

export interface DemoPerson {
  id: string;
  email: string;
  name: string;
  role: Role;
  kind: UserKind;
  /** The first one is the primary site. */
  sites: SiteName[];
  department: Department;
  /** How often the person signs in at the end of the six months (fewer at the start: usage grows). */
  sessionsPerWeek: number;
}

type PersonSpec = Omit<DemoPerson, "id">;

function asSiteName(name: string): SiteName {
  const site = siteNames.find((candidate) => candidate === name);
  if (!site) throw new Error(`Unknown demo site ${name}`);
  return site;
}

function fromDemoAccount(email: string, name: string, department: Department, sessionsPerWeek: number): PersonSpec {
  const account = demoAccounts.find((candidate) => candidate.email === email);
  if (!account) throw new Error(`${email} is not a demo account`);
  const kind = account.role === "shared_computer" ? "shared" : "person";
  return { email, name, role: account.role, kind, sites: account.sites.map(asSiteName), department, sessionsPerWeek };
}

function person(name: string, role: Role, sites: SiteName[], department: Department, sessionsPerWeek: number): PersonSpec {
  const email = `${name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/ /g, ".")}@demo.test`;
  return { email, name, role, kind: "person", sites, department, sessionsPerWeek };
}

export const adminEmail = "admin@demo.test";

const people: PersonSpec[] = [
  fromDemoAccount(adminEmail, "Alice Admin", "Engineering", 5),
  fromDemoAccount("manager@demo.test", "Mathieu Manager", "Engineering", 4),
  fromDemoAccount("viewer@demo.test", "Valérie Viewer", "Quality", 2),
  fromDemoAccount("kiosk@demo.test", "Toulouse shop-floor kiosk", "Production", 9),
  person("Claire Moreau", "manager", ["Toulouse"], "Engineering", 4),
  person("Julien Petit", "manager", ["Toulouse"], "Production", 3),
  person("Sophie Laurent", "viewer", ["Toulouse"], "Quality", 2),
  person("Thomas Bernard", "viewer", ["Toulouse"], "Engineering", 3),
  person("Pierre Garnier", "manager", ["Lyon", "Toulouse"], "Purchasing", 3),
  person("Nathalie Girard", "manager", ["Lyon"], "Quality", 4),
  person("Antoine Roux", "manager", ["Lyon"], "Engineering", 4),
  person("Émilie Fournier", "viewer", ["Lyon"], "Purchasing", 2),
  person("Hugo Lefèvre", "viewer", ["Lyon"], "Production", 2),
  person("Geneviève Tremblay", "manager", ["Montréal"], "Engineering", 4),
  person("Olivier Gagnon", "manager", ["Montréal"], "Production", 3),
  person("Chloé Roy", "viewer", ["Montréal"], "Quality", 2),
  person("Samuel Côté", "viewer", ["Montréal"], "Purchasing", 1),
  {
    email: "erp-connector@demo.test",
    name: "ERP connector",
    role: "viewer",
    kind: "service",
    sites: ["Toulouse", "Lyon", "Montréal"],
    department: "Purchasing",
    sessionsPerWeek: 0,
  },
];

interface PeopleInput {
  organizationId: string;
  adminId: string;
  siteIds: Record<SiteName, string>;
  properties: DemoProperties;
  passwordHash: string;
  createdAt: Date;
}

/** Completes the admin createOrganization made and adds every other account, with sites and properties. */
export async function seedPeople(tx: Executor, input: PeopleInput): Promise<DemoPerson[]> {
  const { organizationId, siteIds, properties, createdAt } = input;
  const seeded = people.map((spec) => ({ ...spec, id: spec.email === adminEmail ? input.adminId : randomUUID() }));
  const rows = seeded.map((person) => {
    const primarySite = person.sites[0];
    return {
      id: person.id,
      organizationId,
      email: person.email,
      name: person.name,
      kind: person.kind,
      role: person.role,
      signInMethod: "password" as const,
      // A service account never signs in.
      passwordHash: person.kind === "service" ? null : input.passwordHash,
      primarySiteId: primarySite ? siteIds[primarySite] : null,
      properties: {
        ...(primarySite ? { [properties.user.siteTag.id]: properties.user.siteTag.option[primarySite] } : {}),
        [properties.user.department.id]: properties.user.department.option[person.department],
      },
      createdAt,
      updatedAt: createdAt,
    };
  });

  const [adminRow, ...others] = rows;
  if (!adminRow || adminRow.id !== input.adminId) throw new Error("the demo admin must come first");
  const { name, passwordHash, primarySiteId, properties: adminProperties, updatedAt } = adminRow;
  await tx
    .update(users)
    .set({ name, passwordHash, primarySiteId, properties: adminProperties, createdAt, updatedAt })
    .where(eq(users.id, adminRow.id));
  await tx.insert(users).values(others);
  const memberships = seeded.flatMap(({ id, sites }) => sites.map((site) => ({ userId: id, siteId: siteIds[site] })));
  await tx.insert(userSites).values(memberships.map((membership) => ({ organizationId, ...membership, createdAt })));
  return seeded;
}
