import { defineConfig } from "vitest/config";

// One suite: unit tests (pure code) and integration tests (real Redis, PostgreSQL,
// SMTP and Chromium). Each integration test file isolates its own database and queue prefix.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ["default", "junit"] : ["default"],
    outputFile: { junit: "test/artifacts/junit.xml" },
  },
});
