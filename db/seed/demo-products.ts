import "server-only";
import { products, productStatuses } from "@/db/schema";
import { productCatalog } from "./demo-catalog-products";
import { creationMoment, type DemoContext } from "./demo-context";
import { insertInChunks } from "./demo-insert";
import { insertObjects, logEvent, pickOwner, scopeFor, type DemoObject } from "./demo-objects";
import type { SiteName } from "./demo-sites";
import { addDays, ascendingMoments } from "./demo-time";

export interface DemoProduct {
  object: DemoObject;
  spec: (typeof productCatalog)[number];
}

function qualityLeadId(ctx: DemoContext, site: SiteName): string {
  const quality = ctx.people.filter((person) => person.kind === "person" && person.department === "Quality");
  const lead = quality.find((person) => person.sites.includes(site)) ?? quality[0];
  if (!lead) throw new Error("the demo needs a Quality person");
  return lead.id;
}

/** Products, each walked through its lifecycle up to its current status (one status_changed event per step). */
export async function seedProducts(ctx: DemoContext): Promise<DemoProduct[]> {
  const { properties } = ctx;
  const plans = productCatalog.map((spec, index) => {
    const steps = productStatuses.indexOf(spec.status);
    const createdAt = creationMoment(ctx, spec.site, 15 + 25 * steps);
    const changes = ascendingMoments(ctx.random, addDays(createdAt, 3), addDays(ctx.now, -1), steps);
    return {
      spec,
      changes,
      plan: {
        title: spec.title,
        owner: pickOwner(ctx, spec.site),
        site: spec.site,
        scope: scopeFor(index, spec.site),
        templateId: ctx.templates.standard.product,
        properties: {
          [properties.product.productLine.id]: properties.product.productLine.option[spec.line],
          [properties.product.qualityLead]: [qualityLeadId(ctx, spec.site)],
        },
        createdAt,
        updatedAt: changes.at(-1) ?? createdAt,
      },
    };
  });
  const seeded = await insertObjects(ctx, "product", plans);
  for (const { object, changes } of seeded) {
    changes.forEach((occurredAt, step) => {
      const [from, to] = [productStatuses[step], productStatuses[step + 1]];
      logEvent(ctx, object, "status_changed", object.owner, occurredAt, { from, to });
    });
  }
  await insertInChunks(
    ctx.tx,
    products,
    seeded.map(({ object, spec, changes }) => ({
      objectId: object.id,
      organizationId: ctx.organizationId,
      status: spec.status,
      statusChangedAt: changes.at(-1) ?? object.createdAt,
    })),
  );
  return seeded.map(({ object, spec }) => ({ object, spec }));
}
