import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/build-openapi-document";
import { responseDeclarations } from "@/lib/openapi/responses";
import { apiRouteModules, httpMethods } from "@/lib/openapi/route-modules";

// The document covers the API: every route file under app/api/v1 and every method it exports is in it, every path
// in it is a route, every operation declares its answer, and every resource of API.md's table is there.

const root = path.resolve(import.meta.dirname, "../..");
const apiRoot = path.join(root, "app/api/v1");

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** app/api/v1/objects/[id]/route.ts → /api/v1/objects/{id} */
function documentPathOf(file: string): string {
  const relative = path.relative(apiRoot, path.dirname(file)).split(path.sep).filter(Boolean).join("/");
  return `/api/v1${relative ? `/${relative}` : ""}`.replace(/\[([^\]]+)\]/g, "{$1}");
}

async function routeMethods(): Promise<Map<string, string[]>> {
  const routes = new Map<string, string[]>();
  for (const file of routeFiles(apiRoot)) {
    const exported = (await import(file)) as Record<string, unknown>;
    routes.set(
      documentPathOf(file),
      httpMethods.filter((method) => typeof exported[method] === "function"),
    );
  }
  return routes;
}

const operations = (document = openApiDocument()) =>
  Object.entries(document.paths).flatMap(([route, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${route}`));

describe("the OpenAPI document covers every /api/v1 route", () => {
  it("has every route file and every method it exports, and nothing else", async () => {
    const routes = await routeMethods();
    expect(routes.size).toBeGreaterThan(30);
    const fromFiles = [...routes].flatMap(([route, methods]) => methods.map((method) => `${method} ${route}`)).sort();
    // A route missing here is missing from lib/openapi/route-modules.ts (docs/api.md, "Adding a route").
    expect(operations().sort()).toEqual(fromFiles);
    expect(Object.keys(apiRouteModules).sort()).toEqual([...routes.keys()].sort());
  });

  it("reads every operation's gate declaration", () => {
    for (const [route, module] of Object.entries(apiRouteModules)) {
      for (const method of httpMethods) {
        const handler = module[method];
        if (handler) expect(handler.gate?.spec.name, `${method} ${route}`).toBeTruthy();
      }
    }
  });

  it("declares the answer of every operation, and no answer of an operation that does not exist", () => {
    const documented = operations();
    const undeclared = documented.filter((operation) => !responseDeclarations[operation]?.schema && !responseDeclarations[operation]?.file);
    // Add it to the area's file in lib/openapi/responses.
    expect(undeclared).toEqual([]);
    expect(Object.keys(responseDeclarations).filter((operation) => !documented.includes(operation))).toEqual([]);
  });

  it("documents the path parameters, the error body and both ways to authenticate", () => {
    const document = openApiDocument();
    const comment = document.paths["/api/v1/objects/{id}/comments/{commentId}"]!.patch!;
    expect(comment.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "id", in: "path" }), expect.objectContaining({ name: "commentId", in: "path" })]),
    );
    expect(Object.keys(comment.responses as object)).toEqual(expect.arrayContaining(["200", "401", "403", "404", "409", "422", "429"]));
    const list = document.paths["/api/v1/objects"]!.get!;
    expect(list.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: "limit", in: "query", required: false })]));
    expect(list.requestBody).toBeUndefined();
    const create = document.paths["/api/v1/objects"]!.post!;
    expect(Object.keys(create.responses as object)).toContain("201");
    expect(create.requestBody).toMatchObject({ required: true, content: { "application/json": { schema: { type: "object" } } } });
    expect(document.components).toMatchObject({ securitySchemes: { sessionCookie: { in: "cookie" }, bearerToken: { scheme: "bearer" } } });
  });
});

// API.md lives beside the repository (shared/), in CI and on the developers' machines.
const apiContract = [path.resolve(root, "../shared/API.md"), "/work/shared/API.md"].find((candidate) => fs.existsSync(candidate));

/** "GET, POST /api/v1/sites · PATCH /api/v1/sites/{id}" → ["GET /api/v1/sites", "POST /api/v1/sites", "PATCH /api/v1/sites/{id}"] */
function resourcesOfRow(cell: string): string[] {
  let previous = "";
  return cell.split("·").flatMap((part) => {
    const match = /^\s*((?:[A-Z]+,\s*)*[A-Z]+)\s+(\S+)/.exec(part);
    if (!match) return [];
    let route = match[2]!.replace(/\?.*$/, "");
    // "…/revisions/{rev}/validate" continues the previous path from its first segment.
    if (route.startsWith("…")) {
      const rest = route.slice(1);
      const firstSegment = rest.split("/")[1]!;
      route = `${previous.slice(0, previous.lastIndexOf(`/${firstSegment}`))}${rest}`;
    }
    previous = route;
    return match[1]!.split(/,\s*/).map((method) => `${method} ${route}`);
  });
}

/** Parameter names may differ ({rev} in API.md, {revisionId} in the route): compared without them. */
const withoutParameterNames = (operation: string) => operation.replace(/\{[^}]+\}/g, "{}");

// API.md rows whose routes other areas are still building: each leaves this list when its route lands (the test
// below fails while a listed route exists, so the list only shrinks).
const comingRoutes: string[] = [];

describe("API.md's resource table", () => {
  it("reads the rows, relative paths included", () => {
    expect(resourcesOfRow("POST /api/v1/objects/{id}/revisions · POST …/revisions/{rev}/validate")).toEqual([
      "POST /api/v1/objects/{id}/revisions",
      "POST /api/v1/objects/{id}/revisions/{rev}/validate",
    ]);
    expect(resourcesOfRow("GET /api/v1/objects?type=&q= · GET, PATCH /api/v1/x/{id}")).toEqual(["GET /api/v1/objects", "GET /api/v1/x/{id}", "PATCH /api/v1/x/{id}"]);
  });

  it.skipIf(!apiContract)("has each listed method and path in the document", () => {
    const rows = fs
      .readFileSync(apiContract!, "utf8")
      .split("\n")
      .filter((line) => line.startsWith("| ") && line.includes("/api/v1"))
      .map((line) => line.split("|")[1]!);
    const listed = rows.flatMap(resourcesOfRow).map(withoutParameterNames);
    expect(listed.length).toBeGreaterThan(40);
    const documented = new Set(operations().map(withoutParameterNames));
    expect(listed.filter((operation) => !documented.has(operation) && !comingRoutes.includes(operation))).toEqual([]);
    expect(comingRoutes.filter((operation) => documented.has(operation))).toEqual([]);
  });
});
