import { date, foreignKey, index, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, instant, primaryId, updatedAt } from "./columns";
import { manufacturingOrderStatusEnum, partStatusEnum, productStatusEnum, projectStatusEnum } from "./enums";
import { objects } from "./objects";
import { organizations, sites, teams, users } from "./tenancy";

// Per-type details. Each row shares its object's id; the common columns (title, owner, scope…) stay in `objects`.

export const parts = pgTable(
  "parts",
  {
    objectId: uuid().primaryKey(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    status: partStatusEnum().notNull().default("in_design"),
    unit: text().notNull().default("pc"),
    material: text(),
  },
  (t) => [
    foreignKey({
      name: "parts_object_fk",
      columns: [t.organizationId, t.objectId],
      foreignColumns: [objects.organizationId, objects.id],
    }).onDelete("cascade"),
  ],
);

export const products = pgTable(
  "products",
  {
    objectId: uuid().primaryKey(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    status: productStatusEnum().notNull().default("development"),
    statusChangedAt: instant().notNull().defaultNow(),
  },
  (t) => [
    index("products_org_status_idx").on(t.organizationId, t.status),
    foreignKey({
      name: "products_object_fk",
      columns: [t.organizationId, t.objectId],
      foreignColumns: [objects.organizationId, objects.id],
    }).onDelete("cascade"),
  ],
);

export const projects = pgTable(
  "projects",
  {
    objectId: uuid().primaryKey(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    teamId: uuid(),
    status: projectStatusEnum().notNull().default("planned"),
    startDate: date({ mode: "string" }),
    dueDate: date({ mode: "string" }),
  },
  (t) => [
    unique("projects_org_object_unique").on(t.organizationId, t.objectId),
    index("projects_org_team_idx").on(t.organizationId, t.teamId),
    foreignKey({
      name: "projects_object_fk",
      columns: [t.organizationId, t.objectId],
      foreignColumns: [objects.organizationId, objects.id],
    }).onDelete("cascade"),
    // No ON DELETE action: SET NULL would null organization_id too (it is part of the key). Deleting a team clears
    // its projects' team first (lib/teams/delete-team.ts).
    foreignKey({
      name: "projects_team_fk",
      columns: [t.organizationId, t.teamId],
      foreignColumns: [teams.organizationId, teams.id],
    }),
  ],
);

/** Tasks of a project; completion % is done tasks over all tasks. */
export const projectTasks = pgTable(
  "project_tasks",
  {
    id: primaryId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    projectId: uuid().notNull(),
    title: text().notNull(),
    assigneeId: uuid(),
    dueDate: date({ mode: "string" }),
    doneAt: instant(),
    position: integer().notNull().default(0),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("project_tasks_project_idx").on(t.projectId, t.position),
    index("project_tasks_assignee_idx").on(t.organizationId, t.assigneeId),
    foreignKey({
      name: "project_tasks_project_fk",
      columns: [t.organizationId, t.projectId],
      foreignColumns: [projects.organizationId, projects.objectId],
    }).onDelete("cascade"),
    foreignKey({
      name: "project_tasks_assignee_fk",
      columns: [t.organizationId, t.assigneeId],
      foreignColumns: [users.organizationId, users.id],
    }),
  ],
);

export const manufacturingOrders = pgTable(
  "manufacturing_orders",
  {
    objectId: uuid().primaryKey(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** The product being made (an object of type product). */
    productObjectId: uuid(),
    quantity: integer().notNull(),
    siteId: uuid(),
    status: manufacturingOrderStatusEnum().notNull().default("planned"),
    plannedStart: date({ mode: "string" }),
    plannedEnd: date({ mode: "string" }),
    startedAt: instant(),
    finishedAt: instant(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("manufacturing_orders_org_status_idx").on(t.organizationId, t.status),
    foreignKey({
      name: "manufacturing_orders_object_fk",
      columns: [t.organizationId, t.objectId],
      foreignColumns: [objects.organizationId, objects.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "manufacturing_orders_product_fk",
      columns: [t.organizationId, t.productObjectId],
      foreignColumns: [objects.organizationId, objects.id],
    }),
    foreignKey({
      name: "manufacturing_orders_site_fk",
      columns: [t.organizationId, t.siteId],
      foreignColumns: [sites.organizationId, sites.id],
    }),
  ],
);
