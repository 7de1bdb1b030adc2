import "server-only";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import { mentionedEmails } from "./comment-text";

/**
 * The users a comment's `@<e-mail>` mentions name: active people and shared accounts of the author's organisation
 * (integration accounts sign nobody in, and are nobody to mention). An e-mail of nobody there — unknown, deactivated,
 * or another organisation's user — resolves to nothing and stays plain text, so a mention tells nothing about
 * anyone outside the organisation.
 */
export async function resolveMentions(db: Executor, organizationId: string, body: string): Promise<string[]> {
  const emails = mentionedEmails(body);
  if (emails.length === 0) return [];
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.organizationId, organizationId),
        eq(users.active, true),
        ne(users.kind, "service"),
        inArray(sql`lower(${users.email})`, emails),
      ),
    );
  // In the order the body mentions them.
  const byEmail = new Map(rows.map((row) => [row.email.toLowerCase(), row.id]));
  return emails.flatMap((email) => byEmail.get(email) ?? []);
}
