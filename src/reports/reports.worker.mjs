// Entry of the worker that writes one report file (see reports.offthread.ts). Workers do not
// inherit the tsx loader the server registered, so this registers it before loading the TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./reports.worker.ts");
