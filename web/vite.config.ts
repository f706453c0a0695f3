import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * The web UI: built into dist/web, which the Musubi server serves with an SPA fallback under a
 * strict CSP (no inline scripts or styles). `npm run dev`-style work: run the server on :3000 and
 * `npx vite --config web/vite.config.ts`; /api is proxied to it.
 */
export default defineConfig(({ command }) => ({
  root,
  plugins: [react()],
  // A build is always a production build, even when started from a process whose NODE_ENV is not
  // "production" (the browser test builds under Vitest, NODE_ENV=test). Vite would otherwise ship
  // React's development bundle, or — worse — production React with development-JSX calls.
  ...(command === "build" && {
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    oxc: { jsx: { development: false } },
  }),
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    // A module preload polyfill would be injected inline; every browser Musubi supports has modulepreload.
    modulePreload: { polyfill: false },
    // Never inline assets as data: URLs into CSS/JS beyond what the CSP allows (img-src data: is fine; fonts too).
    assetsInlineLimit: 4096,
  },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
}));
