import "server-only";
import { usageSessions } from "@/db/schema";
import type { DemoContext } from "./demo-context";
import { insertInChunks } from "./demo-insert";
import type { DemoPerson } from "./demo-people";
import { workdayStartUtcHour, type SiteName } from "./demo-sites";
import { addDays, addMs, dayMs, hourMs, minuteMs } from "./demo-time";

const workdayHours = 9;
const networkPrefix: Record<SiteName, string> = { Toulouse: "10.31", Lyon: "10.69", "Montréal": "10.51" };
const browsers = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
];

/**
 * Sign-ins on working days over the six months, a little sparser at the start (usage grows), each 10 minutes to
 * 3 hours long, ended by sign-out or by going idle.
 */
function sessionsOf(ctx: DemoContext, person: DemoPerson, index: number): (typeof usageSessions.$inferInsert)[] {
  const { random, now, historyStart } = ctx;
  const site = person.sites[0] ?? "Toulouse";
  const clientAddress = `${networkPrefix[site]}.${1 + (index % 200)}.${random.int(10, 250)}`;
  const userAgent = random.pick(browsers);
  const span = now.getTime() - historyStart.getTime();
  const rows: (typeof usageSessions.$inferInsert)[] = [];
  for (let day = historyStart; day < now; day = addDays(day, 1)) {
    const weekday = day.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const growth = 0.55 + 0.45 * ((day.getTime() - historyStart.getTime()) / span);
    const expected = (person.sessionsPerWeek / 5) * growth;
    const count = Math.floor(expected) + (random.chance(expected % 1) ? 1 : 0);
    const workdayStart = addMs(new Date(Math.floor(day.getTime() / dayMs) * dayMs), workdayStartUtcHour(site) * hourMs);
    const slot = (workdayHours * hourMs) / Math.max(count, 1);
    for (let k = 0; k < count; k++) {
      const startedAt = addMs(workdayStart, k * slot + random.next() * slot * 0.3);
      const minutes = Math.min(10 + 170 * random.next() ** 2, (slot * 0.65) / minuteMs);
      const endedAt = addMs(startedAt, Math.round(minutes) * minuteMs);
      if (endedAt >= now) continue;
      rows.push({
        organizationId: ctx.organizationId,
        userId: person.id,
        method: "password",
        startedAt,
        lastActivityAt: endedAt,
        endedAt,
        endReason: random.chance(0.7) ? "signed_out" : "idle",
        clientAddress,
        userAgent,
      });
    }
  }
  return rows;
}

export async function seedSessions(ctx: DemoContext): Promise<void> {
  const signingIn = ctx.people.filter((person) => person.kind !== "service");
  const rows = signingIn.flatMap((person, index) => sessionsOf(ctx, person, index));
  await insertInChunks(ctx.tx, usageSessions, rows);
}
