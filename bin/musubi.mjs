#!/usr/bin/env node
// Entry point for `musubi` / `npx musubi`: runs the TypeScript sources through tsx's loader.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
await main(process.argv);
