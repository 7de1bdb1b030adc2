import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { accessRules } from "@/db/schema";
import { everyObject, everyUser, type RuleDefinition } from "@/lib/access-rules/default-rules";
import type { DemoProperties } from "./demo-properties";

const noUserCondition = { ...everyUser, all: false };

/** The demo organisation's rules (SPEC §9), in place of the default "Everyone — Full access". */
function demoRules(properties: DemoProperties): RuleDefinition[] {
  return [
    { name: "Everyone — View — all objects", level: "view", users: everyUser, objects: everyObject, match: [] },
    {
      name: "Admins — Full access — all objects",
      level: "full",
      users: { ...noUserCondition, roles: ["admin"] },
      objects: everyObject,
      match: [],
    },
    {
      name: "Managers — Modify — parts, products, projects, manufacturing orders, workflows",
      level: "modify",
      users: { ...noUserCondition, roles: ["manager"] },
      objects: { types: ["part", "product", "project", "manufacturing_order", "workflow"], properties: [] },
      match: [],
    },
    {
      name: "Toulouse edits Toulouse documents",
      level: "modify",
      users: {
        ...noUserCondition,
        properties: [{ propertyId: properties.user.siteTag.id, in: [properties.user.siteTag.option.Toulouse] }],
      },
      objects: {
        types: ["document"],
        properties: [{ propertyId: properties.document.siteTag.id, in: [properties.document.siteTag.option.Toulouse] }],
      },
      match: [],
    },
  ];
}

export async function seedRules(
  tx: Executor,
  organizationId: string,
  adminId: string,
  properties: DemoProperties,
  createdAt: Date,
): Promise<void> {
  await tx.delete(accessRules).where(eq(accessRules.organizationId, organizationId));
  await tx.insert(accessRules).values(
    demoRules(properties).map((rule, position) => ({
      organizationId,
      ...rule,
      position,
      createdById: adminId,
      createdAt,
      updatedAt: createdAt,
    })),
  );
}
