import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb, type Database } from "@/db/client";
import { integrations, users } from "@/db/schema";
import { authorizeObject } from "@/lib/authz/object-access";
import { subjectOf } from "@/lib/authz/subject";
import { defineRoute } from "@/lib/gate/define-route";
import { issueApiToken } from "@/lib/integrations/api-tokens";
import { getObject } from "@/lib/objects/get-object";
import { ok } from "@/lib/result";
import { dataOf } from "../fixtures/results";
import { ObjectsWorld } from "./objects-world";

// The gate's newer powers, on routes declared here and called with a plain Request and a bearer token (no Next
// request context needed): an object reached through another record, an answer that is a file, and a read service
// that reuses the gate's decision instead of deciding again.

const noParams = { params: Promise.resolve({}) };

describe("the gate for routes", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  async function world() {
    const made = await ObjectsWorld.create(db, { sites: ["Lyon", "Toulouse"], rules: [{ name: "Everyone views", level: "view", users: { all: true }, objects: {} }] });
    const lyon = await made.actor({ role: "manager", sites: ["Lyon"] });
    const toulouse = await made.actor({ role: "manager", sites: ["Toulouse"] });
    const visible = await made.createObject(lyon, { type: "document", title: "Lyon drawing" });
    const hidden = await made.createObject(toulouse, { type: "document", title: "Toulouse drawing" });
    const service = await made.addUser({ role: "viewer", sites: ["Lyon"] });
    await db.update(users).set({ kind: "service", passwordHash: null }).where(eq(users.id, service.id));
    const [integration] = await db.insert(integrations).values({ organizationId: made.organizationId, name: "Reader", serviceUserId: service.id }).returning();
    const { token } = await issueApiToken(db, { organizationId: made.organizationId, integrationId: integration!.id, name: "test" });
    return { made, lyon, visible, hidden, token };
  }

  const get = (route: ReturnType<typeof defineRoute>, query: string, token: string) =>
    route(new Request(`http://atelier.test/x?${query}`, { headers: { authorization: `Bearer ${token}` } }), noParams);

  it("authorizes an object reached through another record, loaded asynchronously", async () => {
    const { visible, hidden, token } = await world();
    // A stand-in for "a revision → its document": the input names an alias the loader resolves in the database.
    const aliases = new Map([
      ["drawing-a", visible.id],
      ["drawing-b", hidden.id],
    ]);
    const route = defineRoute(
      {
        name: "objects.read",
        input: z.strictObject({ alias: z.string() }),
        object: {
          id: async (input, { db: scoped, organizationId }) => {
            expect(organizationId).toBeTruthy();
            expect(scoped).toBe(db);
            return aliases.get(input.alias) ?? null;
          },
          action: "view",
        },
      },
      async ({ object }) => ok({ reached: object?.facts.id }),
    );
    const reached = await get(route, "alias=drawing-a", token);
    expect(reached.status).toBe(200);
    expect(await reached.json()).toEqual({ reached: visible.id });
    // Out of the caller's scope, or no such record: the same 404.
    const outOfScope = await get(route, "alias=drawing-b", token);
    const unknown = await get(route, "alias=nothing", token);
    expect([outOfScope.status, unknown.status]).toEqual([404, 404]);
    expect(await outOfScope.json()).toEqual(await unknown.json());
  });

  it("lets a handler answer with its own Response (a file, a stream), after the same gate", async () => {
    const { visible, hidden, token } = await world();
    const route = defineRoute(
      { name: "objects.read", input: z.strictObject({ id: z.string() }), object: { id: (input) => input.id, action: "view" } },
      async ({ object }) =>
        new Response(new Blob([`drawing ${object?.facts.id}`]).stream(), { headers: { "content-type": "text/plain", "content-disposition": "attachment" } }),
    );
    const file = await get(route, `id=${visible.id}`, token);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toBe("attachment");
    expect(await file.text()).toBe(`drawing ${visible.id}`);
    const refused = await get(route, `id=${hidden.id}`, token);
    expect(refused.status).toBe(404);
    expect(refused.headers.get("content-type")).toContain("application/json");
  });

  it("hands the gate's decision to the read service, which does not decide again", async () => {
    const { lyon, visible, hidden } = await world();
    const decided = dataOf(await authorizeObject(db, subjectOf(lyon), visible.id, "view"));
    // Proof by a decision the service could not have made itself: the facts of one object presented for another
    // are not reused; the decision for the object itself is.
    expect((await getObject(db, lyon, { id: hidden.id }, { authorized: decided })).ok).toBe(false);
    const reused = await getObject(db, lyon, { id: visible.id }, { authorized: { ...decided, decision: { ...decided.decision, level: "full" } } });
    expect(dataOf(reused).access.level).toBe("full");
    expect(dataOf(await getObject(db, lyon, { id: visible.id })).access.level).toBe("view");
  });
});
