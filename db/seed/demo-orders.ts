import "server-only";
import { manufacturingOrders, type ManufacturingOrderStatus, type ProductStatus } from "@/db/schema";
import { momentAfter, momentBetween, type DemoContext } from "./demo-context";
import { insertInChunks } from "./demo-insert";
import { insertObjects, link, logEvent, pickOwner, scopeFor, type DemoObject } from "./demo-objects";
import type { DemoProduct } from "./demo-products";
import { siteNames, type SiteName } from "./demo-sites";
import { addDays, calendarDate, dayMs, latest } from "./demo-time";
import type { Priority } from "./demo-properties";

const orderCount = 25;
const madeStatuses: ProductStatus[] = ["prototype", "in_production", "end_of_life"];
const priorityDraw: Priority[] = ["Low", "Low", "Normal", "Normal", "Normal", "Normal", "High", "High", "High", "Urgent"];

interface OrderTimeline {
  status: ManufacturingOrderStatus;
  startedAt: Date | null;
  finishedAt: Date | null;
  cancelledAt: Date | null;
}

/** Where an order stands today, given its planned dates: the recent ones are planned or in progress. */
function timelineOf(ctx: DemoContext, createdAt: Date, plannedStart: Date, plannedEnd: Date, site: SiteName): OrderTimeline {
  if (ctx.random.chance(0.1)) {
    return { status: "cancelled", startedAt: null, finishedAt: null, cancelledAt: momentAfter(ctx, createdAt, site, 1, 10) };
  }
  if (plannedStart > ctx.now) return { status: "planned", startedAt: null, finishedAt: null, cancelledAt: null };
  const startedAt = momentAfter(ctx, plannedStart, site, 0, 1);
  if (plannedEnd > ctx.now) return { status: "in_progress", startedAt, finishedAt: null, cancelledAt: null };
  const days = (plannedEnd.getTime() - plannedStart.getTime()) / dayMs;
  const finishedAt = momentAfter(ctx, startedAt, site, days * 0.8, days * 1.2);
  return { status: "done", startedAt, finishedAt, cancelledAt: null };
}

/** About one manufacturing order a week over the six months, on the products that are made. */
export async function seedOrders(ctx: DemoContext, products: DemoProduct[]): Promise<DemoObject[]> {
  const { random, organizationId } = ctx;
  const { priority } = ctx.properties.manufacturingOrder;
  const made = products.filter(({ spec }) => madeStatuses.includes(spec.status));
  const entries = Array.from({ length: orderCount }, (_, index) => {
    const product = random.pick(made);
    const site = random.chance(0.75) ? product.spec.site : random.pick(siteNames);
    const aimedAt = addDays(ctx.now, -(1 + index * 7 + random.int(0, 4)));
    const createdAt = momentBetween(ctx, latest(aimedAt, addDays(product.object.createdAt, 1)), addDays(aimedAt, 1), site);
    const quantity = product.spec.status === "prototype" ? random.int(1, 4) * 5 : random.int(5, 50) * 10;
    const plannedStart = addDays(createdAt, random.int(5, 21));
    const plannedEnd = addDays(plannedStart, random.int(5, 25));
    const timeline = timelineOf(ctx, createdAt, plannedStart, plannedEnd, site);
    const { startedAt, finishedAt, cancelledAt } = timeline;
    return {
      product,
      quantity,
      site,
      plannedStart,
      plannedEnd,
      timeline,
      plan: {
        title: `${product.spec.title} — ${quantity} pcs, ${site}`,
        owner: pickOwner(ctx, site),
        site,
        scope: scopeFor(index, site),
        templateId: ctx.templates.standard.manufacturing_order,
        properties: { [priority.id]: priority.option[random.pick(priorityDraw)] },
        createdAt,
        updatedAt: finishedAt ?? cancelledAt ?? startedAt ?? createdAt,
      },
    };
  });
  const seeded = await insertObjects(ctx, "manufacturing_order", entries);

  for (const { object, product, timeline } of seeded) {
    link(ctx, object, product.object, "mo_product", object.owner);
    const { startedAt, finishedAt, cancelledAt } = timeline;
    const changed = (at: Date, from: ManufacturingOrderStatus, to: ManufacturingOrderStatus) =>
      logEvent(ctx, object, "status_changed", object.owner, at, { from, to });
    if (startedAt) changed(startedAt, "planned", "in_progress");
    if (finishedAt) changed(finishedAt, "in_progress", "done");
    if (cancelledAt) changed(cancelledAt, "planned", "cancelled");
  }
  await insertInChunks(
    ctx.tx,
    manufacturingOrders,
    seeded.map(({ object, product, quantity, site, plannedStart, plannedEnd, timeline }) => ({
      objectId: object.id,
      organizationId,
      productObjectId: product.object.id,
      quantity,
      siteId: ctx.siteIds[site],
      status: timeline.status,
      plannedStart: calendarDate(plannedStart),
      plannedEnd: calendarDate(plannedEnd),
      startedAt: timeline.startedAt,
      finishedAt: timeline.finishedAt,
      createdAt: object.createdAt,
      updatedAt: object.updatedAt,
    })),
  );
  return seeded.map(({ object }) => object);
}
