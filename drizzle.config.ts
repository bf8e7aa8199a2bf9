import { defineConfig } from "drizzle-kit";

// Generation only needs the schema; the URL is used by `drizzle-kit check`/studio if ever run.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  ...(process.env.DATABASE_URL
    ? { dbCredentials: { url: process.env.DATABASE_URL } }
    : { driver: "pglite", dbCredentials: { url: "./data/drizzle-kit" } }),
});
