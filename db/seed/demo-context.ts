import type { Executor } from "@/db/client";
import type { activityEvents, objectLinks } from "@/db/schema";
import type { DemoPerson } from "./demo-people";
import type { DemoProperties } from "./demo-properties";
import type { Random } from "./demo-random";
import type { SiteName } from "./demo-sites";
import type { DemoTeam, TeamName } from "./demo-teams";
import type { DemoTemplates } from "./demo-templates";
import { addDays, addMs, dayMs, duringWorkingHours, hourMs, latest } from "./demo-time";

type ActivityEventRow = typeof activityEvents.$inferInsert;
type ObjectLinkRow = typeof objectLinks.$inferInsert;

/** What the object and history seeders share; events and links are collected and written once at the end. */
export interface DemoContext {
  tx: Executor;
  organizationId: string;
  now: Date;
  /** Six months before `now`: where the history starts. */
  historyStart: Date;
  random: Random;
  siteIds: Record<SiteName, string>;
  people: DemoPerson[];
  teams: Record<TeamName, DemoTeam>;
  properties: DemoProperties;
  templates: DemoTemplates;
  events: ActivityEventRow[];
  links: ObjectLinkRow[];
}

/** Who may own objects and be responsible for workflows on a site: its Managers and the Admin. */
export function managersOf(ctx: DemoContext, site: SiteName): DemoPerson[] {
  return ctx.people.filter((person) => person.kind === "person" && person.role !== "viewer" && person.sites.includes(site));
}

/** Who may be assigned tasks (Viewer+ personal accounts, SPEC §2), on the site when it has any. */
export function assigneesOf(ctx: DemoContext, site: SiteName): DemoPerson[] {
  const personal = ctx.people.filter((person) => person.kind === "person");
  const onSite = personal.filter((person) => person.sites.includes(site));
  return onSite.length > 0 ? onSite : personal;
}

/** A moment between `from` and `to`, during working hours when that stays inside the range. */
export function momentBetween(ctx: DemoContext, from: Date, to: Date, site: SiteName): Date {
  const raw = addMs(from, ctx.random.next() * Math.max(0, to.getTime() - from.getTime()));
  const working = duringWorkingHours(ctx.random, raw, site);
  return working >= from && working <= to ? working : raw;
}

/** A creation moment in the six months of history, a little more often recent (the workspace is growing). */
export function creationMoment(ctx: DemoContext, site: SiteName, minDaysAgo = 2): Date {
  const span = (ctx.now.getTime() - ctx.historyStart.getTime()) / dayMs - minDaysAgo;
  const daysAgo = minDaysAgo + span * ctx.random.next() ** 1.3;
  return momentBetween(ctx, addDays(ctx.now, -daysAgo - 0.5), addDays(ctx.now, -daysAgo + 0.5), site);
}

/** A moment `minDays` to `maxDays` after `from`, squeezed before now when that runs into the present. */
export function momentAfter(ctx: DemoContext, from: Date, site: SiteName, minDays: number, maxDays: number): Date {
  const start = addDays(from, minDays);
  const limit = addMs(ctx.now, -hourMs);
  if (start >= limit) return latest(from, limit);
  const end = addDays(from, maxDays);
  return momentBetween(ctx, start, end < limit ? end : limit, site);
}
