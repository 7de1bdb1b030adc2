import createNextIntlPlugin from "next-intl/plugin";

// The language comes from the user's profile or browser, never from the URL (lib/i18n/request.ts).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships ~15 MB of wasm/data files; bundling would copy them into the public static folder.
  // pdfjs-dist loads its worker and @napi-rs/canvas its native binary at run time: both stay in node_modules.
  serverExternalPackages: ["@electric-sql/pglite", "pdfjs-dist", "@napi-rs/canvas"],
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: "2mb" },
  },
};

export default withNextIntl(nextConfig);
