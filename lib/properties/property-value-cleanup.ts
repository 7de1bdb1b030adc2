import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";

// Property values live in JSONB keyed by property id (SPEC §9) on users, objects and templates' defaults; saved
// views name a property as the field `properties.<id>`. These statements keep them in step with the definitions.

const carriers = [
  { table: "users", column: "properties" },
  { table: "objects", column: "properties" },
  { table: "object_templates", column: "default_properties" },
] as const;
type Carrier = (typeof carriers)[number]["table"];

function idList(ids: readonly string[]): SQL {
  return sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
}

async function countOf(db: Executor, statement: SQL): Promise<number> {
  const rows = rowsOf<{ n: number }>(await db.execute(sql`with changed as (${statement}) select count(*)::int as n from changed`));
  return Number(rows[0]?.n ?? 0);
}

/**
 * Removes the property's value from every user, object and template of the organisation, in SQL
 * (`properties - '<id>'`). Templates' versions move, since an Admin edits them. Answers how many rows lost a value.
 */
export async function removePropertyValues(db: Executor, organizationId: string, propertyId: string): Promise<Record<Carrier, number>> {
  const removed = {} as Record<Carrier, number>;
  for (const { table, column } of carriers) {
    const t = sql.identifier(table);
    const c = sql.identifier(column);
    const bump = table === "object_templates" ? sql`, version = version + 1, updated_at = now()` : sql``;
    removed[table] = await countOf(
      db,
      sql`update ${t} set ${c} = ${c} - ${propertyId}::text${bump}
          where organization_id = ${organizationId} and ${c} -> ${propertyId}::text is not null returning 1`,
    );
  }
  return removed;
}

/**
 * Removes the given options from the property's values everywhere: a single-choice value naming one goes away; a
 * multiple-choice value loses those entries (and goes away when none is left). Answers how many rows changed.
 */
export async function removeOptionValues(
  db: Executor,
  organizationId: string,
  propertyId: string,
  multiValued: boolean,
  optionIds: readonly string[],
): Promise<Record<Carrier, number>> {
  const removed = {} as Record<Carrier, number>;
  if (optionIds.length === 0) return { users: 0, objects: 0, object_templates: 0 };
  for (const { table, column } of carriers) {
    const t = sql.identifier(table);
    const c = sql.identifier(column);
    const bump = table === "object_templates" ? sql`, version = version + 1, updated_at = now()` : sql``;
    if (!multiValued) {
      removed[table] = await countOf(
        db,
        sql`update ${t} set ${c} = ${c} - ${propertyId}::text${bump}
            where organization_id = ${organizationId} and ${c} ->> ${propertyId}::text in (${idList(optionIds)}) returning 1`,
      );
      continue;
    }
    const kept = sql`coalesce((select jsonb_agg(e.value order by e.position) from jsonb_array_elements(${c} -> ${propertyId}::text)
                       with ordinality as e(value, position) where (e.value #>> '{}') not in (${idList(optionIds)})), '[]'::jsonb)`;
    removed[table] = await countOf(
      db,
      sql`update ${t} set ${c} = case when ${kept} = '[]'::jsonb then ${c} - ${propertyId}::text
                                       else jsonb_set(${c}, array[${propertyId}]::text[], ${kept}) end${bump}
          where organization_id = ${organizationId} and jsonb_typeof(${c} -> ${propertyId}::text) = 'array'
            and exists (select 1 from jsonb_array_elements_text(${c} -> ${propertyId}::text) as x(value) where x.value in (${idList(optionIds)}))
          returning 1`,
    );
  }
  return removed;
}

/** Drops the property from saved views' columns, filters and sort (it names the field `properties.<id>`). */
export async function removePropertyFromViews(db: Executor, organizationId: string, propertyId: string): Promise<number> {
  const field = `properties.${propertyId}`;
  const withoutField = (column: "filters" | "sort") => {
    const c = sql.identifier(column);
    return sql`coalesce((select jsonb_agg(e.value order by e.position) from jsonb_array_elements(${c}) with ordinality as e(value, position)
                 where e.value ->> 'field' is distinct from ${field}::text), '[]'::jsonb)`;
  };
  return countOf(
    db,
    sql`update saved_views set columns = columns - ${field}::text, filters = ${withoutField("filters")}, sort = ${withoutField("sort")},
               version = version + 1, updated_at = now()
        where organization_id = ${organizationId}
          and (columns @> ${JSON.stringify([field])}::jsonb or filters @> ${JSON.stringify([{ field }])}::jsonb
               or sort @> ${JSON.stringify([{ field }])}::jsonb)
        returning 1`,
  );
}
