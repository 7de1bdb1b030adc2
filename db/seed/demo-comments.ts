import "server-only";
import { randomUUID } from "node:crypto";
import { comments, type ObjectType } from "@/db/schema";
import { momentAfter, type DemoContext } from "./demo-context";
import { insertInChunks } from "./demo-insert";
import { logEvent, type DemoObject } from "./demo-objects";
import type { DemoPerson } from "./demo-people";

const commentCount = 45;

const remarks: Record<ObjectType, string[]> = {
  document: [
    "Please check the surface finish callout on section B-B.",
    "Updated the tolerance table after the design review.",
    "The supplier asked for the STEP file together with this revision.",
    "Reviewed: OK for me once the title block is fixed.",
  ],
  part: [
    "Lead time from the supplier is now 6 weeks.",
    "Can we switch to the standard material to save on machining?",
    "Stock is low in Lyon, reorder planned next week.",
  ],
  product: [
    "Customer feedback from the trade fair is very positive.",
    "Field returns are down since the last change.",
    "The datasheet needs the new performance curves.",
  ],
  project: [
    "Milestone review moved to next Thursday.",
    "Budget update sent to finance.",
    "Waiting for the supplier's PPAP documents before we can close this.",
  ],
  manufacturing_order: [
    "Batch started on line 2, first parts OK.",
    "Material shortage: 20 pieces delayed to next week.",
    "First article inspection passed.",
    "Packaging changed to the new returnable crates.",
  ],
  workflow: [
    "Impact on stock: about 300 parts to rework or scrap.",
    "Supplier confirmed they can deliver the new version from week 12.",
    "Please sign before Friday so we can release the change.",
  ],
};

/** Whoever may see the object by its scope: authors only comment on what they can read. */
function readersOf(ctx: DemoContext, object: DemoObject): DemoPerson[] {
  const scope = object.scope;
  const signsIn = ctx.people.filter((person) => person.kind !== "service");
  if (scope.kind === "owner") return [object.owner];
  if (scope.kind === "organization") return signsIn;
  return signsIn.filter((person) => person.sites.some((site) => scope.sites.includes(site)));
}

/** A few comments on random objects, each with its "commented" event in the feed. */
export async function seedComments(ctx: DemoContext, objects: DemoObject[]): Promise<void> {
  const rows = Array.from({ length: commentCount }, () => {
    const object = ctx.random.pick(objects);
    const author = ctx.random.pick(readersOf(ctx, object));
    const createdAt = momentAfter(ctx, object.createdAt, object.site, 0, 40);
    const id = randomUUID();
    logEvent(ctx, object, "commented", author, createdAt, { commentId: id });
    const body = ctx.random.pick(remarks[object.type]);
    return { id, organizationId: ctx.organizationId, objectId: object.id, authorId: author.id, body, createdAt };
  });
  await insertInChunks(ctx.tx, comments, rows);
}
