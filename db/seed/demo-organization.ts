import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { activityEvents, objectLinks, organizations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { createOrganization } from "@/lib/organizations/create-organization";
import { seedComments } from "./demo-comments";
import type { DemoContext } from "./demo-context";
import { seedDocuments } from "./demo-documents";
import { insertInChunks } from "./demo-insert";
import { seedOrders } from "./demo-orders";
import { seedParts } from "./demo-parts";
import { adminEmail, seedPeople } from "./demo-people";
import { seedProducts } from "./demo-products";
import { seedProjects } from "./demo-projects";
import { seedProperties } from "./demo-properties";
import { createRandom } from "./demo-random";
import { seedRules } from "./demo-rules";
import { seedSessions } from "./demo-sessions";
import { seedSites } from "./demo-sites";
import { seedTeams } from "./demo-teams";
import { seedTemplates } from "./demo-templates";
import { addDays } from "./demo-time";
import { seedWorkflows } from "./demo-workflows";

const historyDays = 182;
// Any fixed seed: the same demo comes out on every deployment.
const randomSeed = 0x5eed_a7e1;

/** Writes the whole demo organisation through `tx`; returns its id. */
export async function seedDemoOrganization(tx: Executor, password: string, now: Date): Promise<string> {
  const historyStart = addDays(now, -historyDays);
  const foundedAt = addDays(historyStart, -7);

  const created = await createOrganization(tx, {
    name: "Atelier Demo Manufacturing",
    adminEmail,
    adminName: "Alice Admin",
    timeZone: "Europe/Paris",
  });
  if (!created.ok) throw new Error(`The demo organisation could not be created: ${created.error.message}`);
  const organizationId = created.data.organization.id;
  await tx.update(organizations).set({ createdAt: foundedAt }).where(eq(organizations.id, organizationId));

  const siteIds = await seedSites(tx, organizationId, foundedAt);
  const properties = await seedProperties(tx, organizationId, foundedAt);
  // argon2 is slow on purpose: one hash serves every demo account.
  const passwordHash = await hashPassword(password);
  const adminId = created.data.admin.id;
  const people = await seedPeople(tx, { organizationId, adminId, siteIds, properties, passwordHash, createdAt: foundedAt });
  const admin = people.find((person) => person.id === adminId);
  if (!admin) throw new Error("the demo admin is missing");
  const teams = await seedTeams(tx, organizationId, people, foundedAt);
  await seedRules(tx, organizationId, admin.id, properties, foundedAt);
  const templates = await seedTemplates(tx, organizationId, siteIds, foundedAt);

  const ctx: DemoContext = {
    tx,
    organizationId,
    now,
    historyStart,
    random: createRandom(randomSeed),
    siteIds,
    people,
    teams,
    properties,
    templates,
    events: [],
    links: [],
  };
  const products = await seedProducts(ctx);
  const parts = await seedParts(ctx, products);
  const documents = await seedDocuments(ctx, products, parts, admin);
  const objects = [
    ...products.map(({ object }) => object),
    ...parts.map(({ object }) => object),
    ...documents.map(({ object }) => object),
    ...(await seedProjects(ctx)),
    ...(await seedOrders(ctx, products)),
    ...(await seedWorkflows(ctx, { products, parts, documents })),
  ];
  await seedComments(ctx, objects);
  await seedSessions(ctx);
  await insertInChunks(tx, objectLinks, ctx.links);
  await insertInChunks(tx, activityEvents, ctx.events);

  await recordAudit(tx, {
    organizationId,
    actorId: null,
    action: "demo.seeded",
    targetType: "organization",
    targetId: organizationId,
    after: { users: people.length, objects: objects.length },
  });
  return organizationId;
}
