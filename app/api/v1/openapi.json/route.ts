import { defineRoute, noInput } from "@/lib/gate/define-route";
import { openApiDocument } from "@/lib/openapi/build-openapi-document";
import { ok } from "@/lib/result";

/** The OpenAPI 3.1 description of /api/v1, generated from the routes' own declarations (docs/api.md). Any signed-in caller. */
export const GET = defineRoute({ name: "openapi.read", input: noInput }, async () => ok(openApiDocument()));
