import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { integrations, users, type Role } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { issueApiToken } from "@/lib/integrations/api-tokens";
import { ObjectsWorld } from "./objects-world";

// The world of the revision and upload tests: Lyon and Toulouse; everyone views, Managers modify documents, one
// document lead has Full access; a Viewer and a Manager of Lyon, and a Toulouse Manager outside Lyon's documents.

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export async function documentWorld(db: Database) {
  const world = await ObjectsWorld.create(db, {
    sites: ["Lyon", "Toulouse"],
    rules: [
      { name: "Everyone — View", level: "view", users: { all: true } },
      { name: "Managers — Modify documents", level: "modify", users: { roles: ["manager"] }, objects: { types: ["document"] } },
    ],
  });
  const lead = await world.actor({ role: "manager", sites: ["Lyon"], name: "Lena Lead" });
  await world.setRules([
    { name: "Everyone — View", level: "view", users: { all: true } },
    { name: "Managers — Modify documents", level: "modify", users: { roles: ["manager"] }, objects: { types: ["document"] } },
    { name: "Lead — Full", level: "full", users: { userIds: [lead.id] } },
  ]);
  const manager = await world.actor({ role: "manager", sites: ["Lyon"], name: "Marc Modify" });
  const viewer = await world.actor({ role: "viewer", sites: ["Lyon"], name: "Vera Viewer" });
  const outsider = await world.actor({ role: "manager", sites: ["Toulouse"], name: "Theo Toulouse" });
  const document = await world.createObject(lead, { type: "document", title: "Pump housing drawing" });

  /** An integration token acting as a service account shaped like `like` (role and sites). */
  async function tokenLike(like: ActingUser, role: Role, sites: string[]): Promise<string> {
    const service = await world.addUser({ role, sites, name: `${like.name} connector` });
    await db.update(users).set({ kind: "service", passwordHash: null }).where(eq(users.id, service.id));
    const [integration] = await db.insert(integrations).values({ organizationId: world.organizationId, name: `connector ${service.id}`, serviceUserId: service.id }).returning();
    return (await issueApiToken(db, { organizationId: world.organizationId, integrationId: integration!.id, name: "test" })).token;
  }

  return { world, lead, manager, viewer, outsider, document, tokenLike };
}

/** Calls a route handler as /api/v1 would, with a bearer token, in English. */
export function callRoute(
  route: RouteHandler,
  params: Record<string, string>,
  token: string,
  init: { method?: string; query?: string; json?: unknown; body?: BodyInit; contentType?: string } = {},
): Promise<Response> {
  const headers = new Headers({ authorization: `Bearer ${token}`, "accept-language": "en" });
  if (init.json !== undefined) headers.set("content-type", "application/json");
  if (init.contentType) headers.set("content-type", init.contentType);
  const request = new Request(`http://atelier.test/api/v1/objects/${params.id}/revisions${init.query ?? ""}`, {
    method: init.method ?? "GET",
    headers,
    body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  return route(request, { params: Promise.resolve(params) });
}
