// Sign-in accounts for the HTTP benchmarks on the seeded database: the seed makes its users without passwords (nothing
// signs in during `bench:authz`), so `bench:pages` gives the broad and narrow users one before it signs in as them.
import { inArray } from "drizzle-orm";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import type { BenchHandle } from "./database";
import type { BenchMarker } from "./seed";

/** The password of the benchmark's sign-in accounts; the benchmark database is never a deployment. */
export const benchPassword = process.env.BENCH_PASSWORD ?? "bench-pages-2026";

export interface BenchAccount {
  email: string;
  password: string;
  siteIds: string[];
}

/** Sets `benchPassword` on the broad and narrow users (every run, so a changed password applies) and names them. */
export async function setBenchPasswords(handle: BenchHandle, marker: BenchMarker): Promise<{ broad: BenchAccount; narrow: BenchAccount }> {
  const ids = [marker.broadUserId, marker.narrowUserId];
  await handle.db.update(users).set({ passwordHash: await hashPassword(benchPassword) }).where(inArray(users.id, ids));
  const rows = await handle.client<{ id: string; email: string; siteIds: string[] }[]>`
    select u.id, u.email, coalesce(array_agg(us.site_id order by us.site_id) filter (where us.site_id is not null), '{}') as "siteIds"
    from users u left join user_sites us on us.user_id = u.id
    where u.id in ${handle.client(ids)}
    group by u.id, u.email`;
  const account = (id: string): BenchAccount => {
    const row = rows.find((candidate) => candidate.id === id);
    if (!row) throw new Error(`The benchmark user ${id} is missing; run \`npm run bench:authz -- --reseed\`.`);
    return { email: row.email, password: benchPassword, siteIds: row.siteIds };
  };
  return { broad: account(marker.broadUserId), narrow: account(marker.narrowUserId) };
}
