import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { manufacturingOrders, objects, products } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { AnalyticsPeriod } from "./analytics-periods";
import { countedObjectsSql, type AnalyticsScope } from "./analytics-scope";
import type { ChartData } from "./analytics-data";
import { bucketColumns } from "./period-figures";
import { bucketRowsSql } from "./period-sql";

/**
 * When each object was in progress, as `(since, until, now)` rows: a product from its creation while in development
 * or prototype, until it left them (its last status change, when its status is past them); an order from its start
 * until it finished or was cancelled (its last update).
 */
function productSpansSql(counted: SQL): SQL {
  return sql`select ${objects.createdAt} as since,
      case when ${products.status} in ('development', 'prototype') then null else ${products.statusChangedAt} end as until,
      ${products.status} in ('development', 'prototype') as now
    from ${products} join ${objects} on ${objects.id} = ${products.objectId} and ${objects.organizationId} = ${products.organizationId}
    where ${counted}`;
}

function orderSpansSql(counted: SQL): SQL {
  return sql`select ${manufacturingOrders.startedAt} as since,
      case when ${manufacturingOrders.status} = 'done' then coalesce(${manufacturingOrders.finishedAt}, ${manufacturingOrders.updatedAt})
           when ${manufacturingOrders.status} = 'cancelled' then ${manufacturingOrders.updatedAt} end as until,
      ${manufacturingOrders.status} = 'in_progress' as now
    from ${manufacturingOrders} join ${objects} on ${objects.id} = ${manufacturingOrders.objectId} and ${objects.organizationId} = ${manufacturingOrders.organizationId}
    where ${counted} and ${manufacturingOrders.startedAt} is not null`;
}

async function inProgressCounts(db: Executor, spans: SQL, period: AnalyticsPeriod): Promise<{ byKey: Map<string, number>; now: number }> {
  const rows = rowsOf<{ key: string; n: number }>(
    await db.execute(sql`
      with spans as (${spans})
      select b.key, count(s.since)::int as n from ${bucketRowsSql(period)} b
      left join spans s on s.since < b.end_at and (s.until is null or s.until >= b.start_at)
      group by b.key
      union all
      select 'now', count(*)::int from spans where now`),
  );
  const byKey = new Map(rows.map((row) => [row.key, Number(row.n)]));
  return { byKey, now: byKey.get("now") ?? 0 };
}

const empty = { byKey: new Map<string, number>(), now: 0 };

/** Products and manufacturing orders in progress now, and at some point of each bucket, of the period and the previous one. */
export async function inProgress(db: Executor, user: ActingUser, scope: AnalyticsScope, period: AnalyticsPeriod): Promise<ChartData> {
  const [productsCounted, ordersCounted] = await Promise.all([
    countedObjectsSql(db, user, scope, "product"),
    countedObjectsSql(db, user, scope, "manufacturing_order"),
  ]);
  const [productCounts, orderCounts] = await Promise.all([
    productsCounted ? inProgressCounts(db, productSpansSql(productsCounted), period) : empty,
    ordersCounted ? inProgressCounts(db, orderSpansSql(ordersCounted), period) : empty,
  ]);
  const counts = { products: productCounts, orders: orderCounts };
  return {
    id: "inProgress",
    figures: {
      productsNow: { value: productCounts.now, previous: null },
      ordersNow: { value: orderCounts.now, previous: null },
      products: { value: productCounts.byKey.get("period") ?? 0, previous: productCounts.byKey.get("previous") ?? 0 },
      orders: { value: orderCounts.byKey.get("period") ?? 0, previous: orderCounts.byKey.get("previous") ?? 0 },
    },
    ...bucketColumns(period, ["products", "orders"], (key, name) => counts[name as keyof typeof counts].byKey.get(key) ?? 0),
  };
}
