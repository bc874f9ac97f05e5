// Prisma CLI configuration (Prisma 7: no url in the schema). Offline, run the CLI with
// PRISMA_SCHEMA_ENGINE_BINARY=/bin/false (see README "Migrations").
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/paperboy" },
});
