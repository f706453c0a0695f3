// The history worker's entry when it cannot be bundled (see src/platform/worker-entry.ts): workers
// do not inherit the tsx loader, so this registers it before loading the TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./oversight.generate.worker.ts");
