import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "web/**/*.test.ts", "web/**/*.test.tsx"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Browser tests poll the page for what the server answers; on a loaded 2-core CI machine an
    // answer that needs a worker thread can take longer than the default second.
    expect: { poll: { timeout: 10_000 } },
  },
});
