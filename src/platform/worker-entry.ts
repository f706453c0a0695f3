import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Inside the project's node_modules, so that the bundle's imports of packages resolve as the sources' do. */
const CACHE_DIR = path.join(ROOT, "node_modules", ".cache", "musubi", "workers");

const built = new Map<string, Promise<URL>>();

/**
 * The script a worker thread should run for the TypeScript module `entry`.
 *
 * Worker threads do not inherit the tsx loader the server runs under, and registering it in each
 * worker costs 0.8 s on a quiet machine (3 s under load) before the worker does anything: every
 * upload would wait that long to be read. So the entry and the project modules it imports are
 * bundled once per process with esbuild (which tsx already ships) into one JavaScript file under
 * `node_modules/.cache/musubi/workers/`, named by its content hash; packages stay external and
 * load from `node_modules` as usual. Each module's `import.meta.url` is kept as its source's, so
 * files it reads beside itself (schemas, the library) are still found.
 *
 * `fallback` is a plain `.mjs` entry that registers tsx and imports the TypeScript itself: used
 * when bundling is impossible (no esbuild, a read-only installation).
 */
export async function workerScript(entry: URL, fallback: URL): Promise<URL> {
  let script = built.get(entry.href);
  // Another process (a newer version) may have pruned this build since: then it is built again.
  if (script && !(await fs.stat(fileURLToPath(await script)).catch(() => undefined))) script = undefined;
  if (!script) {
    script = bundle(entry).catch(() => fallback);
    built.set(entry.href, script);
  }
  return script;
}

async function bundle(entry: URL): Promise<URL> {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    // Split, so that what an entry imports only on demand (`await import(...)`) is loaded on demand.
    splitting: true,
    outdir: path.join(CACHE_DIR, "out"),
    write: false,
    logLevel: "silent",
    plugins: [
      {
        name: "source-import-meta-url",
        setup(build) {
          build.onLoad({ filter: /\.ts$/ }, async (args) => {
            const source = await fs.readFile(args.path, "utf8");
            const href = JSON.stringify(pathToFileURL(args.path).href);
            return { contents: source.replace(/\bimport\.meta\.url\b/g, href), loader: "ts" };
          });
        },
      },
    ],
  });
  const outDir = path.join(CACHE_DIR, "out");
  const hash = createHash("sha256");
  for (const out of result.outputFiles) hash.update(path.relative(outDir, out.path)).update(out.contents);
  const name = path.basename(fileURLToPath(entry), ".ts");
  const dir = path.join(CACHE_DIR, `${name}-${hash.digest("hex").slice(0, 16)}`);
  const script = path.join(dir, `${name}.js`);
  const present = await fs.stat(script).then(
    () => true,
    () => false,
  );
  if (!present) {
    // Written aside and renamed into place: a second process building the same bundle never sees
    // half of it, and whichever rename comes second finds the same files already there.
    const partial = `${dir}.${process.pid}.${Date.now()}.tmp`;
    for (const out of result.outputFiles) {
      const file = path.join(partial, path.relative(outDir, out.path));
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, out.contents);
    }
    await fs.writeFile(path.join(partial, "package.json"), '{ "type": "module" }\n');
    await fs.rename(partial, dir).catch(async (err) => {
      await fs.rm(partial, { recursive: true, force: true });
      if (!(await fs.stat(script).catch(() => undefined))) throw err;
    });
  }
  void pruneOlderBuilds(name, dir);
  return pathToFileURL(script);
}

/** A day after a newer build of the same entry appeared, an older one is no longer in use. */
const STALE_AFTER_MS = 24 * 3600 * 1000;

async function pruneOlderBuilds(name: string, current: string): Promise<void> {
  const entries = await fs.readdir(CACHE_DIR).catch(() => [] as string[]);
  for (const entry of entries) {
    const dir = path.join(CACHE_DIR, entry);
    if (dir === current || !new RegExp(`^${name}-[0-9a-f]{16}$`).test(entry)) continue;
    const stat = await fs.stat(dir).catch(() => undefined);
    if (stat && Date.now() - stat.mtimeMs > STALE_AFTER_MS) await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
