import { z } from "zod";
import { errorStatus, type ErrorCode } from "@/lib/result";
import { errorCodesOf } from "./error-responses";
import { bodyIsRequired, inputJsonSchema, operationParameters, requestBodySchema, takesVersion, type JsonSchema } from "./operation-input";
import type { ResponseDeclaration } from "./response-schema";
import { apiRouteModules, httpMethods, type HttpMethod } from "./route-modules";
import { errorBody } from "./responses/common-schemas";
import { responseDeclarations } from "./responses";

// The OpenAPI 3.1 description of /api/v1, built from the routes themselves: each handler carries the gate
// declaration it was made with (lib/gate/define-route.ts), whose zod input schema gives the parameters and body; the
// answers come from the response schemas declared in lib/openapi/responses (docs/api.md).

export type OpenApiDocument = JsonSchema & { paths: Record<string, Partial<Record<Lowercase<HttpMethod>, JsonSchema>>> };

const errorDescriptions: Record<ErrorCode, string> = {
  unauthenticated: "No session, or a wrong, expired or revoked token.",
  forbidden: "The role or the object's access does not allow it, or a cross-site write.",
  not_found: "No such record, or one the caller cannot view.",
  conflict: "The stated version is stale, or the change clashes with existing records.",
  too_large: "The body is larger than the route accepts.",
  unsupported_media_type: "The body is not of the type the route declares.",
  invalid: "The input does not validate; `fields` names each field at fault (an unknown field included).",
  rate_limited: "The token's rate limit is reached; retry after `Retry-After` seconds.",
};

function outputJsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema, ...rest } = z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as JsonSchema;
  void $schema;
  return rest;
}

function successResponse(declaration: ResponseDeclaration | undefined): JsonSchema {
  if (declaration?.file) {
    return { description: declaration.file.description, content: { [declaration.file.mediaType]: { schema: { type: "string", format: "binary" } } } };
  }
  if (declaration?.schema) return { description: declaration.summary, content: { "application/json": { schema: outputJsonSchema(declaration.schema) } } };
  return { description: "Undocumented: lib/openapi/responses declares no answer for this operation." };
}

function errorResponse(code: ErrorCode): JsonSchema {
  const headers = code === "rate_limited" ? { headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } } } : {};
  return { description: errorDescriptions[code], ...headers, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
}

function operation(path: string, method: HttpMethod): JsonSchema {
  const handler = apiRouteModules[path]![method]!;
  const { spec, options } = handler.gate;
  const declaration = responseDeclarations[`${method} ${path}`];
  const input = inputJsonSchema(spec.input);
  const multipart = options.body === "multipart";
  const restInQuery = multipart || method === "GET" || method === "DELETE";
  const parameters = operationParameters(path, input, restInQuery);
  const body = restInQuery ? null : requestBodySchema(path, input);
  const errors = errorCodesOf({
    method,
    gate: handler.gate,
    hasPathParameters: path.includes("{"),
    takesVersion: takesVersion(input),
    declared: declaration?.errors ?? [],
  });
  const requestBody = multipart
    ? { required: true, content: { "multipart/form-data": { schema: { type: "object", description: "The upload, streamed by the route." } } } }
    : body && { required: bodyIsRequired(body), content: { "application/json": { schema: body } } };
  return {
    operationId: `${method.toLowerCase()}${path.replace(/^\/api\/v1/, "").replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ?? "").toUpperCase())}`,
    summary: declaration?.summary ?? `${method} ${path}`,
    tags: [path.split("/")[3]!],
    "x-atelier-action": spec.name,
    ...(spec.capability ? { "x-atelier-capability": spec.capability } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: {
      [String(options.successStatus ?? 200)]: successResponse(declaration),
      ...Object.fromEntries(errors.map((code) => [String(errorStatus[code]), errorResponse(code)])),
    },
  };
}

function buildDocument(): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const [path, module] of Object.entries(apiRouteModules)) {
    for (const method of httpMethods) {
      if (!module[method]) continue;
      paths[path] = { ...paths[path], [method.toLowerCase()]: operation(path, method) };
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Atelier API",
      version: "1",
      description:
        "Every capability of Atelier through the same services and the same authorization as its pages. JSON in and out; lists take `limit` (1–200) and `cursor` and answer `{ items, nextCursor }`; inputs are strict (an unknown field is 422 naming it); edits state the `version` they read (stale: 409). An object the caller cannot view is 404, never 403.",
    },
    security: [{ sessionCookie: [] }, { bearerToken: [] }],
    components: {
      securitySchemes: {
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "authjs.session-token",
          description: "The browser session of the pages (`__Secure-authjs.session-token` over HTTPS). Writes need a same-origin `Origin`.",
        },
        bearerToken: { type: "http", scheme: "bearer", description: "An integration token made in Admin → Integrations; it acts as its service account." },
      },
      schemas: { Error: outputJsonSchema(errorBody) },
    },
    paths,
  };
}

let built: OpenApiDocument | undefined;

/** The document, built once per process (the routes do not change while it runs). */
export function openApiDocument(): OpenApiDocument {
  built ??= buildDocument();
  return built;
}
