import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  accessRules,
  objectTemplates,
  objectTypes,
  propertyDefinitions,
  propertyOptions,
  sites,
  templateScopeSites,
  userSites,
  users,
  type AccessLevel,
  type DefaultScopeKind,
  type ObjectType,
  type PropertyTarget,
  type PropertyType,
  type PropertyValues,
  type Role,
  type RuleObjectCondition,
  type RulePropertyMatch,
  type RuleUserCondition,
} from "@/db/schema";
import { everyObject, everyUser } from "@/lib/access-rules/default-rules";
import type { ActingUser } from "@/lib/auth/acting-user";
import { bumpAuthzVersion } from "@/lib/authz/bump-authz-version";
import { createObject, type CreateObjectInput } from "@/lib/objects/create-object";
import type { ObjectView } from "@/lib/objects/object-view";
import { createTestOrganization } from "../fixtures/organizations";
import { dataOf } from "../fixtures/results";
import { actingUserOf, createTestUser, type TestUser } from "../fixtures/users";

// The data the object-service tests need, built exactly: an organisation of its own with its sites, default
// templates, rules, properties and users. Each test makes its own world.

export interface WorldRule {
  name?: string;
  level: AccessLevel;
  enabled?: boolean;
  users?: Partial<RuleUserCondition>;
  objects?: Partial<RuleObjectCondition>;
  match?: RulePropertyMatch[];
}

export interface WorldProperty {
  id: string;
  /** Option id by label, for choice properties. */
  option: Record<string, string>;
}

export interface WorldUserOptions {
  role?: Role;
  /** Site names; the first is the primary site. */
  sites?: string[];
  properties?: PropertyValues;
  active?: boolean;
  name?: string;
}

export const everyoneFull: WorldRule = { name: "Everyone — Full access — all objects", level: "full", users: everyUser, objects: everyObject };

export class ObjectsWorld {
  readonly siteIds: Record<string, string> = {};
  /** The default template of each type (scope: the creator's sites, as createOrganization makes them). */
  readonly templates = {} as Record<ObjectType, string>;

  private constructor(
    readonly db: Database,
    readonly organizationId: string,
  ) {}

  /** A new organisation with the given sites, one default template per type and the given rules (Everyone — Full). */
  static async create(db: Database, options: { sites?: string[]; rules?: WorldRule[] } = {}): Promise<ObjectsWorld> {
    const organization = await createTestOrganization(db, "Objects");
    const world = new ObjectsWorld(db, organization.id);
    for (const name of options.sites ?? []) await world.addSite(name);
    const rows = await db
      .insert(objectTemplates)
      .values(objectTypes.map((objectType) => ({ organizationId: organization.id, objectType, name: `Standard ${objectType}`, isDefault: true })))
      .returning({ id: objectTemplates.id, objectType: objectTemplates.objectType });
    for (const row of rows) world.templates[row.objectType] = row.id;
    await world.insertRules(options.rules ?? [everyoneFull]);
    return world;
  }

  async addSite(name: string, options: { archived?: boolean } = {}): Promise<string> {
    const [site] = await this.db
      .insert(sites)
      .values({ organizationId: this.organizationId, name, archivedAt: options.archived ? new Date() : null })
      .returning({ id: sites.id });
    this.siteIds[name] = site!.id;
    return site!.id;
  }

  site(name: string): string {
    const id = this.siteIds[name];
    if (!id) throw new Error(`no site ${name} in this world`);
    return id;
  }

  async archiveSite(name: string): Promise<void> {
    await this.db.update(sites).set({ archivedAt: new Date() }).where(eq(sites.id, this.site(name)));
  }

  private async insertRules(rules: WorldRule[]): Promise<void> {
    if (rules.length === 0) return;
    await this.db.insert(accessRules).values(
      rules.map((rule, position) => ({
        organizationId: this.organizationId,
        name: rule.name ?? `Rule ${position + 1}`,
        level: rule.level,
        enabled: rule.enabled ?? true,
        users: { ...everyUser, all: false, ...rule.users },
        objects: { ...everyObject, ...rule.objects },
        match: rule.match ?? [],
        position,
      })),
    );
  }

  /** Replaces every rule and bumps the authorization version (re-read acting users afterwards). */
  async setRules(rules: WorldRule[]): Promise<void> {
    await this.db.delete(accessRules).where(eq(accessRules.organizationId, this.organizationId));
    await this.insertRules(rules);
    await bumpAuthzVersion(this.db, this.organizationId);
  }

