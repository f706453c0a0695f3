// Entry of the worker that reads one uploaded file (see upload.offthread.ts). Workers do not
// inherit the tsx loader the server registered, so this registers it before loading the TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./upload.worker.ts");
