import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // A separate build directory lets end-to-end runs build without touching a running dev server.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite ships .wasm/.data files; bundling it would copy them into the publicly served assets.
  // pdfkit reads its font metrics from its own folder at run time.
  // The server-only libraries are loaded once by Node.js instead of being bundled: the build puts
  // a copy of every module the routes share into each route's chunks, and each copy is loaded,
  // compiled and kept in memory on its own (17 copies of a 0.9 MB chunk, mostly these libraries).
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pg",
    "bcryptjs",
    "pdfkit",
    "nodemailer",
    "zod",
    "pg-boss",
    "fast-xml-parser",
    "papaparse",
    "drizzle-orm",
  ],
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
  experimental: {
    authInterrupts: true,
    // CSV imports arrive as server-action bodies; 1 MB (the default) is a few thousand rows.
    serverActions: { bodySizeLimit: "12mb" },
  },
};

export default withNextIntl(nextConfig);
