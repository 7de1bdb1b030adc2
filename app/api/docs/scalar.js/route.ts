import { createReadStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { defineRoute, noInput } from "@/lib/gate/define-route";

// The reference page's renderer: Scalar's standalone bundle, served from this origin (the pages' CSP allows no
// other), read from the installed package so an npm update updates it. Signed-in callers only, like the page.
const bundle = path.join(process.cwd(), "node_modules/@scalar/api-reference/dist/browser/standalone.js");

export const GET = defineRoute(
  { name: "openapi.read", input: noInput },
  async () =>
    new Response(Readable.toWeb(createReadStream(bundle)) as ReadableStream, {
      headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "private, max-age=3600" },
    }),
);
