import "server-only";
import { parts, type PartStatus, type ProductStatus } from "@/db/schema";
import { partCatalog, type PartSpec } from "./demo-catalog-products";
import { creationMoment, momentAfter, type DemoContext } from "./demo-context";
import { insertInChunks } from "./demo-insert";
import { insertObjects, link, pickOwner, scopeFor, type DemoObject } from "./demo-objects";
import type { DemoProduct } from "./demo-products";
import { siteNames, type SiteName } from "./demo-sites";

export interface DemoPart {
  object: DemoObject;
  spec: PartSpec;
}

function statusFor(ctx: DemoContext, productStatus: ProductStatus | null): PartStatus {
  switch (productStatus) {
    case null:
    case "in_production":
    case "end_of_life":
      return ctx.random.chance(0.9) ? "released" : "in_design";
    case "prototype":
      return ctx.random.chance(0.5) ? "released" : "in_design";
    case "development":
      return "in_design";
    case "discontinued":
      return "obsolete";
  }
}

/** Parts, designed with their product (standard parts earlier), and the products' BOM lines. */
export async function seedParts(ctx: DemoContext, products: DemoProduct[]): Promise<DemoPart[]> {
  const { properties } = ctx;
  const entries = partCatalog.map((spec, index) => {
    const product = products.find((candidate) => candidate.spec.code === spec.family) ?? null;
    const site: SiteName = product?.spec.site ?? siteNames[index % siteNames.length] ?? "Toulouse";
    const scope = scopeFor(index, site);
    const createdAt = product ? momentAfter(ctx, product.object.createdAt, site, 0, 60) : creationMoment(ctx, site, 120);
    const lyonOnly = scope.kind === "sites" && scope.sites.length === 1 && site === "Lyon";
    return {
      spec,
      product,
      status: spec.status ?? statusFor(ctx, product?.spec.status ?? null),
      plan: {
        title: spec.title,
        owner: pickOwner(ctx, site),
        site,
        scope,
        templateId: lyonOnly ? ctx.templates.lyonSharedParts : ctx.templates.standard.part,
        properties: {
          [properties.part.material]: spec.material,
          [properties.part.makeOrBuy.id]: properties.part.makeOrBuy.option[spec.source],
        },
        createdAt,
        updatedAt: momentAfter(ctx, createdAt, site, 0, 60),
      },
    };
  });
  const seeded = await insertObjects(ctx, "part", entries);
  await insertInChunks(
    ctx.tx,
    parts,
    seeded.map(({ object, spec, status }) => ({
      objectId: object.id,
      organizationId: ctx.organizationId,
      status,
      unit: spec.unit,
      material: spec.material,
    })),
  );

  const standardParts = seeded.filter(({ product, status }) => product === null && status !== "obsolete");
  for (const product of products) {
    const kind = product.spec.status === "development" ? "product_part" : "bom";
    const lines = [
      ...seeded.filter((part) => part.product === product).map((part) => ({ part, quantity: part.spec.quantity })),
      ...ctx.random.sample(standardParts, 2).map((part) => ({ part, quantity: ctx.random.int(2, 12) })),
    ];
    for (const { part, quantity } of lines) {
      link(ctx, product.object, part.object, kind, product.object.owner, kind === "bom" ? quantity : undefined);
    }
  }
  return seeded.map(({ object, spec }) => ({ object, spec }));
}
