import { z } from "zod";
import { propertyTypes } from "@/db/schema/enums";
import type { deleteProperty } from "@/lib/properties/delete-property";
import type { getProperty } from "@/lib/properties/list-properties";
import type { listSitesPage } from "@/lib/sites/list-sites";
import type { deleteTeam } from "@/lib/teams/delete-team";
import type { listTeamsPage } from "@/lib/teams/list-teams";
import type { getTemplate } from "@/lib/templates/list-templates";
import type { deactivateUser } from "@/lib/users/deactivate-user";
import type { describeActingUser } from "@/lib/users/describe-acting-user";
import type { getUser } from "@/lib/users/get-user";
import type { getView } from "@/lib/views/list-views";
import { viewFilterOps } from "@/lib/views/view-fields";
import { describes, type ResponseDeclarations, type ServiceData } from "../response-schema";
import { defaultScopeKind, deletedRecord, id, instant, objectType, page, propertyTarget, propertyValues, role, signInMethod, userKind, version } from "./common-schemas";

// The caller, and what Admins set up: sites, users, properties, teams, saved views, templates.

const me = describes<ReturnType<typeof describeActingUser>>()(
  z.strictObject({ id, email: z.string(), name: z.string(), role, signInMethod, siteIds: z.array(id), properties: propertyValues, active: z.boolean() }),
);

const site = describes<ServiceData<typeof listSitesPage>["items"][number]>()(
  z.strictObject({ id, name: z.string(), timeZone: z.string(), archived: z.boolean(), version, userIds: z.array(id) }),
);

const user = describes<ServiceData<typeof getUser>>()(
  z.strictObject({
    id,
    email: z.string(),
    name: z.string(),
    role,
    kind: userKind,
    signInMethod,
    siteIds: z.array(id),
    primarySiteId: id.nullable(),
    properties: propertyValues,
    active: z.boolean(),
    version,
    createdAt: instant,
    updatedAt: instant,
  }),
);

const deactivation = describes<ServiceData<typeof deactivateUser>>()(
  z.strictObject({
    userId: id,
    reassignedObjects: z.number().int(),
    reassignedWorkflows: z.number().int(),
    reassignedTasks: z.number().int(),
    endedSessions: z.number().int(),
  }),
);

const property = describes<ServiceData<typeof getProperty>>()(
  z.strictObject({
    id,
    name: z.string(),
    appliesTo: propertyTarget,
    type: z.enum(propertyTypes),
    options: z.array(z.strictObject({ id, label: z.string() })).optional(),
    targetType: propertyTarget.optional(),
    position: z.number().int(),
    version,
  }),
);

const propertyDeletion = describes<ServiceData<typeof deleteProperty>>()(
  z.strictObject({
    id,
    removedValues: z.strictObject({ users: z.number().int(), objects: z.number().int(), templates: z.number().int(), views: z.number().int() }),
  }),
);

const team = describes<ServiceData<typeof listTeamsPage>["items"][number]>()(z.strictObject({ id, name: z.string(), version, userIds: z.array(id) }));

const teamDeletion = describes<ServiceData<typeof deleteTeam>>()(z.strictObject({ id, name: z.string() }));

const view = describes<ServiceData<typeof getView>>()(
  z.strictObject({
    id,
    name: z.string(),
    objectType,
    shared: z.boolean(),
    ownerId: id.nullable(),
    columns: z.array(z.string()),
    filters: z.array(z.strictObject({ field: z.string(), op: z.enum(viewFilterOps), value: z.unknown().optional() })),
    sort: z.array(z.strictObject({ field: z.string(), direction: z.enum(["asc", "desc"]) })),
    version,
  }),
);

const template = describes<ServiceData<typeof getTemplate>>()(
  z.strictObject({
    id,
    objectType,
    name: z.string(),
    isDefault: z.boolean(),
    defaultScope: z.strictObject({ kind: defaultScopeKind, siteIds: z.array(id).optional() }),
    defaultProperties: propertyValues,
    version,
  }),
);

export const workspaceSettingsResponses: ResponseDeclarations = {
  "GET /api/v1/me": { summary: "The caller", schema: me },
  "GET /api/v1/sites": { summary: "List sites", schema: page(site) },
  "POST /api/v1/sites": { summary: "Create a site (Admin)", schema: site },
  "PATCH /api/v1/sites/{id}": { summary: "Change a site (Admin)", schema: site },
  "GET /api/v1/users": { summary: "List users", schema: page(user) },
  "POST /api/v1/users": { summary: "Create a user (Admin)", schema: user, errors: ["conflict"] },
  "GET /api/v1/users/{id}": { summary: "Read a user", schema: user },
  "PATCH /api/v1/users/{id}": { summary: "Edit a user (Admin)", schema: user },
  "POST /api/v1/users/{id}/deactivate": { summary: "Deactivate a user (Admin)", schema: deactivation, errors: ["conflict"] },
  "GET /api/v1/properties": { summary: "List property definitions", schema: page(property) },
  "POST /api/v1/properties": { summary: "Create a property definition (Admin)", schema: property },
  "GET /api/v1/properties/{id}": { summary: "Read a property definition", schema: property },
  "PATCH /api/v1/properties/{id}": { summary: "Edit a property definition (Admin)", schema: property },
  "DELETE /api/v1/properties/{id}": { summary: "Delete a property definition and its values (Admin)", schema: propertyDeletion },
  "GET /api/v1/teams": { summary: "List teams", schema: page(team) },
  "POST /api/v1/teams": { summary: "Create a team (Admin)", schema: team },
  "PATCH /api/v1/teams/{id}": { summary: "Edit a team (Admin)", schema: team },
  "DELETE /api/v1/teams/{id}": { summary: "Delete a team (Admin)", schema: teamDeletion },
  "GET /api/v1/views": { summary: "List saved views", schema: page(view) },
  "POST /api/v1/views": { summary: "Save a view", schema: view },
  "GET /api/v1/views/{id}": { summary: "Read a saved view", schema: view },
  "PATCH /api/v1/views/{id}": { summary: "Edit a saved view", schema: view },
  "DELETE /api/v1/views/{id}": { summary: "Delete a saved view", schema: deletedRecord },
  "GET /api/v1/templates": { summary: "List object templates", schema: page(template) },
  "GET /api/v1/templates/{id}": { summary: "Read an object template", schema: template },
  "PATCH /api/v1/templates/{id}": { summary: "Edit an object template (Admin)", schema: template },
};
