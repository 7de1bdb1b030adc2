import { z } from "zod";
import type { ResponseDeclarations } from "../response-schema";

const openApiDocumentSchema = z.strictObject({
  openapi: z.literal("3.1.0"),
  info: z.strictObject({ title: z.string(), version: z.string(), description: z.string() }),
  security: z.array(z.record(z.string(), z.array(z.string()))),
  components: z.record(z.string(), z.unknown()),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});

export const apiDescriptionResponses: ResponseDeclarations = {
  "GET /api/v1/openapi.json": { summary: "This description, machine-readable (OpenAPI 3.1)", schema: openApiDocumentSchema },
};