  async addProperty(appliesTo: PropertyTarget, name: string, type: PropertyType, options: { labels?: string[]; targetType?: PropertyTarget } = {}): Promise<WorldProperty> {
    const [definition] = await this.db
      .insert(propertyDefinitions)
      .values({ organizationId: this.organizationId, appliesTo, name, type, targetType: options.targetType ?? null })
      .returning({ id: propertyDefinitions.id });
    const option: Record<string, string> = {};
    for (const [position, label] of (options.labels ?? []).entries()) {
      const [row] = await this.db
        .insert(propertyOptions)
        .values({ organizationId: this.organizationId, propertyId: definition!.id, label, position })
        .returning({ id: propertyOptions.id });
      option[label] = row!.id;
    }
    // Rules read property definitions from the authorization context: a new one is a new version.
    await bumpAuthzVersion(this.db, this.organizationId);
    return { id: definition!.id, option };
  }

  /** A user with the given role (Manager by default), sites (first = primary) and property values. */
  async addUser(options: WorldUserOptions = {}): Promise<TestUser> {
    const user = await createTestUser(this.db, this.organizationId, {
      role: options.role ?? "manager",
      properties: options.properties,
      active: options.active,
      name: options.name,
    });
    const siteNames = options.sites ?? [];
    if (siteNames.length > 0) {
      await this.db.insert(userSites).values(siteNames.map((name) => ({ organizationId: this.organizationId, userId: user.id, siteId: this.site(name) })));
      await this.db.update(users).set({ primarySiteId: this.site(siteNames[0]!) }).where(eq(users.id, user.id));
    }
    return user;
  }

  /** The ActingUser a request of this user would carry now. */
  acting(user: TestUser): Promise<ActingUser> {
    return actingUserOf(this.db, user);
  }

  /** The acting user read again (after a change that bumped the authorization version, as a new request would). */
  async refresh(user: ActingUser): Promise<ActingUser> {
    const [row] = await this.db.select().from(users).where(eq(users.id, user.id));
    if (!row) throw new Error(`no user ${user.id}`);
    return this.acting(row);
  }

  /** A user and their acting form in one step. */
  async actor(options: WorldUserOptions = {}): Promise<ActingUser> {
    return this.acting(await this.addUser(options));
  }

  async setTemplateScope(type: ObjectType, kind: DefaultScopeKind, siteNames: string[] = [], defaultProperties: PropertyValues = {}): Promise<string> {
    const templateId = this.templates[type];
    await this.db.update(objectTemplates).set({ defaultScopeKind: kind, defaultProperties }).where(eq(objectTemplates.id, templateId));
    await this.db.delete(templateScopeSites).where(eq(templateScopeSites.templateId, templateId));
    if (siteNames.length > 0) {
      await this.db
        .insert(templateScopeSites)
        .values(siteNames.map((name) => ({ organizationId: this.organizationId, templateId, siteId: this.site(name) })));
    }
    return templateId;
  }

  async addTemplate(type: ObjectType, name: string, kind: DefaultScopeKind, siteNames: string[] = []): Promise<string> {
    const [template] = await this.db
      .insert(objectTemplates)
      .values({ organizationId: this.organizationId, objectType: type, name, defaultScopeKind: kind })
      .returning({ id: objectTemplates.id });
    if (siteNames.length > 0) {
      await this.db
        .insert(templateScopeSites)
        .values(siteNames.map((site) => ({ organizationId: this.organizationId, templateId: template!.id, siteId: this.site(site) })));
    }
    return template!.id;
  }

  async removeDefaultTemplate(type: ObjectType): Promise<void> {
    await this.db
      .update(objectTemplates)
      .set({ isDefault: false })
      .where(and(eq(objectTemplates.id, this.templates[type]), eq(objectTemplates.organizationId, this.organizationId)));
  }

  /** Creates an object through the service, expecting the creator to see it. */
  async createObject(creator: ActingUser, input: Partial<CreateObjectInput> & { title?: string } = {}): Promise<ObjectView> {
    const created = dataOf(await createObject(this.db, creator, { type: "document", title: "A document", ...input }));
    if (!created.visible) throw new Error("the creator cannot see what they created");
    return created.object;
  }
}
