import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  accessRules,
  propertyDefinitions,
  propertyOptions,
  type AccessLevel,
  type PropertyTarget,
  type PropertyType,
  type RuleObjectCondition,
  type RulePropertyMatch,
  type RuleUserCondition,
} from "@/db/schema";

export interface PropertyFacts {
  id: string;
  appliesTo: PropertyTarget;
  type: PropertyType;
  /** Option id → lower-cased label, for choice properties. */
  optionLabels: Map<string, string>;
}

export interface RuleFacts {
  id: string;
  name: string;
  level: AccessLevel;
  users: RuleUserCondition;
  objects: RuleObjectCondition;
  match: RulePropertyMatch[];
}

/** What every decision in one organisation reads: its enabled rules and its property definitions. */
export interface AuthzContext {
  organizationId: string;
  authzVersion: number;
  rules: RuleFacts[];
  properties: Map<string, PropertyFacts>;
}

const cache = new Map<string, { version: number; context: Promise<AuthzContext> }>();

/** Loads the organisation's rules and properties, straight from the database. */
export async function loadAuthzContext(db: Executor, organizationId: string, authzVersion: number): Promise<AuthzContext> {
  const [rules, definitions, options] = await Promise.all([
    db
      .select()
      .from(accessRules)
      .where(and(eq(accessRules.organizationId, organizationId), eq(accessRules.enabled, true)))
      .orderBy(asc(accessRules.position), asc(accessRules.createdAt)),
    db.select().from(propertyDefinitions).where(eq(propertyDefinitions.organizationId, organizationId)),
    db.select().from(propertyOptions).where(eq(propertyOptions.organizationId, organizationId)),
  ]);
  const properties = new Map<string, PropertyFacts>();
  for (const definition of definitions) {
    properties.set(definition.id, { id: definition.id, appliesTo: definition.appliesTo, type: definition.type, optionLabels: new Map() });
  }
  for (const option of options) properties.get(option.propertyId)?.optionLabels.set(option.id, option.label.trim().toLowerCase());
  return {
    organizationId,
    authzVersion,
    rules: rules.map(({ id, name, level, users, objects, match }) => ({ id, name, level, users, objects, match })),
    properties,
  };
}

/**
 * The organisation's context for an authorization version. Every change that can alter a decision bumps the
 * version, and each request reads the current version with the acting user, so a cached context is never stale.
 */
export function authzContextFor(db: Executor, organizationId: string, authzVersion: number): Promise<AuthzContext> {
  const cached = cache.get(organizationId);
  if (cached && cached.version === authzVersion) return cached.context;
  const context = loadAuthzContext(db, organizationId, authzVersion);
  cache.set(organizationId, { version: authzVersion, context });
  context.catch(() => cache.delete(organizationId));
  return context;
}

/**
 * Drops the organisation's cached context when a newer authorization version is announced (NOTIFY from any
 * instance): memory is freed at once, and the next request loads the new rules. Correctness does not wait for it —
 * each request compares the cached version with the one it read — but a cache never outlives a change.
 */
export function forgetStaleAuthzContext(organizationId: string, announcedVersion: number): void {
  const cached = cache.get(organizationId);
  if (cached && cached.version < announcedVersion) cache.delete(organizationId);
}

/** Whether a context is cached for the organisation (tests and diagnostics). */
export function cachedAuthzVersion(organizationId: string): number | null {
  return cache.get(organizationId)?.version ?? null;
}
