import "server-only";
import { randomUUID } from "node:crypto";
import type { Executor } from "@/db/client";
import { sites } from "@/db/schema";

const demoSites = [
  { name: "Toulouse", timeZone: "Europe/Paris", workdayStartUtcHour: 7 },
  { name: "Lyon", timeZone: "Europe/Paris", workdayStartUtcHour: 7 },
  { name: "Montréal", timeZone: "America/Toronto", workdayStartUtcHour: 13 },
] as const;

export type SiteName = (typeof demoSites)[number]["name"];
export const siteNames: readonly SiteName[] = demoSites.map((site) => site.name);

export function workdayStartUtcHour(site: SiteName): number {
  return demoSites.find((candidate) => candidate.name === site)?.workdayStartUtcHour ?? 8;
}

export async function seedSites(tx: Executor, organizationId: string, createdAt: Date): Promise<Record<SiteName, string>> {
  const ids = { Toulouse: randomUUID(), Lyon: randomUUID(), "Montréal": randomUUID() } satisfies Record<SiteName, string>;
  await tx.insert(sites).values(
    demoSites.map((site) => ({
      id: ids[site.name],
      organizationId,
      name: site.name,
      timeZone: site.timeZone,
      createdAt,
      updatedAt: createdAt,
    })),
  );
  return ids;
}
